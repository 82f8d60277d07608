package org.tifli.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientRateLimitTest {

  private final AtomicLong clock = new AtomicLong(1_000_000_000L);

  /** A burst of 3, then 6 a minute: one token every 10 seconds. */
  private final ClientRateLimit limit = new ClientRateLimit(3, 6, 100, clock::get);

  @Test
  void aNewClientMaySendItsBurstAndNoMore() {
    for (int i = 0; i < 3; i++) {
      assertThat(limit.acquire("198.51.100.1").allowed()).as("request %d", i).isTrue();
    }

    ClientRateLimit.Verdict refused = limit.acquire("198.51.100.1");

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(10);
  }

  @Test
  void tokensComeBackAtTheRateAndTheWaitShrinks() {
    exhaust("198.51.100.1");

    advance(Duration.ofSeconds(4));
    assertThat(limit.acquire("198.51.100.1").retryAfterSeconds()).isEqualTo(6);
    advance(Duration.ofSeconds(6));
    assertThat(limit.acquire("198.51.100.1").allowed()).isTrue();
    assertThat(limit.acquire("198.51.100.1").allowed()).isFalse();
  }

  @Test
  void aBucketNeverHoldsMoreThanTheBurst() {
    limit.acquire("198.51.100.1");
    advance(Duration.ofHours(1));

    int allowed = 0;
    while (limit.acquire("198.51.100.1").allowed()) {
      allowed++;
    }

    assertThat(allowed).isEqualTo(3);
  }

  @Test
  void eachClientHasItsOwnBucket() {
    exhaust("198.51.100.1");

    assertThat(limit.acquire("198.51.100.2").allowed()).isTrue();
    assertThat(limit.acquire("198.51.100.1").allowed()).isFalse();
  }

  @Test
  void theNumberOfClientsRememberedIsBounded() {
    ClientRateLimit small = new ClientRateLimit(3, 6, 10, clock::get);

    for (int i = 0; i < 1000; i++) {
      small.acquire("10.0.0." + i);
    }

    assertThat(small.clients()).isEqualTo(10);
  }

  @Test
  void clientsWhoseBucketIsFullAgainAreForgotten() {
    limit.acquire("198.51.100.1");
    limit.acquire("198.51.100.2");
    advance(Duration.ofSeconds(10));

    limit.acquire("198.51.100.3");

    assertThat(limit.clients()).isEqualTo(1);
  }

  @Test
  void aClientStillLimitedIsRememberedWhileThereIsRoom() {
    exhaust("198.51.100.1");
    advance(Duration.ofSeconds(5));

    limit.acquire("198.51.100.2");

    assertThat(limit.clients()).isEqualTo(2);
    assertThat(limit.acquire("198.51.100.1").allowed()).isFalse();
  }

  @Test
  void aLimitNeedsPositiveSettings() {
    assertThrows(IllegalArgumentException.class, () -> new ClientRateLimit(0, 6, 10, clock::get));
    assertThrows(IllegalArgumentException.class, () -> new ClientRateLimit(3, 0, 10, clock::get));
    assertThrows(IllegalArgumentException.class, () -> new ClientRateLimit(3, 6, 0, clock::get));
  }

  private void exhaust(String client) {
    while (limit.acquire(client).allowed()) {
      // Takes the burst.
    }
  }

  private void advance(Duration by) {
    clock.addAndGet(by.toNanos());
  }
}
