package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tifli.deploy.PublicReporter.Reply;
import org.tifli.testing.TifliClient.Answer;

/**
 * Sightings over HTTP, against the shared server: the public reports them without a token for an
 * active alert only, each placed in the province and region of its point; bad input is refused
 * field by field with nothing stored; officers list them with the reporters' contacts and triage
 * them, and the case's timeline keeps every step.
 *
 * <p>The server limits sightings per client address (the product default: a burst of 20, then 10 a
 * minute) and trusts no header to tell clients apart. So that no test depends on what another
 * posted, or on the order they run in, every test posts as a {@link PublicReporter} of its own,
 * from a loopback address no other test uses: each starts with a full bucket, and the test that
 * exhausts its bucket leaves everyone else's alone. This needs the loopback network 127.0.0.0/8,
 * which Linux has.
 */
class SightingsIT {

  private static final double[] CASABLANCA = {33.5883, -7.6114}; // MA-CAS, region MA-06
  private static final double[] RABAT = {34.0209, -6.8416}; // MA-RAB, region MA-04
  private static final double[] PARIS = {48.8566, 2.3522}; // outside every area

  /** The product's default burst; the shared server runs the default limit. */
  private static final int BURST = 20;

  /** The product's default rate: one more request every 6 seconds. */
  private static final Duration REFILL = Duration.ofSeconds(6);

  private static SharedTifli tifli;
  private static Walk walk;

  @BeforeAll
  static void signIn() {
    tifli = SharedTifli.get();
    walk = Walk.on(tifli);
  }

  @Test
  void aSightingWithoutATokenIsAcceptedPlacedAndShownToOfficersWithItsContact() {
    Alert alert = activeAlert();
    PublicReporter reporter = reporter();

    Reply first =
        reporter.post(sightingsOf(alert), sighting(CASABLANCA).add("contact", "+212 611 223 344"));
    Reply second = reporter.post(sightingsOf(alert), sighting(RABAT));

    assertThat(first.status()).as(first.body()).isEqualTo(202);
    assertThat(first.json().keySet()).containsExactlyInAnyOrder("id", "status");
    assertThat(first.json().getString("status")).isEqualTo("NEW");
    assertThat(second.status()).as(second.body()).isEqualTo(202);
    JsonObject page = walk.api.get(sightingsOf(alert), walk.officer).json();
    assertThat(page.getInt("total")).isEqualTo(2);
    List<JsonObject> items = page.getJsonArray("items").getValuesAs(JsonObject.class);
    assertThat(items)
        .extracting(s -> s.getInt("id"))
        .containsExactly(second.json().getInt("id"), first.json().getInt("id"));
    JsonObject stored = items.get(1);
    assertThat(strings(stored, "areas")).containsExactly("MA-CAS", "MA-06");
    assertThat(strings(items.get(0), "areas")).containsExactly("MA-RAB", "MA-04");
    assertThat(stored.getString("contact")).isEqualTo("+212 611 223 344");
    assertThat(stored.getString("description"))
        .isEqualTo("a girl in a blue smock at the tram stop");
    assertThat(stored.getString("clientAddress")).isEqualTo(reporter.address());
    assertThat(stored.getString("status")).isEqualTo("NEW");
    assertThat(stored.getInt("alertId")).isEqualTo((int) alert.id());
    assertThat(stored.getInt("caseId")).isEqualTo((int) alert.caseId());
    assertThat(stored.getJsonNumber("latitude").doubleValue()).isEqualTo(CASABLANCA[0]);
    JsonObject ofCase =
        walk.api.get("/cases/" + alert.caseId() + "/sightings", walk.supervisor).json();
    assertThat(ofCase.getInt("total")).isEqualTo(2);
    assertThat(walk.api.get("/alerts/" + alert.id(), walk.officer).json().getInt("sightings"))
        .isEqualTo(2);
  }

  @Test
  void invalidSightingsAreRefusedFieldByFieldAndNothingIsStored() {
    Alert alert = activeAlert();
    PublicReporter reporter = reporter();
    String path = sightingsOf(alert);
    // Fifteen posts in all, within one reporter's burst.
    List<Map.Entry<String, JsonObjectBuilder>> refusals =
        List.of(
            Map.entry("latitude", sighting(CASABLANCA).add("latitude", 91)),
            Map.entry("longitude", sighting(CASABLANCA).add("longitude", -180.5)),
            Map.entry("latitude", sighting(PARIS)),
            Map.entry("description", sighting(CASABLANCA).add("description", " ")),
            Map.entry("description", sighting(CASABLANCA).remove("description")),
            Map.entry("description", sighting(CASABLANCA).add("description", "x".repeat(2001))),
            Map.entry("seenAt", sighting(CASABLANCA).add("seenAt", inOneDay())),
            Map.entry("seenAt", sighting(CASABLANCA).add("seenAt", "1900-01-01T00:00:00Z")),
            Map.entry("seenAt", sighting(CASABLANCA).remove("seenAt")),
            Map.entry("contact", sighting(CASABLANCA).add("contact", "call me at the café")));

    for (Map.Entry<String, JsonObjectBuilder> refusal : refusals) {
      Reply refused = reporter.post(path, refusal.getValue());
      assertProblem(refused, 400);
      assertThat(fieldsInError(refused)).as(refusal.getKey()).containsExactly(refusal.getKey());
    }
    for (String malformed :
        List.of(
            "{\"seenAt\":",
            "",
            "[]",
            "{\"seenAt\":\"yesterday\",\"latitude\":33.5,\"longitude\":-7.6,\"description\":\"x\"}",
            "{\"seenAt\":\"2026-12-01T10:00:00Z\",\"latitude\":\"north\",\"longitude\":-7.6,"
                + "\"description\":\"x\"}")) {
      assertProblem(reporter.post(path, malformed), 400);
    }

    assertThat(walk.api.get(path, walk.officer).json().getInt("total")).isZero();
  }

