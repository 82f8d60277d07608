package org.tifli.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tifli.domain.DomainFixtures.NOW;

import java.util.Set;
import org.junit.jupiter.api.Test;

class UserAccountTest {

  private static UserAccount account() {
    return new UserAccount("records-system", "hash", Set.of(Role.SYSTEM), NOW);
  }

  @Test
  void aNewAccountIsEnabledWithItsRoles() {
    UserAccount account =
        new UserAccount("k.tazi", "hash", Set.of(Role.SUPERVISOR, Role.OFFICER), NOW);

    assertThat(account.enabled()).isTrue();
    assertThat(account.roles()).containsExactlyInAnyOrder(Role.OFFICER, Role.SUPERVISOR);
  }

  @Test
  void anAccountWithoutRolesCannotBeMade() {
    assertThrows(IllegalArgumentException.class, () -> new UserAccount("x", "h", Set.of(), NOW));
  }

  @Test
  void aDisabledAccountCanBeEnabledAgainButNothingTwice() {
    UserAccount account = account();

    account.disable();
    assertThat(account.enabled()).isFalse();
    assertThrows(IllegalTransitionException.class, account::disable);

    account.enable();
    assertThat(account.enabled()).isTrue();
    assertThrows(IllegalTransitionException.class, account::enable);
  }

  @Test
  void aPasswordNeedsTwelveCharactersAndMustNotContainTheUsername() {
    assertThat(UserAccount.passwordProblem("records-system", "short-pass1".toCharArray()))
        .isEqualTo("at least 12 characters");
    assertThat(UserAccount.passwordProblem("records", "my-RECORDS-password".toCharArray()))
        .isEqualTo("must not contain the username");
    assertThat(UserAccount.passwordProblem("records", "x".repeat(201).toCharArray()))
        .isEqualTo("at most 200 characters");
    assertThat(UserAccount.passwordProblem("records", "correct horse battery".toCharArray()))
        .isNull();
  }
}
