package org.tifli.infrastructure.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.tifli.domain.Platform;

class ChannelBreakerTest {

  private static final ChannelAccount PAGE = new ChannelAccount(Platform.FACEBOOK, "104", "token");
  private static final ChannelAccount OTHER_PAGE =
      new ChannelAccount(Platform.FACEBOOK, "105", "token");
  private static final Duration PAUSE = Duration.ofSeconds(30);

  /** A clock that moves only when the test says so. */
  private static final class TestClock extends Clock {
    private Instant now = Instant.parse("2026-12-03T10:00:00Z");

    void advance(Duration time) {
      now = now.plus(time);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private final TestClock clock = new TestClock();
  private final ChannelBreaker breaker = new ChannelBreaker(3, PAUSE, clock);
  private final AtomicInteger calls = new AtomicInteger();

  private Supplier<String> failing() {
    return () -> {
      calls.incrementAndGet();
      throw PlatformException.retryLater("Facebook HTTP 503");
    };
  }

  private Supplier<String> answering() {
    return () -> {
      calls.incrementAndGet();
      return "104_1";
    };
  }

  private void failTimes(ChannelAccount account, int times) {
    for (int i = 0; i < times; i++) {
      assertThrows(PlatformException.class, () -> breaker.call(account, failing()));
    }
  }

  @Test
  void callsGoThroughWhileFailuresStayUnderTheThreshold() {
    failTimes(PAGE, 2);

    assertThat(breaker.call(PAGE, answering())).isEqualTo("104_1");
    assertThat(calls).hasValue(3);
    assertThat(breaker.isPaused(PAGE)).isFalse();
  }

  @Test
  void afterTheThresholdCallsFailAtOnceWithTheTimeLeftWithoutReachingThePlatform() {
    failTimes(PAGE, 3);
    clock.advance(Duration.ofSeconds(10));

    PlatformException e =
        assertThrows(PlatformException.class, () -> breaker.call(PAGE, answering()));

    assertThat(e.retryLater()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(20));
    assertThat(e).hasMessageContaining("paused after 3 failures");
    assertThat(calls).hasValue(3);
    assertThat(breaker.isPaused(PAGE)).isTrue();
  }

  @Test
  void aSuccessInBetweenStartsTheCountAgain() {
    failTimes(PAGE, 2);
    breaker.call(PAGE, answering());
    failTimes(PAGE, 2);

    assertThat(breaker.call(PAGE, answering())).isEqualTo("104_1");
  }

  @Test
  void failuresThatNeedAFixDoNotPauseTheChannel() {
    for (int i = 0; i < 5; i++) {
      assertThrows(
          PlatformException.class,
          () ->
              breaker.call(
                  PAGE,
                  () -> {
                    throw PlatformException.needsFix("Facebook HTTP 400, code 190");
                  }));
    }

    assertThat(breaker.isPaused(PAGE)).isFalse();
    assertThat(breaker.call(PAGE, answering())).isEqualTo("104_1");
  }

  @Test
  void eachChannelHasItsOwnBreaker() {
    failTimes(PAGE, 3);

    assertThat(breaker.call(OTHER_PAGE, answering())).isEqualTo("104_1");
    assertThat(breaker.call(new ChannelAccount(Platform.X, "104", "t"), answering()))
        .isEqualTo("104_1");
  }

  @Test
  void afterThePauseOneTrialGoesThroughAndItsSuccessClosesTheBreaker() {
    failTimes(PAGE, 3);
    clock.advance(PAUSE);

    assertThat(breaker.call(PAGE, answering())).isEqualTo("104_1");
    assertThat(breaker.isPaused(PAGE)).isFalse();
    failTimes(PAGE, 2);
    assertThat(breaker.call(PAGE, answering())).isEqualTo("104_1");
  }

  @Test
  void whileTheTrialIsOutOtherCallsFailAtOnce() {
    failTimes(PAGE, 3);
    clock.advance(PAUSE);

    String trial =
        breaker.call(
            PAGE,
            () -> {
              PlatformException meanwhile =
                  assertThrows(PlatformException.class, () -> breaker.call(PAGE, answering()));
              assertThat(meanwhile.retryAfter()).contains(ChannelBreaker.TRIAL_WAIT);
              return "trial";
            });

    assertThat(trial).isEqualTo("trial");
    assertThat(calls).hasValue(3);
  }

  @Test
  void aFailedTrialPausesTheChannelForAnotherWholePause() {
    failTimes(PAGE, 3);
    clock.advance(PAUSE);
    failTimes(PAGE, 1);
    clock.advance(Duration.ofSeconds(29));

    PlatformException e =
        assertThrows(PlatformException.class, () -> breaker.call(PAGE, answering()));

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(calls).hasValue(4);
  }

  @Test
  void aTrialThatEndsInAnUnexpectedErrorLetsTheNextCallBeTheTrial() {
    failTimes(PAGE, 3);
    clock.advance(PAUSE);
    assertThrows(
        IllegalStateException.class,
        () ->
            breaker.call(
                PAGE,
                () -> {
                  throw new IllegalStateException("bug");
                }));

    assertThat(breaker.call(PAGE, answering())).isEqualTo("104_1");
  }

  @Test
  void aRateLimitWithRetryAfterPausesTheChannelAtOnceForThatLong() {
    assertThrows(
        PlatformException.class,
        () ->
            breaker.call(
                PAGE,
                () -> {
                  throw PlatformException.retryLater("X HTTP 429", Duration.ofSeconds(90));
                }));

    PlatformException e =
        assertThrows(PlatformException.class, () -> breaker.call(PAGE, answering()));
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(90));
    clock.advance(Duration.ofSeconds(90));
    assertThat(breaker.call(PAGE, answering())).isEqualTo("104_1");
  }

