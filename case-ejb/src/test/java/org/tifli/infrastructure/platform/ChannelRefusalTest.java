package org.tifli.infrastructure.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which Graph API refusals stop a whole channel (its token, its permissions, the account), and
 * which concern one post only, so that the delivery pipeline stops the channel's deliveries only
 * when all of them would fail alike.
 */
class ChannelRefusalTest {

  @ParameterizedTest
  @CsvSource({
    "400, 190, true", // invalid or expired access token
    "403, 10, true", // permission denied
    "403, 200, true", // permissions error
    "400, 299, true",
    "400, 368, true", // blocked for a policy reason
    "401, 0, true",
    "400, 100, false", // invalid parameter: this post only
    "400, 36003, false", // Instagram: this photo's ratio
    "404, 0, false"
  })
  void theChannelNeedsAFixWhenGraphRefusesTheAccountItself(int status, int code, boolean channel) {
    PlatformException e = GraphErrors.classify("Facebook", status, graphError(code), "secret");

    assertThat(e.retryLater()).isFalse();
    assertThat(e.channelNeedsFix()).isEqualTo(channel);
  }

  @ParameterizedTest
  @CsvSource({"500, 2", "429, 4", "400, 32", "400, 80001"})
  void aFailureThatMayPassNeverStopsTheChannel(int status, int code) {
    PlatformException e = GraphErrors.classify("Facebook", status, graphError(code), "secret");

    assertThat(e.retryLater()).isTrue();
    assertThat(e.channelNeedsFix()).isFalse();
  }

  private static JsonObject graphError(int code) {
    return Json.createObjectBuilder()
        .add(
            "error",
            Json.createObjectBuilder()
                .add("message", "refused")
                .add("type", "OAuthException")
                .add("code", code))
        .build();
  }
}
