package org.tifli.infrastructure.platform;

import jakarta.ejb.ApplicationException;
import java.time.Duration;
import java.util.Optional;

/**
 * A platform refused or failed a call, classed by what can be done about it: try again later
 * (timeouts, server errors, rate limits), or stop until someone fixes the channel (a bad or expired
 * token, a missing permission, a rejected parameter). The message holds the platform's own error
 * code and text, never the credential.
 *
 * <p>A failure to retry later may say when: {@link #retryAfter()} is the wait the platform asked
 * for (HTTP {@code Retry-After}, X's rate-limit reset, Telegram's {@code retry_after}), or the time
 * left before a paused channel is tried again. The Graph API gives no such hint, so Facebook and
 * Instagram failures have none.
 */
@ApplicationException(rollback = true)
public class PlatformException extends RuntimeException {

  private final boolean retryLater;
  private final Duration retryAfter;

  private PlatformException(
      String message, boolean retryLater, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryLater = retryLater;
    this.retryAfter = retryAfter;
  }

  public static PlatformException retryLater(String message) {
    return new PlatformException(message, true, null, null);
  }

  public static PlatformException retryLater(String message, Throwable cause) {
    return new PlatformException(message, true, null, cause);
  }

  /**
   * A failure to retry once {@code retryAfter} has passed (null when the platform gave no hint).
   */
  public static PlatformException retryLater(String message, Duration retryAfter) {
    return new PlatformException(message, true, retryAfter, null);
  }

  public static PlatformException needsFix(String message) {
    return new PlatformException(message, false, null, null);
  }

  public boolean retryLater() {
    return retryLater;
  }

  /** How long to wait before the next try, when the platform said so; empty otherwise. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