  @Test
  void anAlertNotMadePublicIsUnknownToThePublicAndAnEndedOneRefusesSightings() {
    long caseId = walk.openCase(Walk.fullCase(CASABLANCA[0], CASABLANCA[1])).getInt("id");
    long pendingId = walk.requestAlert(caseId, false).getInt("id");
    Alert resolved = activeAlert();
    Answer resolution =
        walk.api.post(
            "/cases/" + resolved.caseId() + "/resolution",
            walk.supervisor,
            "{\"outcome\":\"FOUND_SAFE\"}");
    assertThat(resolution.status()).as("resolving: %s", resolution.body()).isEqualTo(200);
    Alert cancelled = activeAlert();
    Answer cancellation =
        walk.api.post(
            "/alerts/" + cancelled.id() + "/cancellation",
            walk.supervisor,
            "{\"reason\":\"withdrawn\"}");
    assertThat(cancellation.status()).as("cancelling: %s", cancellation.body()).isEqualTo(200);
    PublicReporter reporter = reporter();

    Reply toPending = reporter.post("/alerts/" + pendingId + "/sightings", sighting(CASABLANCA));
    Reply toUnknown = reporter.post("/alerts/987654321/sightings", sighting(CASABLANCA));
    Reply toResolved = reporter.post(sightingsOf(resolved), sighting(CASABLANCA));
    Reply toCancelled = reporter.post(sightingsOf(cancelled), sighting(CASABLANCA));

    assertProblem(toPending, 404);
    assertProblem(toUnknown, 404);
    assertThat(toPending.json().getString("detail"))
        .isEqualTo(toUnknown.json().getString("detail").replace("987654321", "" + pendingId));
    assertProblem(toResolved, 409);
    assertProblem(toCancelled, 409);
    assertThat(walk.api.get("/cases/" + caseId + "/sightings", walk.officer).json().getInt("total"))
        .isZero();
    for (Alert ended : List.of(resolved, cancelled)) {
      assertThat(walk.api.get(sightingsOf(ended), walk.officer).json().getInt("total")).isZero();
    }
  }

  @Test
  void officersTriageASightingAndTheCaseTimelineKeepsEachStep() {
    Alert alert = activeAlert();
    PublicReporter reporter = reporter();
    Reply received =
        reporter.post(sightingsOf(alert), sighting(CASABLANCA).add("contact", "amal@example.ma"));
    long id = received.json().getInt("id");
    String triage = "/sightings/" + id + "/triage";

    Answer relevant =
        walk.api.post(triage, walk.officer, "{\"status\":\"RELEVANT\",\"note\":\"call back\"}");
    Answer dismissed = walk.api.post(triage, walk.supervisor, "{\"status\":\"DISMISSED\"}");

    assertThat(relevant.status()).as("%s", relevant.body()).isEqualTo(200);
    assertThat(relevant.json().getString("status")).isEqualTo("RELEVANT");
    assertThat(relevant.json().getString("triagedBy")).isEqualTo("officer");
    assertThat(relevant.json().getString("triageNote")).isEqualTo("call back");
    assertThat(dismissed.status()).isEqualTo(200);
    assertThat(dismissed.json().getString("status")).isEqualTo("DISMISSED");
    assertThat(walk.api.get("/sightings/" + id, walk.officer).json().getString("triagedBy"))
        .isEqualTo("supervisor");
    List<JsonObject> timeline =
        walk.everyItem("/cases/" + alert.caseId() + "/audit", walk.officer).stream()
            .filter(e -> e.getString("subject").equals("SIGHTING"))
            .toList();
    assertThat(timeline)
        .extracting(e -> e.getString("action"))
        .containsExactly("REPORTED", "TRIAGED", "TRIAGED");
    assertThat(timeline).allMatch(e -> e.getInt("subjectId") == id);
    JsonObject report = timeline.get(0);
    assertThat(report.getString("actor")).isEqualTo("public");
    assertThat(report.getString("actorKind")).isEqualTo("PUBLIC");
    assertThat(report.getString("origin")).isEqualTo(reporter.address());
    assertThat(timeline.get(1).getJsonObject("changes").getJsonObject("status"))
        .isEqualTo(Json.createObjectBuilder().add("from", "NEW").add("to", "RELEVANT").build());
    assertThat(timeline.get(2).getJsonObject("changes").getJsonObject("status"))
        .isEqualTo(
            Json.createObjectBuilder().add("from", "RELEVANT").add("to", "DISMISSED").build());
    assertThat(timeline.get(2).getString("actor")).isEqualTo("supervisor");
    assertThat(timeline.toString()).doesNotContain("amal@example.ma");
  }

