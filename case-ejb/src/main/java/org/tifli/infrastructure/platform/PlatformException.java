package org.tifli.infrastructure.platform;

import jakarta.ejb.ApplicationException;

/**
 * A platform refused or failed a call, classed by what can be done about it: try again later
 * (timeouts, server errors, rate limits), or stop until someone fixes the channel (a bad or expired
 * token, a missing permission, a rejected parameter). The message holds the platform's own error
 * code and text, never the credential.
 */
@ApplicationException(rollback = true)
public class PlatformException extends RuntimeException {

  private final boolean retryLater;

  private PlatformException(String message, boolean retryLater, Throwable cause) {
    super(message, cause);
    this.retryLater = retryLater;
  }

  public static PlatformException retryLater(String message) {
    return new PlatformException(message, true, null);
  }

  public static PlatformException retryLater(String message, Throwable cause) {
    return new PlatformException(message, true, cause);
  }

  public static PlatformException needsFix(String message) {
    return new PlatformException(message, false, null);
  }

  public boolean retryLater() {
    return retryLater;
  }
}
