package org.tifli.infrastructure.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformCallTest {

  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  @Test
  void theSecretIsScrubbedAsItIsAndUrlEncoded() {
    String secret = "123456:AB+C/D=";

    String scrubbed =
        PlatformCall.scrub(
            "POST /bot123456:AB+C/D=/sendMessage?token=123456%3AAB%2BC%2FD%3D failed", secret);

    assertThat(scrubbed).isEqualTo("POST /bot***/sendMessage?token=*** failed");
  }

  @Test
  void retryAfterInSecondsIsRead() {
    assertThat(PlatformCall.retryAfterHeader(headers("Retry-After", "120"), NOW))
        .contains(Duration.ofSeconds(120));
  }

  @Test
  void retryAfterAsAnHttpDateIsTheTimeLeftUntilThen() {
    assertThat(
            PlatformCall.retryAfterHeader(
                headers("Retry-After", "Thu, 03 Dec 2026 10:01:30 GMT"), NOW))
        .contains(Duration.ofSeconds(90));
  }

  @Test
  void anUnreadableOrMissingRetryAfterGivesNoWait() {
    assertThat(PlatformCall.retryAfterHeader(headers("Retry-After", "soon"), NOW)).isEmpty();
    assertThat(PlatformCall.retryAfterHeader(headers("X-Other", "1"), NOW)).isEmpty();
  }

  @Test
  void theTimeLeftIsRoundedUpToWholeSecondsAndNeverNegative() {
    assertThat(PlatformCall.untilOrZero(NOW, NOW.plusMillis(1500)))
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(PlatformCall.untilOrZero(NOW, NOW.minusSeconds(5))).isEqualTo(Duration.ZERO);
  }

  @Test
  void aHeaderIsFoundWhateverTheCaseOfItsName() {
    assertThat(PlatformCall.header(headers("X-Rate-Limit-Reset", "7"), "x-rate-limit-reset"))
        .contains("7");
    assertThat(PlatformCall.header(headers("Other", "7"), "x-rate-limit-reset")).isEmpty();
  }

  @Test
  void anIdThatWouldLeaveItsPathSegmentNeedsAFix() {
    assertThat(PlatformCall.segment("104123456789_987", "post id")).isEqualTo("104123456789_987");
    for (String odd : new String[] {"1/../me", "..", ".", "a\\b", " ", ""}) {
      PlatformException e =
          assertThrows(PlatformException.class, () -> PlatformCall.segment(odd, "post id"));
      assertThat(e.retryLater()).as(odd).isFalse();
    }
  }

  @Test
  void anExcerptIsOneShortScrubbedLine() {
    String excerpt =
        PlatformCall.excerpt("<html>\n<b>key s3cr3t</b>\n" + "x".repeat(500), "s3cr3t");

    assertThat(excerpt).startsWith("<html> <b>key ***</b> x").hasSizeLessThanOrEqualTo(201);
  }

  static Map<String, List<String>> headers(String... namesAndValues) {
    Map<String, List<String>> map = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
    }
    return map;
  }
}
