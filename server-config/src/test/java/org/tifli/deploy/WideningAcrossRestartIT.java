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
import org.tifli.testing.TifliClient.Answer;

/**
 * The widening timer and the alert's lifetime on a server of its own, with a schedule of seconds
 * rather than hours: a stage that falls due while the server is down is applied once when it starts
 * again, never twice; a held alert does not widen; an alert expires when its lifetime runs out, and
 * then nothing more can be done with it.
 *
 * <p>The server trusts only the tokens of an identity provider, as an installation with its own
 * single sign-on does ({@code tifli.jwt.external.*}, {@code tifli.jwt.local-tokens=false}): the
 * test plays that provider, with a key pair of its own, and every caller here holds one of its
 * tokens. Tifli itself issues none ({@code POST /tokens} is 404), and tokens of another issuer, for
 * another audience, expired or signed by another key are refused (401). One server serves both
 * concerns, since each server of its own costs half a minute.
 */
class WideningAcrossRestartIT {

  private static final String SCHEDULE = "PT0S=radius:20;PT40S=regions;PT24H=national";
  private static final Duration LIFETIME = Duration.ofSeconds(100);
  private static final String ISSUER = "https://sso.police.example/realms/dgsn";
  private static final String AUDIENCE = "tifli-api";
  private static final String OFFICER = "inspector.benali";
  private static final String SUPERVISOR = "commissioner.idrissi";

  private static FakeGraphApi graph;
  private static TokenMint provider;
  private static Path data;
  private static Path providerKey;
  private static MicroServer server;

  @BeforeAll
  static void start() throws Exception {
    graph = FakeGraphApi.start();
    provider = TokenMint.identityProvider(ISSUER, AUDIENCE);
    data = MicroServer.freshDirectory("widening-restart-it");
    providerKey = provider.writePublicKey(data.resolveSibling("widening-restart-it-provider.pem"));
    server = start(data);
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
    Walk walk = walk();
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
    List<Long> channels = List.of(walk.channelId(casablanca), walk.channelId(settat));

    server.close();
    Duration untilDue = Duration.between(Instant.now(), approvedAt.plusSeconds(45));
    if (!untilDue.isNegative()) {
      Thread.sleep(untilDue.toMillis());
    }
    server = start(data);
    walk = walk();

    JsonObject widened =
        walk.awaitAlert(alertId, a -> a.getInt("stagesDone") == 2, Duration.ofSeconds(60));
    assertThat(widened.getInt("stagesDone")).isEqualTo(2);
    assertThat(walk.awaitPostsTo(settat, p -> !p.isEmpty())).isNotEmpty();
    Thread.sleep(6_000); // three more looks of the timer
    // On a slow machine the alert may expire by now and post its closing message: count the
    // alert's own deliveries, one per channel, and no post made twice.
    assertThat(alertDeliveries(walk, alertId))
        .filteredOn(d -> d.getString("purpose").equals("ALERT"))
        .extracting(d -> d.getJsonNumber("channel").longValue())
        .filteredOn(channels::contains)
        .containsExactlyInAnyOrderElementsOf(channels);
    assertThat(tags(walk.postsTo(settat))).doesNotHaveDuplicates();
    assertThat(tags(walk.postsTo(casablanca))).doesNotHaveDuplicates();
    List<JsonObject> stages =
        walk.timeline(caseId).stream()
            .filter(e -> e.getString("action").equals("STAGE_APPLIED"))
            .toList();
    assertThat(stages).hasSize(2);
    assertThat(stages.get(1).getString("actor")).isEqualTo("widening-timer");
    assertThat(stages.get(1).getString("actorKind")).isEqualTo("SYSTEM");
    // The held alert stayed at its first stage (it may have expired by now on a slow machine,
    // which ends the hold too).
    assertThat(walk.api.get("/alerts/" + heldId, walk.supervisor).json().getInt("stagesDone"))
        .isEqualTo(1);
    assertThat(walk.timeline(heldCaseId))
        .extracting(e -> e.getString("action"))
        .containsOnlyOnce("HELD", "STAGE_APPLIED");

    JsonObject expired =
        walk.awaitAlert(
            alertId, a -> a.getString("status").equals("EXPIRED"), LIFETIME.plusSeconds(30));
    assertThat(expired.getString("status")).isEqualTo("EXPIRED");
    assertThat(Instant.parse(expired.getString("endedAt")))
        .isAfterOrEqualTo(approvedAt.plus(LIFETIME));
    assertThat(walk.timeline(caseId))
        .filteredOn(e -> e.getString("action").equals("EXPIRED"))
        .singleElement()
        .satisfies(e -> assertThat(e.getString("actor")).isEqualTo("alert-lifetime"));
    assertNothingMoreCanBeDoneWith(walk, alertId, caseId);
  }

