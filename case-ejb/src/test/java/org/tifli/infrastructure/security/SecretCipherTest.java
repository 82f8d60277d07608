package org.tifli.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

  private static final String PAGE_TOKEN = "EAAGm0PX4ZCpsBAKZC7exampleZBtokenZD";

  private static KeyMaterial keys;
  private static KeyMaterial otherKeys;

  @BeforeAll
  static void makeKeys(@TempDir Path folder) throws Exception {
    keys = TestKeys.fresh(folder);
    otherKeys = TestKeys.fresh(folder);
  }

  private static SecretCipher cipher(KeyMaterial keyMaterial) {
    SecretCipher cipher = new SecretCipher();
    cipher.keys = keyMaterial;
    return cipher;
  }

  private final SecretCipher cipher = cipher(keys);

  @Test
  void aSealedSecretOpensToTheOriginal() {
    String sealed = cipher.seal(PAGE_TOKEN);

    assertThat(cipher.open(sealed)).isEqualTo(PAGE_TOKEN);
  }

  @Test
  void theSealedTextDoesNotShowTheSecret() {
    String sealed = cipher.seal(PAGE_TOKEN);

    assertThat(sealed).startsWith("v1:").doesNotContain(PAGE_TOKEN).doesNotContain("example");
    assertThat(
            new String(
                Base64.getDecoder().decode(sealed.substring(3)), StandardCharsets.ISO_8859_1))
        .doesNotContain(PAGE_TOKEN);
  }

  @Test
  void sealingTwiceGivesDifferentTextsThatBothOpen() {
    String first = cipher.seal(PAGE_TOKEN);
    String second = cipher.seal(PAGE_TOKEN);

    // A fresh nonce each time: two channels with the same token are not seen to share it.
    assertThat(first).isNotEqualTo(second);
    assertThat(cipher.open(first)).isEqualTo(PAGE_TOKEN);
    assertThat(cipher.open(second)).isEqualTo(PAGE_TOKEN);
  }

  @Test
  void unicodeSecretsSurviveTheRoundTrip() {
    String secret = "clé-سر-🔑";

    assertThat(cipher.open(cipher.seal(secret))).isEqualTo(secret);
  }

  @Test
  void anotherInstallationsKeyCannotOpenIt() {
    String sealed = cipher.seal(PAGE_TOKEN);

    assertThrows(IllegalStateException.class, () -> cipher(otherKeys).open(sealed));
  }

  @Test
  void aTamperedSealedTextIsRefused() {
    String sealed = cipher.seal(PAGE_TOKEN);
    byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
    raw[raw.length / 2] ^= 0x01;
    String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);

    assertThrows(IllegalStateException.class, () -> cipher.open(tampered));
  }

  @Test
  void textThatWasNeverSealedIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> cipher.open(PAGE_TOKEN));
  }
}