  @Test
  void triageAndTheListsNeedAnOfficerOrASupervisor() {
    Alert alert = activeAlert();
    long id = reporter().post(sightingsOf(alert), sighting(CASABLANCA)).json().getInt("id");
    String triage = "/sightings/" + id + "/triage";
    String relevant = "{\"status\":\"RELEVANT\"}";

    Reply byThePublic = reporter().post(triage, relevant);
    Answer byAdmin = walk.api.post(triage, walk.admin, relevant);
    Answer backToNew = walk.api.post(triage, walk.officer, "{\"status\":\"NEW\"}");
    Answer unknown = walk.api.post("/sightings/987654321/triage", walk.officer, relevant);

    assertProblem(byThePublic, 401);
    assertThat(byAdmin.status()).isEqualTo(403);
    assertThat(backToNew.status()).isEqualTo(400);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(walk.api.get(sightingsOf(alert), null).status()).isEqualTo(401);
    assertThat(walk.api.get("/cases/" + alert.caseId() + "/sightings", null).status())
        .isEqualTo(401);
    assertThat(walk.api.get("/sightings/" + id, walk.officer).json().getString("status"))
        .isEqualTo("NEW");
  }

  @Test
  void aClientSendingTooManyIsAnswered429WithRetryAfterAndOnlyWhatWasAcceptedIsStored() {
    Alert alert = activeAlert();
    PublicReporter flooding = reporter();
    int sent = BURST + 15;
    List<Reply> replies = new ArrayList<>();

    long started = System.nanoTime();
    for (int i = 0; i < sent; i++) {
      replies.add(flooding.post(sightingsOf(alert), sighting(CASABLANCA)));
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    Reply fromElsewhere = reporter().post(sightingsOf(alert), sighting(CASABLANCA));

    List<Reply> accepted = replies.stream().filter(r -> r.status() == 202).toList();
    List<Reply> limited = replies.stream().filter(r -> r.status() == 429).toList();
    assertThat(accepted.size() + limited.size()).isEqualTo(sent);
    assertThat(replies.subList(0, BURST)).allMatch(r -> r.status() == 202);
    long refills = took.toMillis() / REFILL.toMillis() + 1;
    assertThat(accepted.size()).isBetween(BURST, BURST + (int) refills);
    assertThat(limited).isNotEmpty();
    for (Reply refused : limited) {
      assertProblem(refused, 429);
      assertThat(Long.parseLong(refused.headers().get("retry-after")))
          .isBetween(1L, REFILL.toSeconds());
    }
    assertThat(fromElsewhere.status()).isEqualTo(202);
    assertThat(walk.api.get(sightingsOf(alert), walk.officer).json().getInt("total"))
        .isEqualTo(accepted.size() + 1);
  }

  /** An alert approved and public, and its case. */
  private record Alert(long id, long caseId) {}

  private static Alert activeAlert() {
    long caseId = walk.openCase(Walk.fullCase(CASABLANCA[0], CASABLANCA[1])).getInt("id");
    long alertId = walk.requestAlert(caseId, false).getInt("id");
    walk.approve(alertId);
    return new Alert(alertId, caseId);
  }

  private static PublicReporter reporter() {
    return PublicReporter.fresh(tifli.appUrl());
  }

  private static String sightingsOf(Alert alert) {
    return "/alerts/" + alert.id() + "/sightings";
  }

  private static String inOneDay() {
    return Instant.now().plus(Duration.ofDays(1)).toString();
  }

  /** A sighting seen ten minutes ago at the point, without a contact. */
  private static JsonObjectBuilder sighting(double[] point) {
    return Json.createObjectBuilder()
        .add("seenAt", Instant.now().minus(Duration.ofMinutes(10)).toString())
        .add("latitude", point[0])
        .add("longitude", point[1])
        .add("description", "a girl in a blue smock at the tram stop");
  }

  private static void assertProblem(Reply reply, int status) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().getInt("status")).isEqualTo(status);
  }

  private static List<String> fieldsInError(Reply reply) {
    return reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("field"))
        .toList();
  }

  private static List<String> strings(JsonObject json, String field) {
    return json.getJsonArray(field).getValuesAs(JsonValue.class).stream()
        .map(v -> ((JsonString) v).getString())
        .toList();
  }
}
