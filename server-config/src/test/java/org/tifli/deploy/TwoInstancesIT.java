package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tifli.testing.FakeGraphApi;
import org.tifli.testing.FakeXApi;
import org.tifli.testing.TifliClient;
import org.tifli.testing.TifliClient.Answer;

/**
 * Two instances of Tifli behind one load balancer, as an installation scales out: both on one
 * PostgreSQL database and one external broker, started together (so they migrate the schema and
 * create the first administrator at the same moment). An alert requested on one and approved on the
 * other is posted once per channel, with the platforms failing a fifth of the calls so that retries
 * are handed around between the two; its widening stage falls due on both timers at once and is
 * applied once.
 */
class TwoInstancesIT {

  private static final String SCHEDULE = "PT0S=radius:20;PT20S=regions;PT24H=national";
  private static final String PASSWORD = "two-instances-password";

  private static ProductionInstallation installation;
  private static FakeGraphApi graph;
  private static FakeXApi x;
  private static MicroServer first;
  private static MicroServer second;

  @BeforeAll
  static void start() throws Exception {
    installation = ProductionInstallation.create("two-instances-it", "tifli_two_instances_it");
    graph = FakeGraphApi.start();
    x = FakeXApi.start();
    String options =
        String.join(
            " ",
            "-Dtifli.platform.facebook.base-url=" + graph.baseUrl(),
            "-Dtifli.platform.x.base-url=" + x.baseUrl(),
            "-Dtifli.platform.timeout=PT2S",
            "-Dtifli.delivery.retry-base=PT0.5S",
            "-Dtifli.widening.schedule=" + SCHEDULE,
            "-Dtifli.alerts.check-interval=PT1S");
    CompletableFuture<MicroServer> a = startAsync("instance-a", options);
    CompletableFuture<MicroServer> b = startAsync("instance-b", options);
    first = a.join();
    second = b.join();
  }

  @AfterAll
  static void stop() throws Exception {
    for (MicroServer server : new MicroServer[] {first, second}) {
      if (server != null) {
        server.close();
      }
    }
    if (graph != null) {
      graph.close();
    }
    if (x != null) {
      x.close();
    }
    if (installation != null) {
      installation.close();
    }
  }

  @Test
  void eachDeliveryIsPostedOnceAndEachWideningAppliedOnceAcrossBothInstances() throws Exception {
    TifliClient one = new TifliClient(first.appUrl());
    TifliClient other = new TifliClient(second.appUrl());
    String admin = one.token("admin", installation.adminPassword());
    account(other, admin, "officer-1", "officer");
    account(one, admin, "supervisor-1", "supervisor");
    String officer = one.token("officer-1", PASSWORD);
    String supervisor = other.token("supervisor-1", PASSWORD);

    List<String> region =
        one.get("/areas", null).body().asJsonArray().getValuesAs(JsonObject.class).stream()
            .filter(a -> "MA-06".equals(a.getString("parent", null)))
            .map(a -> a.getString("code"))
            .toList();
    List<String> pages = new ArrayList<>();
    List<String> xAccounts = new ArrayList<>();
    for (String province : region) {
      pages.add(channel(one, admin, province, "FACEBOOK"));
      xAccounts.add(channel(other, admin, province, "X"));
    }
    Answer opened = one.post("/cases", officer, Walk.fullCase(33.5883, -7.6114).build().toString());
    assertThat(opened.status()).as("%s", opened.body()).isEqualTo(201);
    long caseId = opened.json().getInt("id");
    Answer requested =
        one.post(
            "/cases/" + caseId + "/alerts",
            officer,
            "{\"criteria\":{\"minor\":true,\"danger\":true,\"descriptionSufficient\":true,"
                + "\"guardianConsent\":true},\"exercise\":false}");
    long alertId = requested.json().getInt("id");

    graph.failFraction(0.2, 7, Duration.ofSeconds(3));
    x.failFraction(0.2, 8, Duration.ofSeconds(3));
    try {
      Answer approved =
          other.post("/alerts/" + alertId + "/approval", supervisor, "{\"decision\":\"APPROVE\"}");
      assertThat(approved.status()).as("%s", approved.body()).isEqualTo(200);

      JsonObject alert =
          awaitSent(one, supervisor, alertId, region.size() * 2, Duration.ofMinutes(3));
      assertThat(alert.getInt("stagesDone")).isEqualTo(2);
    } finally {
      graph.failFraction(0, 0);
      x.failFraction(0, 0);
    }
    Thread.sleep(3_000);

    String link = "/alerts/" + alertId;
    Map<String, Long> posts =
        graph.posts().stream()
            .filter(p -> pages.contains(p.pageId()) && p.link().endsWith(link))
            .collect(Collectors.groupingBy(p -> p.pageId(), Collectors.counting()));
    assertThat(posts).hasSize(pages.size()).allSatisfy((page, n) -> assertThat(n).isOne());
    Set<String> tokens =
        xAccounts.stream().map(a -> "token-of-" + a).collect(Collectors.toUnmodifiableSet());
    Map<String, Long> tweets =
        x.tweets().stream()
            .filter(t -> tokens.contains(t.accessToken()) && t.text().contains(link))
            .collect(Collectors.groupingBy(t -> t.accessToken(), Collectors.counting()));
    assertThat(tweets).hasSize(xAccounts.size()).allSatisfy((a, n) -> assertThat(n).isOne());
    assertThat(stagesAppliedTo(alertId)).isEqualTo(2);
  }