  @Test
  void noPlatformCanPauseAChannelForMoreThanAnHour() {
    assertThrows(
        PlatformException.class,
        () ->
            breaker.call(
                PAGE,
                () -> {
                  throw PlatformException.retryLater("Webhook HTTP 429", Duration.ofDays(30));
                }));

    PlatformException e =
        assertThrows(PlatformException.class, () -> breaker.call(PAGE, answering()));
    assertThat(e.retryAfter()).contains(ChannelBreaker.LONGEST_ASKED_PAUSE);
  }

  @Test
  void onlyABoundedNumberOfFailingChannelsIsRemembered() {
    ChannelBreaker quick = new ChannelBreaker(1, PAUSE, clock);
    Logger log = Logger.getLogger(ChannelBreaker.class.getName());
    Level level = log.getLevel();
    log.setLevel(Level.WARNING); // ten thousand pauses are not worth a line each here
    try {
      for (int i = 0; i <= ChannelBreaker.MAX_CHANNELS; i++) {
        ChannelAccount channel = new ChannelAccount(Platform.TELEGRAM, "@chat" + i, "1:a");
        assertThrows(PlatformException.class, () -> quick.call(channel, failing()));
      }
    } finally {
      log.setLevel(level);
    }

    assertThat(quick.isPaused(new ChannelAccount(Platform.TELEGRAM, "@chat0", "1:a"))).isFalse();
    assertThat(quick.isPaused(new ChannelAccount(Platform.TELEGRAM, "@chat1", "1:a"))).isTrue();
  }

  @Test
  void concurrentCallersReachAFailingPlatformOnlyAFewTimes() throws Exception {
    ChannelBreaker shared = new ChannelBreaker(3, PAUSE, Clock.systemUTC());
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger fastFailures = new AtomicInteger();
    for (int i = 0; i < 800; i++) {
      threads.execute(
          () -> {
            try {
              start.await();
              shared.call(PAGE, failing());
            } catch (PlatformException e) {
              if (e.retryAfter().isPresent()) {
                fastFailures.incrementAndGet();
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }
    start.countDown();
    threads.shutdown();
    assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    assertThat(calls.get()).isBetween(3, 3 + 8);
    assertThat(fastFailures.get() + calls.get()).isEqualTo(800);
  }
}
