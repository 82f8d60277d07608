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
 * <p>A failure that needs a fix may be the channel's own ({@link #channelNeedsFix()}): the platform
 * refused the credential or the account (a bad or expired token, a missing permission), so every
 * post to that channel would fail alike until someone gives it a new secret. Other such failures
 * concern one post only (a rejected parameter, a photo Instagram needs).
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
  private final boolean called;
  private boolean outcomeUnknown;
  private boolean channelNeedsFix;

  private PlatformException(
      String message, boolean retryLater, Duration retryAfter, Throwable cause, boolean called) {
    super(message, cause);
    this.retryLater = retryLater;
    this.retryAfter = retryAfter;
    this.called = called;
  }

  /**
   * The call went out but no answer came back (it timed out, the connection broke): the post may
   * exist. A retry must look for it first where the platform can be asked.
   */
  public static PlatformException outcomeUnknown(String message) {
    PlatformException unknown = new PlatformException(message, true, null, null, true);
    unknown.outcomeUnknown = true;
    return unknown;
  }

  /** Whether the platform may have done what was asked although the call failed. */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }

  public static PlatformException retryLater(String message) {
    return new PlatformException(message, true, null, null, true);
  }

  public static PlatformException retryLater(String message, Throwable cause) {
    return new PlatformException(message, true, null, cause, true);
  }

  /**
   * A failure to retry once {@code retryAfter} has passed (null when the platform gave no hint).
   */
  public static PlatformException retryLater(String message, Duration retryAfter) {
    return new PlatformException(message, true, retryAfter, null, true);
  }

  /**
   * The platform was not called at all (its channel is paused): try again after {@code wait}. Such
   * a try does not count against a delivery's attempts.
   */
  public static PlatformException notCalled(String message, Duration wait) {
    return new PlatformException(message, true, wait, null, false);
  }

  /** Whether the platform was called: false when Tifli held the call back itself. */
  public boolean called() {
    return called;
  }

  public static PlatformException needsFix(String message) {
    return new PlatformException(message, false, null, null, true);
  }

  /**
   * The platform refused the channel itself (its credential, its permissions, its account): no post
   * to it can succeed until someone fixes the channel.
   */
  public static PlatformException channelNeedsFix(String message) {
    PlatformException refused = needsFix(message);
    refused.channelNeedsFix = true;
    return refused;
  }

  /** Whether the failure stops the whole channel, not just this post. */
  public boolean channelNeedsFix() {
    return channelNeedsFix;
  }

  public boolean retryLater() {
    return retryLater;
  }

  /** How long to wait before the next try, when the platform said so; empty otherwise. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
