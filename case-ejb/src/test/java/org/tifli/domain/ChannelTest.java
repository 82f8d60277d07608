package org.tifli.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tifli.domain.DomainFixtures.NOW;
import static org.tifli.domain.DomainFixtures.facebookPage;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelTest {

  private final Channel channel = facebookPage("MA-CAS");

  @Test
  void aNewChannelIsActive() {
    assertThat(channel.status()).isEqualTo(ChannelStatus.ACTIVE);
    assertThat(channel.needsFix()).isFalse();
    assertThat(channel.problem()).isEmpty();
  }

  @Test
  void aRefusedChannelNeedsAFixSinceItsFirstRefusalWithItsLatestError() {
    assertThat(channel.markNeedsFix("Facebook HTTP 400, code 190: expired", NOW)).isTrue();
    assertThat(channel.markNeedsFix("Facebook HTTP 400, code 190: revoked", NOW.plusSeconds(9)))
        .isFalse();

    assertThat(channel.status()).isEqualTo(ChannelStatus.NEEDS_FIX);
    assertThat(channel.problem()).contains("Facebook HTTP 400, code 190: revoked");
    assertThat(channel.problemSince()).contains(NOW);
  }

  @Test
  void aNewSecretPutsAChannelThatNeededAFixBackInService() {
    channel.markNeedsFix("code 190", NOW);

    assertThat(channel.replaceSecret("v1:new-sealed")).isTrue();

    assertThat(channel.status()).isEqualTo(ChannelStatus.ACTIVE);
    assertThat(channel.sealedSecret()).isEqualTo("v1:new-sealed");
    assertThat(channel.problem()).isEmpty();
    assertThat(channel.problemSince()).isEmpty();
    assertThat(channel.replaceSecret("v1:newer")).isFalse();
  }

  @Test
  void aRetiredChannelComesBackAndNeitherHappensTwice() {
    channel.retire(NOW);

    assertThat(channel.status()).isEqualTo(ChannelStatus.RETIRED);
    assertThat(channel.retiredAt()).contains(NOW);
    assertThrows(IllegalTransitionException.class, () -> channel.retire(NOW));

    channel.reinstate();

    assertThat(channel.status()).isEqualTo(ChannelStatus.ACTIVE);
    assertThrows(IllegalTransitionException.class, channel::reinstate);
  }

  @Test
  void retirementShowsBeforeAProblemWhichItKeeps() {
    channel.markNeedsFix("code 190", NOW);
    channel.retire(NOW);

    assertThat(channel.status()).isEqualTo(ChannelStatus.RETIRED);
    assertThat(channel.needsFix()).isTrue();
  }

  @Test
  void languagesAndExercisesChange() {
    channel.changeLanguages(List.of("ar", "zgh"));
    channel.changeExercise(true);

    assertThat(channel.languages()).containsExactly("ar", "zgh");
    assertThat(channel.exercise()).isTrue();
  }

  @Test
  void aProblemLongerThanTheColumnIsCut() {
    channel.markNeedsFix("e".repeat(Channel.PROBLEM_LENGTH + 50), NOW);

    assertThat(channel.problem()).hasValueSatisfying(p -> assertThat(p).hasSize(2000));
  }
}
