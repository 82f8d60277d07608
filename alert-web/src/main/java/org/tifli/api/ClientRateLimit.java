package org.tifli.api;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: each client may send a burst of {@code capacity} requests, then one
 * more each time a token comes back, {@code perMinute} tokens a minute.
 *
 * <p>Memory is bounded: at most {@code maxClients} buckets are kept. A bucket that has filled up
 * again is dropped (a client seen again later gets a new, full one, which is the same thing), and
 * when the limit is reached the client seen least recently is forgotten.
 *
 * <p>The buckets live in this server's memory: each instance of Tifli limits its own clients, so
 * behind a load balancer spreading one client over {@code n} instances, that client may send up to
 * {@code n} times the limit.
 */
final class ClientRateLimit {

  /** Whether a request may go ahead, and if not, in how many seconds a token comes back. */
  record Verdict(boolean allowed, long retryAfterSeconds) {}

  private static final long NANOS_PER_MINUTE = 60_000_000_000L;

  private final int capacity;
  private final double nanosPerToken;
  private final int maxClients;
  private final LongSupplier nanoTime;

  /** Least recently seen first; guarded by itself. */
  private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true);

  /**
   * @param capacity the burst a new client may send at once, at least 1
   * @param perMinute tokens given back a minute, at least 1
   * @param maxClients the most clients remembered at a time
   * @param nanoTime the clock, {@link System#nanoTime} but in tests
   */
  ClientRateLimit(int capacity, int perMinute, int maxClients, LongSupplier nanoTime) {
    if (capacity < 1 || perMinute < 1 || maxClients < 1) {
      throw new IllegalArgumentException("a rate limit needs a positive burst, rate and size");
    }
    this.capacity = capacity;
    this.nanosPerToken = (double) NANOS_PER_MINUTE / perMinute;
    this.maxClients = maxClients;
    this.nanoTime = nanoTime;
  }

  /** Takes a token from the client's bucket, if it has one. */
  Verdict acquire(String client) {
    long now = nanoTime.getAsLong();
    synchronized (buckets) {
      Bucket bucket = buckets.get(client);
      if (bucket == null) {
        forgetIdleClients(now);
        bucket = new Bucket(capacity, now);
        buckets.put(client, bucket);
      }
      bucket.refill(now);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return new Verdict(true, 0);
      }
      long wait = (long) Math.ceil((1 - bucket.tokens) * nanosPerToken / 1e9);
      return new Verdict(false, Math.max(1, wait));
    }
  }

  /** How many clients are remembered now. */
  int clients() {
    synchronized (buckets) {
      return buckets.size();
    }
  }

  /**
   * Drops, from the least recently seen on, buckets that are full again, then the least recently
   * seen ones while there is no room for one more.
   */
  private void forgetIdleClients(long now) {
    Iterator<Map.Entry<String, Bucket>> eldest = buckets.entrySet().iterator();
    while (eldest.hasNext()) {
      Bucket bucket = eldest.next().getValue();
      if (buckets.size() >= maxClients || bucket.isFullAt(now)) {
        eldest.remove();
      } else {
        break;
      }
    }
  }

  private final class Bucket {

    private double tokens;
    private long refilledAt;

    private Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.refilledAt = now;
    }

    private void refill(long now) {
      tokens = Math.min(capacity, tokens + (now - refilledAt) / nanosPerToken);
      refilledAt = now;
    }

    private boolean isFullAt(long now) {
      return tokens + (now - refilledAt) / nanosPerToken >= capacity;
    }
  }
}
