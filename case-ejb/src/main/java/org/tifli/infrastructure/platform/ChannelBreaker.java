package org.tifli.infrastructure.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.tifli.domain.Platform;

/**
 * Pauses a channel that keeps failing, so that its deliveries wait instead of all knocking at a
 * platform that is down or has throttled the account. After {@code failures} retry-later failures
 * in a row on one channel (platform and account id), calls to it fail at once, with a retry-later
 * {@link PlatformException} whose {@code retryAfter} is the time left, without reaching the
 * platform. When the pause is over, one call goes through as a trial: its success closes the
 * breaker, its failure starts a new pause; other calls meanwhile still fail at once. A failure that
 * asks for a wait (a rate limit with retry-after) pauses the channel at least that long at once, so
 * that the channel's other deliveries honour it too.
 *
 * <p>A failure that needs a fix does not count: the platform answered, and the delivery pipeline
 * stops that channel itself. A success forgets the channel. Only channels that are failing are
 * remembered, and at most {@value #MAX_CHANNELS} of them, the longest untouched forgotten first, so
 * memory stays bounded; all methods are thread-safe, and the call itself runs outside the lock.
 *
 * <p>MicroProfile Fault Tolerance's {@code @CircuitBreaker} keeps one state per annotated method,
 * whatever its arguments, so one throttled account would pause every channel of every platform; and
 * its open breaker fails calls without saying when to try again, nor honours a platform's
 * retry-after. Hence this breaker, with one state per channel.
 */
public final class ChannelBreaker {

  private static final Logger LOG = Logger.getLogger(ChannelBreaker.class.getName());

  static final int MAX_CHANNELS = 10_000;

  /** The wait given to calls that come while a trial call is out. */
  static final Duration TRIAL_WAIT = Duration.ofSeconds(1);

  /** The longest pause a platform's retry-after can impose. */
  static final Duration LONGEST_ASKED_PAUSE = Duration.ofHours(1);

  private record ChannelKey(Platform platform, String accountId) {}

  private static final class State {
    int failures;
    Instant openUntil;
    boolean trialOut;
  }

  private final int failures;
  private final Duration pause;
  private final Clock clock;

  private final Map<ChannelKey, State> states =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ChannelKey, State> eldest) {
          return size() > MAX_CHANNELS;
        }
      };

  /**
   * @param failures how many retry-later failures in a row pause a channel (at least 1)
   * @param pause how long a paused channel waits before its trial call
   */
  public ChannelBreaker(int failures, Duration pause, Clock clock) {
    if (failures < 1 || pause.isNegative()) {
      throw new IllegalArgumentException("a breaker needs 1 failure or more and a pause >= 0");
    }
    this.failures = failures;
    this.pause = pause;
    this.clock = clock;
  }

  /**
   * Makes the call to the channel unless the channel is paused.
   *
   * @throws PlatformException to retry later, at once, while the channel is paused; or the call's
   *     own
   */
  public <T> T call(ChannelAccount account, Supplier<T> call) {
    ChannelKey key = new ChannelKey(account.platform(), account.accountId());
    boolean trial = admit(key);
    boolean done = false;
    try {
      T result = call.get();
      done = true;
      succeeded(key, trial, account);
      return result;
    } catch (PlatformException e) {
      done = true;
      if (e.retryLater()) {
        failed(key, e, trial, account);
      } else {
        succeeded(key, trial, account);
      }
      throw e;
    } finally {
      if (!done) {
        released(key, trial);
      }
    }
  }

  /** Whether the channel is paused now; for the console and tests. */
  public synchronized boolean isPaused(ChannelAccount account) {
    State state = states.get(new ChannelKey(account.platform(), account.accountId()));
    return state != null && state.openUntil != null && clock.instant().isBefore(state.openUntil);
  }

  /** Lets the call through or fails it; true when it is the trial of a paused channel. */
  private synchronized boolean admit(ChannelKey key) {
    State state = states.get(key);
    if (state == null || state.openUntil == null) {
      return false;
    }
    Instant now = clock.instant();
    if (now.isBefore(state.openUntil)) {
      Duration left = PlatformCall.untilOrZero(now, state.openUntil);
      throw PlatformException.notCalled(
          key.platform()
              + " channel paused after "
              + state.failures
              + " failures; next try in "
              + left,
          left);
    }
    if (state.trialOut) {
      throw PlatformException.notCalled(
          key.platform() + " channel paused; a trial call is out", TRIAL_WAIT);
    }
    state.trialOut = true;
    return true;
  }

  private synchronized void succeeded(ChannelKey key, boolean trial, ChannelAccount account) {
    State state = states.remove(key);
    if (state != null && state.openUntil != null) {
      LOG.info(() -> "Channel " + account + " answers again" + (trial ? " after its pause" : ""));
    }
  }

  private synchronized void failed(
      ChannelKey key, PlatformException e, boolean trial, ChannelAccount account) {
    State state = states.computeIfAbsent(key, k -> new State());
    state.failures++;
    state.trialOut = false;
    Instant now = clock.instant();
    Instant until = null;
    if (trial || state.failures >= failures) {
      until = now.plus(pause);
    }
    if (e.retryAfter().isPresent()) {
      Duration asked = e.retryAfter().get();
      Instant askedUntil =
          now.plus(asked.compareTo(LONGEST_ASKED_PAUSE) > 0 ? LONGEST_ASKED_PAUSE : asked);
      until = until == null || askedUntil.isAfter(until) ? askedUntil : until;
    }
    if (until != null) {
      Instant pausedUntil = until;
      boolean wasClosed = state.openUntil == null;
      state.openUntil = pausedUntil;
      if (wasClosed) {
        LOG.info(
            () ->
                "Channel "
                    + account
                    + " paused until "
                    + pausedUntil
                    + " after "
                    + state.failures
                    + " failures in a row");
      }
    }
  }

  /** The call ended in an unexpected exception: a trial may be tried again. */
  private synchronized void released(ChannelKey key, boolean trial) {
    State state = states.get(key);
    if (trial && state != null) {
      state.trialOut = false;
    }
  }
}
