package org.tifli.infrastructure.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Bounds one call of a publisher as a whole, through MicroProfile Fault Tolerance. Each request to
 * a platform gives up after {@code tifli.platform.timeout}, but a call may make several
 * (Instagram's container then publish, Telegram's delete then edit, X's post then look-up): past
 * {@value #LIMIT_MILLIS} ms in all, Fault Tolerance interrupts it, and {@link Publishers} counts it
 * as a call whose outcome is unknown.
 *
 * <p>The limit stays below {@code tifli.delivery.interrupted-after} (default 30 s), after which the
 * ledger takes a try still in flight for one cut off by a crash and lets another try begin: a call
 * that outlived it could post beside that try. Whoever shortens that setting shortens this limit
 * too, with Fault Tolerance's own setting {@code
 * org.tifli.infrastructure.platform.PlatformTimeLimit/within/Timeout/value} (milliseconds).
 *
 * <p>No {@code @Bulkhead} beside it: the delivery consumer's sessions ({@code maxSessions}) already
 * bound how many calls run at once, and a bulkhead would only turn the one over its size into a
 * failure.
 */
@ApplicationScoped
public class PlatformTimeLimit {

  static final long LIMIT_MILLIS = 25_000;

  /**
   * Makes the call within the limit.
   *
   * @throws org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException when the call took
   *     longer; the thread was interrupted to stop it
   */
  @Timeout(LIMIT_MILLIS)
  public <T> T within(Supplier<T> call) {
    return call.get();
  }
}
