package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The public's load on a sighting form, as PRODUCT.md's reliability table sets it: 50 posters at
 * once for 60 seconds, against the shared server with the product's default limit (a burst of 20,
 * then 10 a minute per client address). Every sighting accepted (202) must be stored, and the API
 * must list exactly those; every other answer must be a 429 problem with {@code Retry-After}; none
 * may be a 5xx or a dropped connection.
 *
 * <p>Forty posters come each from a loopback address of their own, as people on their own phones;
 * ten share one address, as people behind one café's network, and must share its limit, however
 * their requests interleave. Each poster posts, waits a tenth of a second, and posts again.
 *
 * <p>The duration is the system property {@code tifli.load.duration} (ISO-8601, default {@code
 * PT60S}, the product's figure); a shorter one, such as {@code -Dtifli.load.duration=PT15S}, makes
 * a quicker check while working.
 */
class PublicLoadIT {

  private static final Logger LOG = Logger.getLogger(PublicLoadIT.class.getName());
  private static final double[] DAKHLA = {23.7000, -15.9400};
  private static final int POSTERS = 50;
  private static final int SHARING_ONE_ADDRESS = 10;
  private static final Duration PAUSE = Duration.ofMillis(100);
  private static final Duration DURATION =
      Duration.parse(System.getProperty("tifli.load.duration", "PT60S"));

  /** The product's default limit, which the shared server runs. */
  private static final int BURST = 20;

  private static final int PER_MINUTE = 10;

  /**
   * What one address sent and was answered: its accepted sightings, how many 429s, and when it
   * posted first and last.
   */
  private static final class Tally {
    final Set<Integer> accepted = ConcurrentHashMap.newKeySet();
    final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    private long sent;
    private long limited;
    private Instant first = Instant.MAX;
    private Instant last = Instant.MIN;

    synchronized void posted(Instant at) {
      sent++;
      first = at.isBefore(first) ? at : first;
      last = at.isAfter(last) ? at : last;
    }

    synchronized void limited() {
      limited++;
    }

    synchronized long sent() {
      return sent;
    }

    synchronized long limitedCount() {
      return limited;
    }

    /** The most the limit lets through: the burst, and what refilled between first and last. */
    synchronized int mostAllowed() {
      return BURST + (int) (Duration.between(first, last).toSeconds() * PER_MINUTE / 60) + 1;
    }
  }

  @Test
  void fiftyPostersForAMinuteEverySightingAcceptedIsStoredAndTheRestAre429() throws Exception {
    SharedTifli tifli = SharedTifli.get();
    Walk walk = Walk.on(tifli);
    long caseId = walk.openCase(Walk.fullCase(DAKHLA[0], DAKHLA[1])).getInt("id");
    long alertId = walk.requestAlert(caseId, true).getInt("id");
    walk.approve(alertId);
    String path = "/alerts/" + alertId + "/sightings";
    PublicReporter cafe = PublicReporter.fresh(tifli.appUrl());
    List<PublicReporter> posters = new ArrayList<>();
    for (int i = 0; i < POSTERS; i++) {
      posters.add(i < SHARING_ONE_ADDRESS ? cafe : PublicReporter.fresh(tifli.appUrl()));
    }
    Map<String, Tally> byAddress = new ConcurrentHashMap<>();
    posters.forEach(p -> byAddress.putIfAbsent(p.address(), new Tally()));

    Instant end = Instant.now().plus(DURATION);
    ExecutorService pool = Executors.newFixedThreadPool(POSTERS);
    List<Future<?>> running = new ArrayList<>();
    for (PublicReporter poster : posters) {
      running.add(pool.submit(() -> post(poster, path, end, byAddress.get(poster.address()))));
    }
    for (Future<?> poster : running) {
      poster.get();
    }
    pool.shutdown();

    Set<Integer> accepted =
        byAddress.values().stream().flatMap(t -> t.accepted.stream()).collect(Collectors.toSet());
    long limited = byAddress.values().stream().mapToLong(Tally::limitedCount).sum();
    long sent = byAddress.values().stream().mapToLong(Tally::sent).sum();
    LOG.info(() -> sent + " sent, " + accepted.size() + " accepted, " + limited + " answered 429");
    assertThat(byAddress.values().stream().flatMap(t -> t.unexpected.stream()))
        .as("answers other than 202 and 429")
        .isEmpty();
    assertThat(limited).as("answers 429").isPositive();
    byAddress.forEach(
        (address, tally) -> {
          // However slowly a busy machine answers, the first of an address's posts up to the
          // burst are all taken, and no more than the limit lets through.
          assertThat(tally.accepted.size() + tally.limitedCount()).isEqualTo(tally.sent());
          assertThat(tally.accepted.size())
              .as("accepted from %s, of %d sent", address, tally.sent())
              .isGreaterThanOrEqualTo((int) Math.min(tally.sent(), BURST))
              .isLessThanOrEqualTo(tally.mostAllowed());
        });
    List<JsonObject> stored = walk.everyItem(path, walk.officer);
    assertThat(stored)
        .extracting(s -> s.getInt("id"))
        .containsExactlyInAnyOrderElementsOf(accepted);
    Map<String, Long> storedByAddress =
        stored.stream()
            .collect(
                Collectors.groupingBy(s -> s.getString("clientAddress"), Collectors.counting()));
    byAddress.forEach(
        (address, tally) ->
            assertThat(storedByAddress.get(address))
                .as("stored from %s", address)
                .isEqualTo((long) tally.accepted.size()));
  }

  /** One poster: posts until the end, a pause between posts, tallying the answers. */
  private static void post(PublicReporter poster, String path, Instant end, Tally tally) {
    String sighting =
        Json.createObjectBuilder()
            .add("seenAt", Instant.now().minus(Duration.ofMinutes(5)).toString())
            .add("latitude", DAKHLA[0])
            .add("longitude", DAKHLA[1])
            .add("description", "a girl in a blue smock near the harbour")
            .build()
            .toString();
    while (Instant.now().isBefore(end)) {
      tally.posted(Instant.now());
      try {
        PublicReporter.Reply reply = poster.post(path, sighting);
        if (reply.status() == 202) {
          tally.accepted.add(reply.json().getInt("id"));
        } else if (reply.status() == 429
            && reply.contentType().startsWith("application/problem+json")
            && reply.headers().containsKey("retry-after")) {
          tally.limited();
        } else {
          tally.unexpected.add(reply.status() + " " + reply.body());
        }
      } catch (UncheckedIOException e) {
        tally.unexpected.add("no answer: " + e.getCause());
      }
      try {
        Thread.sleep(PAUSE.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