  private static CompletableFuture<MicroServer> startAsync(String name, String options) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return MicroServer.start(
                installation.instanceDirectory(name), options, installation.settings());
          } catch (Exception e) {
            throw new IllegalStateException("cannot start " + name, e);
          }
        });
  }

  private static void account(TifliClient api, String admin, String name, String role) {
    Answer created =
        api.post(
            "/accounts",
            admin,
            Json.createObjectBuilder()
                .add("username", name)
                .add("password", PASSWORD)
                .add("roles", Json.createArrayBuilder().add(role))
                .build()
                .toString());
    assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
  }

  private static String channel(TifliClient api, String admin, String area, String platform) {
    String account = area.toLowerCase() + "-" + platform.toLowerCase() + "-two";
    Answer registered =
        api.post(
            "/channels",
            admin,
            Json.createObjectBuilder()
                .add("area", area)
                .add("platform", platform)
                .add("accountId", account)
                .add("secret", "token-of-" + account)
                .add("languages", Json.createArrayBuilder().add("fr"))
                .add("exercise", false)
                .build()
                .toString());
    assertThat(registered.status()).as("%s", registered.body()).isEqualTo(201);
    return account;
  }

  private static JsonObject awaitSent(
      TifliClient api, String token, long alertId, int count, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    JsonObject alert = api.get("/alerts/" + alertId, token).json();
    while (sent(alert) < count && System.nanoTime() < deadline) {
      Thread.sleep(500);
      alert = api.get("/alerts/" + alertId, token).json();
    }
    assertThat(sent(alert)).as("deliveries sent: %s", alert).isEqualTo(count);
    return alert;
  }

  private static long sent(JsonObject alert) {
    return alert.getJsonArray("deliveries").getValuesAs(JsonObject.class).stream()
        .filter(d -> d.getString("status").equals("SENT"))
        .count();
  }

  /** The stages the audit trail says were applied, by approval, a supervisor or either timer. */
  private static int stagesAppliedTo(long alertId) throws Exception {
    try (Connection db = installation.database();
        PreparedStatement query =
            db.prepareStatement(
                "SELECT count(*) FROM audit_entry WHERE subject_type = 'ALERT'"
                    + " AND subject_id = ? AND action = 'STAGE_APPLIED'")) {
      query.setLong(1, alertId);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
