package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tifli.testing.FakeGraphApi;
import org.tifli.testing.FakeGraphApi.ReceivedPost;
import org.tifli.testing.FakeTelegramApi;
import org.tifli.testing.FakeWebhookReceiver;
import org.tifli.testing.FakeXApi;
import org.tifli.testing.TifliClient.Answer;

/**
 * Distribution over HTTP against the shared server and its fake platforms: a national alert reaches
 * every channel of every province once, and its takedown closes and removes the posts; with a third
 * of the platforms' calls failing for now, everything still goes out exactly once; a revoked token
 * stops its channel with a visible error and no retry storm, and a new secret sends what waited,
 * once; Telegram and partner webhooks get the alert and its end.
 */
class DistributionIT {

  private static final double[] CASABLANCA = {33.5883, -7.6114};
  private static final double[] AGADIR = {30.4278, -9.5981};
  private static final Duration PATIENCE = Duration.ofMinutes(2);

  private static Walk walk;
  private static SharedTifli tifli;

  @BeforeAll
  static void signIn() {
    tifli = SharedTifli.get();
    walk = Walk.on(tifli);
  }

  @Test
  void aNationalAlertReachesEveryChannelOfEveryProvinceOnceAndComesDownWithItsCase()
      throws Exception {
    List<String> provinces =
        walk.api.get("/areas", null).body().asJsonArray().getValuesAs(JsonObject.class).stream()
            .filter(a -> a.getString("level").equals("PROVINCE"))
            .map(a -> a.getString("code"))
            .toList();
    assertThat(provinces).hasSize(75);
    List<String> pages = new ArrayList<>();
    List<String> instagram = new ArrayList<>();
    List<String> xAccounts = new ArrayList<>();
    for (String province : provinces) {
      pages.add(walk.channel(province, "FACEBOOK", false));
      instagram.add(walk.channel(province, "INSTAGRAM", false));
      xAccounts.add(walk.channel(province, "X", false));
    }
    long caseId = caseWithPhoto(CASABLANCA);
    long alertId = walk.requestAlert(caseId, false).getInt("id");
    String link = "/alerts/" + alertId;
    int logBefore = tifli.serverLog().length();

    walk.approve(alertId);
    for (int stage = 2; stage <= 4; stage++) {
      walk.api.post("/alerts/" + alertId + "/widening", walk.supervisor, "{}");
    }

    Set<Long> mine = channelIds(pages, instagram, xAccounts);
    JsonObject alert =
        awaitDeliveries(alertId, mine, d -> d.getString("status").equals("SENT"), 225);
    assertThat(facebookPostsPerPage(link, pages))
        .hasSize(75)
        .allSatisfy((p, n) -> assertThat(n).isOne());
    assertThat(instagramPostsPerAccount(link, instagram))
        .hasSize(75)
        .allSatisfy((a, n) -> assertThat(n).isOne());
    assertThat(tweetsPerAccount(link, xAccounts))
        .hasSize(75)
        .allSatisfy((a, n) -> assertThat(n).isOne());
    assertThat(deliveriesTo(mine, alert))
        .filteredOn(d -> d.getString("purpose").equals("ALERT"))
        .hasSize(225)
        .allMatch(d -> d.getInt("attempts") == 1 && !d.getBoolean("possibleDuplicate"));
    // A message handed over before its delivery is committed finds nothing; the broker's adapter
    // logs it as an error and offers it again a second later.
    assertThat(tifli.serverLog().substring(logBefore))
        .as("messages reach the consumer only once their deliveries are committed")
        .doesNotContain("error dispatching message");

    walk.api.post(
        "/cases/" + caseId + "/resolution", walk.supervisor, "{\"outcome\":\"FOUND_SAFE\"}");

    // Settled: the Facebook and X posts retracted, and each Instagram retraction tried.
    JsonObject ended =
        awaitDeliveries(
            alertId,
            mine,
            d ->
                d.getString("status").equals("RETRACTED")
                    || d.getString("purpose").equals("RETRACTION")
                        && d.getString("platform").equals("INSTAGRAM")
                        && !d.getString("status").equals("QUEUED"),
            225);
    List<JsonObject> ledger = deliveriesTo(mine, ended);
    assertThat(ledger)
        .filteredOn(d -> d.getString("purpose").equals("ALERT"))
        .filteredOn(d -> !d.getString("platform").equals("INSTAGRAM"))
        .allMatch(d -> d.getString("status").equals("RETRACTED"));
    // Instagram's API cannot delete a post: the retraction says a person must, and stops.
    assertThat(ledger)
        .filteredOn(d -> d.getString("purpose").equals("RETRACTION"))
        .filteredOn(d -> d.getString("platform").equals("INSTAGRAM"))
        .hasSize(75)
        .allMatch(
            d -> d.getString("status").equals("FAILED") && !d.getString("lastError").isEmpty());
    FakeGraphApi graph = tifli.graph();
    List<String> facebookPostIds =
        ledger.stream()
            .filter(d -> d.getString("platform").equals("FACEBOOK"))
            .filter(d -> d.getString("purpose").equals("ALERT"))
            .map(d -> d.getString("externalId"))
            .toList();
    assertThat(graph.deletions()).containsAll(facebookPostIds);
    assertThat(
            graph.posts().stream()
                .filter(p -> pages.contains(p.pageId()) && p.link().endsWith(link))
                .filter(p -> p.message().contains("retrouvé")))
        .hasSize(75)
        .allMatch(p -> !p.message().contains("Salma"));
  }

