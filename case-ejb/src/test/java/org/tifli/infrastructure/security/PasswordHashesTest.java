package org.tifli.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PasswordHashesTest {

  private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

  // Each hash or check costs a deliberately slow derivation: one stored hash serves all tests.
  private static String stored;

  @BeforeAll
  static void hashOnce() {
    stored = PasswordHashes.hash(PASSWORD);
  }

  @Test
  void theRightPasswordMatchesItsHash() {
    assertThat(PasswordHashes.matches(PASSWORD, stored)).isTrue();
  }

  @Test
  void aWrongPasswordDoesNotMatch() {
    assertThat(PasswordHashes.matches("correct horse battery stapler".toCharArray(), stored))
        .isFalse();
  }

  @Test
  void theHashNamesItsSchemeAndCostAndHoldsNoPassword() {
    assertThat(stored).matches("pbkdf2-sha256\\$\\d+\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]+");
    assertThat(Integer.parseInt(stored.split("\\$")[1])).isGreaterThanOrEqualTo(100_000);
    assertThat(stored).doesNotContain(new String(PASSWORD)).doesNotContain("horse");
  }

  @Test
  void theSamePasswordHashesWithAnotherSaltEachTimeAndStillMatches() {
    String again = PasswordHashes.hash(PASSWORD);

    // A fresh salt each time: equal passwords cannot be spotted by equal hashes.
    assertThat(again.split("\\$")[2]).isNotEqualTo(stored.split("\\$")[2]);
    assertThat(again.split("\\$")[3]).isNotEqualTo(stored.split("\\$")[3]);
    assertThat(PasswordHashes.matches(PASSWORD, again)).isTrue();
  }

  @Test
  void aTamperedHashMatchesNothing() {
    String[] parts = stored.split("\\$");

    assertThat(
            PasswordHashes.matches(
                PASSWORD, String.join("$", parts[0], parts[1], parts[2], swapAChar(parts[3]))))
        .isFalse();
    assertThat(
            PasswordHashes.matches(
                PASSWORD, String.join("$", parts[0], parts[1], swapAChar(parts[2]), parts[3])))
        .isFalse();
  }

  @Test
  void aHashOfAnotherSchemeOrShapeMatchesNothing() {
    assertThat(PasswordHashes.matches(PASSWORD, stored.replace("pbkdf2-sha256", "md5"))).isFalse();
    assertThat(PasswordHashes.matches(PASSWORD, new String(PASSWORD))).isFalse();
  }

  /** Changes a character in the middle: the last one of base64 may only carry padding bits. */
  private static String swapAChar(String base64) {
    int middle = base64.length() / 2;
    char swapped = base64.charAt(middle) == 'A' ? 'B' : 'A';
    return base64.substring(0, middle) + swapped + base64.substring(middle + 1);
  }
}
