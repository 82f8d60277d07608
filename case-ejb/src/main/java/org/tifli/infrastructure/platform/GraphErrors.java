package org.tifli.infrastructure.platform;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;

/**
 * Classes the Graph API's errors, shared by Facebook and Instagram: {@code {"error": {"message",
 * "type", "code", "error_subcode", "is_transient"}}}.
 *
 * <p>Retried later: HTTP 5xx and 429; codes 1 and 2 (unknown, temporarily unavailable); the rate
 * limits 4, 17, 32, 341, 613, 80001 (page) and 80002 (Instagram); Instagram's -1 and -2 (server
 * error, media download timed out), 9 (publishing limit of the day) and 9007 (container not ready
 * yet); and anything Graph marks {@code is_transient}. Everything else needs a fix: 190 (bad or
 * expired token), 10 and 200–299 (permissions), 100 (invalid parameter), 368 (blocked for a policy
 * reason), Instagram's media errors (36000 and up). Of those, the token, the permissions, the
 * policy block and HTTP 401 or 403 concern the channel itself: its other posts would fail alike.
 */
final class GraphErrors {

  private static final Set<Integer> LATER = Set.of(-2, -1, 1, 2, 4, 9, 17, 32, 341, 613, 9007);
  private static final Set<Integer> RATE_LIMITS = Set.of(80001, 80002);

  /** Graph's "object does not exist" subcode: a deleted post that is gone already. */
  static final int NO_SUCH_OBJECT = 33;

  private GraphErrors() {}

  /** The Graph error code, or -1000 when the answer has no Graph error. */
  static int code(JsonObject body) {
    JsonObject error = error(body);
    return error == null ? -1000 : intOr(error, "code", -1000);
  }

  static int subcode(JsonObject body) {
    JsonObject error = error(body);
    return error == null ? -1 : intOr(error, "error_subcode", -1);
  }

  static PlatformException classify(String platform, int status, JsonObject body, String secret) {
    JsonObject error = error(body);
    int code = code(body);
    int subcode = subcode(body);
    String message =
        platform
            + " HTTP "
            + status
            + (error == null
                ? ""
                : ", code "
                    + code
                    + (subcode < 0 ? "" : ", subcode " + subcode)
                    + ": "
                    + PlatformCall.scrub(stringOr(error, "message", "(no message)"), secret));
    boolean transientError = error != null && error.getBoolean("is_transient", false);
    if (status >= 500
        || status == 429
        || LATER.contains(code)
        || RATE_LIMITS.contains(code)
        || transientError) {
      return PlatformException.retryLater(message);
    }
    boolean channelRefused =
        status == 401
            || status == 403
            || code == 190
            || code == 10
            || (code >= 200 && code <= 299)
            || code == 368;
    return channelRefused
        ? PlatformException.channelNeedsFix(message)
        : PlatformException.needsFix(message);
  }

  private static JsonObject error(JsonObject body) {
    JsonValue error = body.get("error");
    return error instanceof JsonObject object ? object : null;
  }

  private static int intOr(JsonObject object, String name, int otherwise) {
    try {
      return object.getInt(name, otherwise);
    } catch (ClassCastException e) {
      return otherwise;
    }
  }

  private static String stringOr(JsonObject object, String name, String otherwise) {
    try {
      return object.getString(name, otherwise);
    } catch (ClassCastException e) {
      return otherwise;
    }
  }
}