  @Test
  void withAThirdOfTheCallsFailingForNowEveryPostStillGoesOutExactlyOnce() throws Exception {
    FakeGraphApi graph = tifli.graph();
    FakeXApi x = tifli.x();
    List<String> pages = new ArrayList<>();
    List<String> xAccounts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      pages.add(walk.channel("MA-AGD", "FACEBOOK", false));
      xAccounts.add(walk.channel("MA-AGD", "X", false));
    }
    long caseId = walk.openCase(Walk.fullCase(AGADIR[0], AGADIR[1])).getInt("id");
    long alertId = walk.requestAlert(caseId, false).getInt("id");
    String link = "/alerts/" + alertId;

    graph.failFraction(0.3, 42, Duration.ofSeconds(3));
    x.failFraction(0.3, 43, Duration.ofSeconds(3));
    try {
      walk.approve(alertId);
      Set<Long> mine = channelIds(pages, xAccounts);
      JsonObject alert =
          awaitDeliveries(alertId, mine, d -> d.getString("status").equals("SENT"), 20);

      List<JsonObject> ledger = deliveriesTo(mine, alert);
      assertThat(ledger).filteredOn(d -> d.getString("status").equals("SENT")).hasSize(20);
      // The faults did happen, and were ridden out without posting twice.
      assertThat(ledger).anyMatch(d -> d.getInt("attempts") > 1);
      assertThat(ledger).noneMatch(d -> d.getBoolean("possibleDuplicate"));
    } finally {
      graph.failFraction(0, 0);
      x.failFraction(0, 0);
    }
    Thread.sleep(3_000);
    assertThat(facebookPostsPerPage(link, pages))
        .hasSize(10)
        .allSatisfy((p, n) -> assertThat(n).isOne());
    assertThat(tweetsPerAccount(link, xAccounts))
        .hasSize(10)
        .allSatisfy((a, n) -> assertThat(n).isOne());
  }

  @Test
  void aRevokedTokenStopsItsChannelVisiblyAndANewSecretSendsWhatWaitedOnce() throws Exception {
    FakeGraphApi graph = tifli.graph();
    String healthy = walk.channel("MA-TIZ", "FACEBOOK", false);
    String revoked = walk.channel("MA-TIZ", "FACEBOOK", false);
    long channelId = walk.channelId(revoked);
    String oldToken = "token-of-" + revoked;
    graph.revokeToken(oldToken);
    Set<Long> mine = channelIds(List.of(healthy, revoked));
    long first = approvedAlertInTiznit();

    awaitDeliveries(first, mine, d -> !d.getString("status").equals("QUEUED"), 2);
    Thread.sleep(3_000);
    JsonObject alert = walk.api.get("/alerts/" + first, walk.supervisor).json();

    JsonObject stopped = deliveryTo(revoked, alert);
    assertThat(stopped.getString("status")).isEqualTo("FAILED");
    assertThat(stopped.getString("lastError")).contains("190").doesNotContain(oldToken);
    assertThat(stopped.getInt("attempts")).isOne();
    assertThat(stopped.getBoolean("awaitingFix")).isTrue();
    assertThat(deliveryTo(healthy, alert).getString("status")).isEqualTo("SENT");
    Answer channel = walk.api.get("/channels/" + channelId, walk.admin);
    assertThat(channel.json().getString("status")).isEqualTo("NEEDS_FIX");
    assertThat(channel.json().getString("problem")).contains("190");
    assertThat(channel.body().toString()).doesNotContain(oldToken);
    assertThat(channel.json()).doesNotContainKey("secret");
    assertThat(graph.refusals(oldToken)).isOne();

    // Alerts that come meanwhile wait too, without a single call to the platform.
    long second = approvedAlertInTiznit();
    long third = approvedAlertInTiznit();
    awaitDeliveries(second, mine, d -> d.getString("status").equals("FAILED"), 1);
    awaitDeliveries(third, mine, d -> d.getString("status").equals("FAILED"), 1);
    JsonObject waiting =
        deliveryTo(revoked, walk.api.get("/alerts/" + second, walk.supervisor).json());
    assertThat(waiting.getInt("attempts")).isZero();
    assertThat(waiting.getBoolean("awaitingFix")).isTrue();
    assertThat(waiting.getString("lastError")).contains("waiting for channel", "190");
    assertThat(graph.refusals(oldToken)).isOne();
    // The third alert ends before the fix: what waited for it must never go out.
    walk.api.post(
        "/alerts/" + third + "/cancellation", walk.supervisor, "{\"reason\":\"duplicate\"}");

    Answer fixed =
        walk.api.put(
            "/channels/" + channelId, walk.admin, "{\"secret\":\"renewed-" + oldToken + "\"}");

    assertThat(fixed.status()).as("%s", fixed.body()).isEqualTo(200);
    assertThat(fixed.json().getString("status")).isEqualTo("ACTIVE");
    assertThat(fixed.json().containsKey("problem") && !fixed.json().isNull("problem")).isFalse();
    assertThat(fixed.body().toString()).doesNotContain("renewed-");
    awaitDeliveries(first, mine, d -> d.getString("status").equals("SENT"), 2);
    awaitDeliveries(second, mine, d -> d.getString("status").equals("SENT"), 2);
    JsonObject ended =
        awaitDeliveries(third, mine, d -> d.getString("status").equals("WITHDRAWN"), 1);
    assertThat(deliveryTo(revoked, ended).getString("status")).isEqualTo("WITHDRAWN");
    Thread.sleep(2_000);
    List<ReceivedPost> posts = walk.postsTo(revoked);
    assertThat(posts)
        .extracting(ReceivedPost::link)
        .filteredOn(l -> l.endsWith("/alerts/" + first))
        .hasSize(1);
    assertThat(posts)
        .extracting(ReceivedPost::link)
        .filteredOn(l -> l.endsWith("/alerts/" + second))
        .hasSize(1);
    assertThat(posts).extracting(ReceivedPost::link).noneMatch(l -> l.endsWith("/alerts/" + third));
    assertThat(posts).allMatch(p -> p.accessToken().equals("renewed-" + oldToken));
    assertThat(graph.refusals(oldToken)).isOne();
    List<JsonObject> history = walk.everyItem("/channels/" + channelId + "/audit", walk.admin);
    assertThat(history)
        .extracting(e -> e.getString("action") + " by " + e.getString("actorKind"))
        .containsExactly("REGISTERED by USER", "NEEDS_FIX by SYSTEM", "REVISED by USER");
    assertThat(history.toString()).doesNotContain(oldToken).doesNotContain("renewed-");
  }

  @Test
  void telegramAndAPartnerWebhookGetTheAlertAndItsEnd() throws Exception {
    String secret = "partner-secret-" + UUID.randomUUID();
    try (FakeWebhookReceiver partner = FakeWebhookReceiver.start(secret)) {
      FakeTelegramApi telegram = tifli.telegram();
      String chat = "@tifli_" + UUID.randomUUID().toString().substring(0, 8);
      String bot = "123456789:AA" + UUID.randomUUID().toString().replace("-", "");
      Set<Long> mine =
          channelIds(
              List.of(
                  walk.channel("MA-ESI", "TELEGRAM", chat, bot, false),
                  walk.channel("MA-ESI", "WEBHOOK", partner.url("/alerts"), secret, false)));
      long caseId = walk.openCase(Walk.fullCase(31.5085, -9.7595)).getInt("id");
      long alertId = walk.requestAlert(caseId, false).getInt("id");

      walk.approve(alertId);
      awaitDeliveries(alertId, mine, d -> d.getString("status").equals("SENT"), 2);
      assertThat(telegram.messages()).anyMatch(m -> m.toString().contains(chat));
      assertThat(partner.events()).hasSize(1);
      assertThat(partner.refused()).isZero();
      assertThat(partner.events().get(0).rawBody()).doesNotContain("600 000 000");

      walk.api.post(
          "/cases/" + caseId + "/resolution", walk.supervisor, "{\"outcome\":\"RETURNED_HOME\"}");
      awaitDeliveries(alertId, mine, d -> d.getString("status").equals("RETRACTED"), 2);

      assertThat(telegram.deletions()).isNotEmpty();
      assertThat(partner.events().size()).isGreaterThanOrEqualTo(3);
      assertThat(partner.refused()).isZero();
    }
  }

  /** A case last seen in Tiznit, and its alert, approved. */
  private static long approvedAlertInTiznit() {
    long caseId = walk.openCase(Walk.fullCase(29.6974, -9.7316)).getInt("id");
    long alertId = walk.requestAlert(caseId, false).getInt("id");
    walk.approve(alertId);
    return alertId;
  }

  private static JsonObject deliveryTo(String account, JsonObject alert) {
    long channelId = walk.channelId(account);
    return deliveriesTo(Set.of(channelId), alert).stream()
        .filter(d -> d.getString("purpose").equals("ALERT"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no delivery to " + account + " in " + alert));
  }

  /** The ids of channels this test class registered, by their account ids. */
  @SafeVarargs
  private static Set<Long> channelIds(List<String>... accounts) {
    return Stream.of(accounts)
        .flatMap(List::stream)
        .map(walk::channelId)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The alert's deliveries to the given channels; other tests' channels serve the same areas. */
  private static List<JsonObject> deliveriesTo(Set<Long> channels, JsonObject alert) {
    return alert.getJsonArray("deliveries").getValuesAs(JsonObject.class).stream()
        .filter(d -> channels.contains(d.getJsonNumber("channel").longValue()))
        .toList();
  }

  private static Map<String, Long> facebookPostsPerPage(String link, List<String> pages) {
    Set<String> mine = Set.copyOf(pages);
    return tifli.graph().posts().stream()
        .filter(p -> mine.contains(p.pageId()) && p.link().endsWith(link))
        .filter(p -> !p.message().contains("retrouvé"))
        .collect(Collectors.groupingBy(p -> p.pageId(), Collectors.counting()));
  }

  private static Map<String, Long> instagramPostsPerAccount(String link, List<String> accounts) {
    Set<String> mine = Set.copyOf(accounts);
    return tifli.graph().media().stream()
        .filter(m -> mine.contains(m.igUserId()) && m.caption().contains(link))
        .collect(Collectors.groupingBy(m -> m.igUserId(), Collectors.counting()));
  }

  private static Map<String, Long> tweetsPerAccount(String link, List<String> accounts) {
    Set<String> tokens =
        accounts.stream().map(a -> "token-of-" + a).collect(Collectors.toUnmodifiableSet());
    return tifli.x().tweets().stream()
        .filter(t -> tokens.contains(t.accessToken()) && t.text().contains(link))
        .collect(Collectors.groupingBy(t -> t.accessToken(), Collectors.counting()));
  }

  /** Waits until at least {@code count} deliveries of the alert to the channels satisfy it. */
  private static JsonObject awaitDeliveries(
      long alertId, Set<Long> channels, Predicate<JsonObject> condition, int count)
      throws InterruptedException {
    return walk.awaitAlert(
        alertId,
        a -> deliveriesTo(channels, a).stream().filter(condition).count() >= count,
        PATIENCE);
  }

  private static long caseWithPhoto(double[] place) throws Exception {
    long caseId = walk.openCase(Walk.fullCase(place[0], place[1])).getInt("id");
    BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", jpeg);
    walk.api.postMultipart(
        "/cases/" + caseId + "/photos",
        walk.officer,
        Map.of("photo", jpeg.toByteArray(), "publication", "true"));
    return caseId;
  }
}
