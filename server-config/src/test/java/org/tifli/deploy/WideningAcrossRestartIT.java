package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tifli.testing.FakeGraphApi;
import org.tifli.testing.FakeGraphApi.ReceivedPost;
import org.tifli.testing.TifliClient;

/**
 * The widening timer and the alert's lifetime on a server of its own, with a schedule of seconds
 * rather than hours: a stage that falls due while the server is down is applied once when it starts
 * again, never twice; a held alert does not widen; an alert expires when its lifetime runs out.
 */
class WideningAcrossRestartIT {

  private static final String SCHEDULE = "PT0S=radius:20;PT40S=regions;PT24H=national";
  private static final Duration LIFETIME = Duration.ofSeconds(100);

  private static FakeGraphApi graph;
  private static MicroServer server;

  @BeforeAll
  static void startGraph() throws Exception {
    graph = FakeGraphApi.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (graph != null) {
      graph.close();
    }
  }

  @Test
  void aStageDueWhileTheServerIsDownIsAppliedOnceAfterItStartsAndTheAlertThenExpires()
      throws Exception {
    Path data = MicroServer.freshDirectory("widening-restart-it");
    server = start(data);
    Walk walk = new Walk(new TifliClient(server.appUrl()), graph);
    String casablanca = walk.facebookPage("MA-CAS", false);
    String settat = walk.facebookPage("MA-SET", false);
    long caseId = walk.openCase(Walk.fullCase(33.5883, -7.6114)).getInt("id");
    long alertId = walk.requestAlert(caseId, false).getInt("id");
    JsonObject approved = walk.approve(alertId);
    Instant approvedAt = Instant.parse(approved.getString("decidedAt"));
    long heldCaseId = walk.openCase(Walk.fullCase(31.6295, -7.9811)).getInt("id");
    long heldId = walk.requestAlert(heldCaseId, false).getInt("id");
    walk.approve(heldId);
    walk.api.post("/alerts/" + heldId + "/hold", walk.supervisor, "{\"held\":true}");
    assertThat(walk.awaitPostsTo(casablanca, p -> p.size() == 1)).hasSize(1);

    server.close();
    Duration untilDue = Duration.between(Instant.now(), approvedAt.plusSeconds(45));
    if (!untilDue.isNegative()) {
      Thread.sleep(untilDue.toMillis());
    }
    server = start(data);
    walk = new Walk(new TifliClient(server.appUrl()), graph);

    JsonObject widened =
        walk.awaitAlert(alertId, a -> a.getInt("stagesDone") == 2, Duration.ofSeconds(60));
    assertThat(widened.getInt("stagesDone")).isEqualTo(2);
    assertThat(walk.awaitPostsTo(settat, p -> p.size() == 1)).hasSize(1);
    Thread.sleep(6_000); // three more looks of the timer
    // On a slow machine the alert may already have expired: its closing posts do not count.
    assertThat(alertPosts(walk, settat)).hasSize(1);
    assertThat(alertPosts(walk, casablanca)).hasSize(1);
    List<JsonObject> stages =
        timeline(walk, caseId).stream()
            .filter(e -> e.getString("action").equals("STAGE_APPLIED"))
            .toList();
    assertThat(stages).hasSize(2);
    assertThat(stages.get(1).getString("actor")).isEqualTo("widening-timer");
    assertThat(stages.get(1).getString("actorKind")).isEqualTo("SYSTEM");
    JsonObject held = walk.api.get("/alerts/" + heldId, walk.supervisor).json();
    assertThat(held.getBoolean("held")).isTrue();
    assertThat(held.getInt("stagesDone")).isEqualTo(1);

    JsonObject expired =
        walk.awaitAlert(
            alertId, a -> a.getString("status").equals("EXPIRED"), LIFETIME.plusSeconds(30));
    assertThat(expired.getString("status")).isEqualTo("EXPIRED");
    assertThat(Instant.parse(expired.getString("endedAt")))
        .isAfterOrEqualTo(approvedAt.plus(LIFETIME));
    assertThat(timeline(walk, caseId))
        .filteredOn(e -> e.getString("action").equals("EXPIRED"))
        .singleElement()
        .satisfies(e -> assertThat(e.getString("actor")).isEqualTo("alert-lifetime"));
  }

  private static MicroServer start(Path data) throws Exception {
    return MicroServer.start(
        data,
        String.join(
            " ",
            "-Dtifli.platform.facebook.base-url=" + graph.baseUrl(),
            "-Dtifli.alerts.check-interval=PT2S",
            "-Dtifli.widening.schedule=" + SCHEDULE,
            "-Dtifli.alerts.lifetime=" + LIFETIME));
  }

  private static List<ReceivedPost> alertPosts(Walk walk, String page) {
    return walk.postsTo(page).stream().filter(p -> p.message().contains("ENFANT DISPARU")).toList();
  }

  private static List<JsonObject> timeline(Walk walk, long caseId) {
    return walk.api
        .get("/cases/" + caseId + "/audit", walk.supervisor)
        .body()
        .asJsonArray()
        .getValuesAs(JsonObject.class);
  }
}