  @Test
  void theIdentityProvidersTokensAreAcceptedWithTheirNamesAndGroups() {
    TifliClient api = new TifliClient(server.appUrl());
    String officer = provider.token(OFFICER, List.of("officer"));
    String supervisor = provider.token(SUPERVISOR, List.of("supervisor"));
    String nobody = provider.token("visitor.alami", List.of());

    Answer opened = api.post("/cases", officer, Walk.fullCase(34.0209, -6.8416).build().toString());
    long caseId = opened.json().getInt("id");
    Answer read = api.get("/cases/" + caseId, supervisor);
    Answer readWithoutRoles = api.get("/cases/" + caseId, nobody);
    Answer supervisorOpening =
        api.post("/cases", supervisor, Walk.fullCase(34.0209, -6.8416).build().toString());
    Answer accountsOfficerSees = api.get("/accounts", officer);

    assertThat(opened.status()).as("%s", opened.body()).isEqualTo(201);
    assertThat(opened.json().getString("createdBy")).isEqualTo(OFFICER);
    assertThat(read.status()).isEqualTo(200);
    assertThat(readWithoutRoles.status()).isEqualTo(403);
    assertThat(supervisorOpening.status()).isEqualTo(403);
    assertThat(accountsOfficerSees.status()).isEqualTo(403);
    assertThat(walk().timeline(caseId))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getString("action")).isEqualTo("OPENED");
              assertThat(e.getString("actor")).isEqualTo(OFFICER);
            });
  }

  @Test
  void tokensOfAnotherIssuerOrAudienceOrExpiredOrSignedByAnotherKeyAreRefused() {
    RawApi raw = new RawApi(server.appUrl());
    List<String> groups = List.of("officer", "supervisor", "admin", "system");
    List<String> refused =
        List.of(
            provider.claimingIssuer("https://sso.elsewhere.example").token(OFFICER, groups),
            provider.forAudience("another-api").token(OFFICER, groups),
            provider.forAudience(null).token(OFFICER, groups),
            provider.token(OFFICER, groups, Instant.now().minusSeconds(60)),
            provider.impostor().token(OFFICER, groups));

    for (String token : refused) {
      RawApi.Reply reply = raw.send("GET", "/cases?size=1", token, null, null);

      assertThat(reply.status()).as(reply.body()).isEqualTo(401);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.header("WWW-Authenticate"))
          .hasValueSatisfying(c -> assertThat(c).startsWith("Bearer"));
    }
    assertThat(
            raw.send("GET", "/cases?size=1", provider.token(OFFICER, groups), null, null).status())
        .isEqualTo(200);
  }

  @Test
  void thisInstallationIssuesNoTokensOfItsOwn() {
    Answer asked =
        new TifliClient(server.appUrl())
            .post("/tokens", null, "{\"username\":\"officer\",\"password\":\"tifli-demo\"}");

    assertThat(asked.status()).isEqualTo(404);
    assertThat(asked.contentType()).startsWith("application/problem+json");
    assertThat(asked.json().getString("detail")).contains(ISSUER);
  }

  /** Every move of the life cycle on an expired alert is a conflict that changes nothing. */
  private static void assertNothingMoreCanBeDoneWith(Walk walk, long alertId, long caseId) {
    JsonObject before = walk.api.get("/alerts/" + alertId, walk.supervisor).json();
    int entries = walk.timeline(caseId).size();
    for (String[] move :
        List.of(
            new String[] {"approval", "{\"decision\":\"APPROVE\"}"},
            new String[] {"approval", "{\"decision\":\"REJECT\",\"reason\":\"late\"}"},
            new String[] {"widening", "{}"},
            new String[] {"hold", "{\"held\":true}"},
            new String[] {"renewal", "{}"},
            new String[] {"cancellation", "{\"reason\":\"too late\"}"})) {
      Answer refused =
          walk.api.post("/alerts/" + alertId + "/" + move[0], walk.supervisor, move[1]);

      assertThat(refused.status()).as("%s %s", move[0], refused.body()).isEqualTo(409);
      assertThat(refused.contentType()).startsWith("application/problem+json");
    }
    assertThat(walk.api.get("/alerts/" + alertId, walk.supervisor).json()).isEqualTo(before);
    assertThat(walk.timeline(caseId)).hasSize(entries);
  }

  private static List<JsonObject> alertDeliveries(Walk walk, long alertId) {
    return walk.api
        .get("/alerts/" + alertId, walk.supervisor)
        .json()
        .getJsonArray("deliveries")
        .getValuesAs(JsonObject.class);
  }

  /** The delivery tag each post carries, {@code [tifli-<delivery id>]}. */
  private static List<String> tags(List<ReceivedPost> posts) {
    return posts.stream()
        .map(p -> p.message().replaceAll("(?s).*(\\[tifli-\\d+]).*", "$1"))
        .toList();
  }

  /** The callers of this test, each with a token of the identity provider. */
  private static Walk walk() {
    return new Walk(
        new TifliClient(server.appUrl()),
        graph,
        provider.token(OFFICER, List.of("officer")),
        provider.token(SUPERVISOR, List.of("supervisor")),
        provider.token("it.admin", List.of("admin")));
  }

  private static MicroServer start(Path data) throws Exception {
    return MicroServer.start(
        data,
        String.join(
            " ",
            "-Dtifli.platform.facebook.base-url=" + graph.baseUrl(),
            "-Dtifli.alerts.check-interval=PT2S",
            "-Dtifli.widening.schedule=" + SCHEDULE,
            "-Dtifli.alerts.lifetime=" + LIFETIME,
            "-Dtifli.jwt.external.issuer=" + ISSUER,
            "-Dtifli.jwt.external.public-key-file=" + providerKey,
            "-Dtifli.jwt.external.audience=" + AUDIENCE,
            "-Dtifli.jwt.local-tokens=false"));
  }
}
