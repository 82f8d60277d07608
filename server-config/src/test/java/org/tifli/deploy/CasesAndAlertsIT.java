package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tifli.testing.TifliClient.Answer;

/**
 * The rules of cases and alerts over HTTP, against the shared server: the whole intake with its
 * validation, the alert's life from request to its end, widening stage by stage to new areas only,
 * exercises, resolution, and the timeline the audit trail keeps.
 *
 * <p>The server runs the product's default widening schedule (20 km, 160 km at +2 h, whole regions
 * at +6 h, national at +24 h), so stages here are applied with "widen now".
 */
class CasesAndAlertsIT {

  private static final double[] CASABLANCA = {33.5883, -7.6114};

  private static Walk walk;

  @BeforeAll
  static void signIn() {
    walk = Walk.on(SharedTifli.get());
  }

  @Test
  void everyIntakeFieldIsStoredAndReturned() {
    JsonObject sent = Walk.fullCase(CASABLANCA[0], CASABLANCA[1]).build();

    JsonObject opened = walk.openCase(Json.createObjectBuilder(sent));
    JsonObject stored = walk.api.get("/cases/" + opened.getInt("id"), walk.officer).json();

    assertThat(stored.getString("reference")).matches("MC-\\d{4}-\\d{6}");
    assertThat(stored.getString("status")).isEqualTo("OPEN");
    assertThat(strings(stored, "areas")).containsExactly("MA-CAS", "MA-06");
    for (String field :
        List.of(
            "circumstances",
            "suspectedAbduction",
            "hobbies",
            "personalProblems",
            "likelyPlaces",
            "friendsAndContacts",
            "guardians",
            "reportingUnit")) {
      assertThat(stored.get(field)).as(field).isEqualTo(sent.get(field));
    }
    assertThat(stored.getJsonObject("child")).isEqualTo(sent.getJsonObject("child"));
    assertThat(stored.getJsonObject("lastSeen").getString("seenBy"))
        .isEqualTo("the school's caretaker");
    assertThat(stored.getString("createdBy")).isEqualTo("officer");
  }

  @Test
  void invalidFieldsAreNamedOneByOneAndNothingIsStored() {
    long before = casesStored();
    JsonObject full = Walk.fullCase(CASABLANCA[0], CASABLANCA[1]).build();
    JsonObject child =
        Json.createObjectBuilder(full.getJsonObject("child"))
            .add("heightCm", 500)
            .add("languages", Json.createArrayBuilder().add("French"))
            .add("givenName", " ")
            .build();
    JsonObject lastSeen =
        Json.createObjectBuilder(full.getJsonObject("lastSeen"))
            .add("latitude", 91)
            .add("at", "2099-01-01T00:00:00Z")
            .build();
    JsonObject bad =
        Json.createObjectBuilder(full)
            .add("child", child)
            .add("lastSeen", lastSeen)
            .add(
                "guardians",
                Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("name", "Khadija").add("phone", "call me")))
            .build();

    Answer refused = walk.api.post("/cases", walk.officer, bad.toString());

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(fieldsInError(refused))
        .contains(
            "child.heightCm",
            "child.givenName",
            "child.languages[0].<list element>",
            "lastSeen.latitude",
            "lastSeen.at",
            "guardians[0].phone");
    assertThat(casesStored()).isEqualTo(before);
  }

  @Test
  void aChildLastSeenBeforeBirthIsRefused() {
    JsonObject full = Walk.fullCase(CASABLANCA[0], CASABLANCA[1]).build();
    JsonObject impossible =
        Json.createObjectBuilder(full)
            .add(
                "lastSeen",
                Json.createObjectBuilder(full.getJsonObject("lastSeen"))
                    .add("at", "2015-01-01T00:00:00Z"))
            .build();

    Answer refused = walk.api.post("/cases", walk.officer, impossible.toString());

    assertThat(refused.status()).isEqualTo(400);
    assertThat(fieldsInError(refused)).containsExactly("lastSeen.at");
  }

  @Test
  void aRevisionIsStoredAndTheTimelineKeepsWhatChangedAndWho() {
    JsonObject opened = walk.openCase(Walk.fullCase(CASABLANCA[0], CASABLANCA[1]));
    long id = opened.getInt("id");
    JsonObject revised =
        Walk.fullCase(CASABLANCA[0], CASABLANCA[1])
            .add("suspectedAbduction", true)
            .add("vehicle", Json.createObjectBuilder().add("description", "white van"))
            .build();

    Answer answer = walk.api.put("/cases/" + id, walk.officer, revised.toString());

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().getBoolean("suspectedAbduction")).isTrue();
    List<JsonObject> timeline = timeline(id);
    assertThat(timeline)
        .extracting(e -> e.getString("action"))
        .containsExactly("OPENED", "REVISED");
    JsonObject revision = timeline.get(1);
    assertThat(revision.getString("actor")).isEqualTo("officer");
    assertThat(revision.getString("origin")).isNotBlank();
    assertThat(revision.getJsonObject("changes").getJsonObject("suspectedAbduction"))
        .isEqualTo(Json.createObjectBuilder().add("from", "false").add("to", "true").build());
    assertThat(revision.getJsonObject("changes").keySet())
        .containsExactlyInAnyOrder("suspectedAbduction", "vehicle.description");
    assertThat(timeline.toString()).doesNotContain("600 000 000");
  }

  @Test
  void approvalReachesTheFirstZoneAndEachWideningOnlyNewAreas() throws Exception {
    String casablanca = walk.facebookPage("MA-CAS", false);
    String settat = walk.facebookPage("MA-SET", false);
    String oujda = walk.facebookPage("MA-OUJ", false);
    long caseId = walk.openCase(Walk.fullCase(CASABLANCA[0], CASABLANCA[1])).getInt("id");
    long alertId = walk.requestAlert(caseId, false).getInt("id");

    JsonObject approved = walk.approve(alertId);

    assertThat(approved.getString("status")).isEqualTo("ACTIVE");
    assertThat(approved.getInt("stagesDone")).isEqualTo(1);
    assertThat(strings(approved, "targetAreas")).contains("MA-CAS", "MA-06", "MA-MOH");
    assertThat(strings(approved, "targetAreas")).doesNotContain("MA-SET", "MA-OUJ");
    assertThat(walk.awaitPostsTo(casablanca, p -> p.size() == 1)).hasSize(1);

    JsonObject widened = widen(alertId);
    assertThat(widened.getInt("stagesDone")).isEqualTo(2);
    assertThat(walk.awaitPostsTo(settat, p -> p.size() == 1)).hasSize(1);
    widen(alertId);
    JsonObject national = widen(alertId);
    assertThat(national.getInt("stagesDone")).isEqualTo(4);
    assertThat(walk.awaitPostsTo(oujda, p -> p.size() == 1)).hasSize(1);

    Answer beyond = walk.api.post("/alerts/" + alertId + "/widening", walk.supervisor, "{}");
    assertThat(beyond.status()).isEqualTo(409);
    assertThat(walk.postsTo(casablanca)).hasSize(1);
    assertThat(walk.postsTo(settat)).hasSize(1);
    List<String> areas = strings(national, "targetAreas");
    assertThat(areas).doesNotHaveDuplicates().hasSize(75 + 12);
    assertThat(national.getJsonArray("stages").getValuesAs(JsonObject.class))
        .allMatch(stage -> stage.getBoolean("applied"));
  }

  @Test
  void anExerciseReachesOnlyChannelsThatTakeExercises() throws Exception {
    String drill = walk.facebookPage("MA-KEN", true);
    String real = walk.facebookPage("MA-KEN", false);
    long caseId = walk.openCase(Walk.fullCase(34.2610, -6.5802)).getInt("id");
    long alertId = walk.requestAlert(caseId, true).getInt("id");

    JsonObject approved = walk.approve(alertId);

    assertThat(approved.getBoolean("exercise")).isTrue();
    assertThat(walk.awaitPostsTo(drill, p -> p.size() == 1)).hasSize(1);
    assertThat(walk.postsTo(real)).isEmpty();
  }

  @Test
  void aSupervisorHoldsRenewsAndCancelsAnActiveAlert() {
    long alertId = approvedAlert();
    String path = "/alerts/" + alertId;

    JsonObject held = walk.api.post(path + "/hold", walk.supervisor, "{\"held\":true}").json();
    assertThat(held.getBoolean("held")).isTrue();
    JsonObject released = walk.api.post(path + "/hold", walk.supervisor, "{\"held\":false}").json();
    assertThat(released.getBoolean("held")).isFalse();
    String expiresAt = released.getString("expiresAt");
    JsonObject renewed = walk.api.post(path + "/renewal", walk.supervisor, "").json();
    assertThat(renewed.getString("expiresAt")).isGreaterThanOrEqualTo(expiresAt);

    Answer noReason = walk.api.post(path + "/cancellation", walk.supervisor, "{\"reason\":\"\"}");
    assertThat(noReason.status()).isEqualTo(400);
    JsonObject cancelled =
        walk.api.post(path + "/cancellation", walk.supervisor, "{\"reason\":\"withdrawn\"}").json();
    assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
    assertThat(cancelled.getString("endReason")).isEqualTo("withdrawn");

    for (String after : List.of("/hold", "/renewal", "/widening", "/cancellation")) {
      Answer refused =
          walk.api.post(path + after, walk.supervisor, "{\"held\":true,\"reason\":\"again\"}");
      assertThat(refused.status()).as(after).isEqualTo(409);
      assertThat(refused.contentType()).startsWith("application/problem+json");
    }
  }

  @Test
  void aDecidedAlertCannotBeDecidedAgainAndARejectionNeedsAReason() {
    long caseId = walk.openCase(Walk.fullCase(CASABLANCA[0], CASABLANCA[1])).getInt("id");
    long alertId = walk.requestAlert(caseId, false).getInt("id");
    String approval = "/alerts/" + alertId + "/approval";

    Answer noReason = walk.api.post(approval, walk.supervisor, "{\"decision\":\"REJECT\"}");
    assertThat(noReason.status()).isEqualTo(400);
    Answer pendingWidening =
        walk.api.post("/alerts/" + alertId + "/widening", walk.supervisor, "{}");
    assertThat(pendingWidening.status()).isEqualTo(409);

    Answer rejected =
        walk.api.post(
            approval, walk.supervisor, "{\"decision\":\"REJECT\",\"reason\":\"not in danger\"}");
    assertThat(rejected.status()).isEqualTo(200);
    assertThat(rejected.json().getString("status")).isEqualTo("REJECTED");
    assertThat(walk.api.post(approval, walk.supervisor, "{\"decision\":\"APPROVE\"}").status())
        .isEqualTo(409);
    assertThat(walk.api.post(approval, walk.officer, "{\"decision\":\"APPROVE\"}").status())
        .isEqualTo(403);
  }

  @Test
  void resolvingTheCaseEndsItsAlertsAndFreezesIt() {
    long alertId = approvedAlert();
    JsonObject alert = walk.api.get("/alerts/" + alertId, walk.supervisor).json();
    long caseId = alert.getInt("caseId");
    long pendingId = walk.requestAlert(caseId, false).getInt("id");
    String resolution = "/cases/" + caseId + "/resolution";

    Answer unknownOutcome =
        walk.api.post(resolution, walk.supervisor, "{\"outcome\":\"FOUND_ON_MARS\"}");
    assertThat(unknownOutcome.status()).isEqualTo(400);
    Answer byOfficer = walk.api.post(resolution, walk.officer, "{\"outcome\":\"FOUND_SAFE\"}");
    assertThat(byOfficer.status()).isEqualTo(403);

    Answer resolved =
        walk.api.post(
            resolution,
            walk.supervisor,
            "{\"outcome\":\"FOUND_SAFE\",\"note\":\"found at her aunt's\"}");

    assertThat(resolved.status()).isEqualTo(200);
    assertThat(resolved.json().getString("status")).isEqualTo("RESOLVED");
    assertThat(resolved.json().getJsonObject("resolution").getString("outcome"))
        .isEqualTo("FOUND_SAFE");
    assertThat(statusOf(alertId)).isEqualTo("RESOLVED");
    assertThat(statusOf(pendingId)).isEqualTo("CANCELLED");
    assertThat(walk.api.post(resolution, walk.supervisor, "{\"outcome\":\"FOUND_SAFE\"}").status())
        .isEqualTo(409);
    String full = Walk.fullCase(CASABLANCA[0], CASABLANCA[1]).build().toString();
    assertThat(walk.api.put("/cases/" + caseId, walk.officer, full).status()).isEqualTo(409);
    Answer lateRequest =
        walk.api.post(
            "/cases/" + caseId + "/alerts",
            walk.officer,
            "{\"criteria\":{\"minor\":true,\"danger\":true,\"descriptionSufficient\":true,"
                + "\"guardianConsent\":true}}");
    assertThat(lateRequest.status()).isEqualTo(409);
    assertThat(timeline(caseId))
        .extracting(e -> e.getString("action"))
        .contains("RESOLVED", "ENDED_WITH_CASE");
  }

  @Test
  void theCaseListsItsAlerts() {
    long alertId = approvedAlert();
    long caseId = walk.api.get("/alerts/" + alertId, walk.officer).json().getInt("caseId");

    Answer alerts = walk.api.get("/cases/" + caseId + "/alerts", walk.officer);

    assertThat(alerts.status()).isEqualTo(200);
    assertThat(alerts.json().getInt("total")).isEqualTo(1);
    assertThat(alerts.json().getJsonArray("items").getValuesAs(JsonObject.class))
        .extracting(a -> a.getInt("id"))
        .containsExactly((int) alertId);
  }

  @Test
  void theAlertsTimelineAndPhotosOfACaseComeAPageAtATime() {
    long caseId = walk.openCase(Walk.fullCase(CASABLANCA[0], CASABLANCA[1])).getInt("id");
    List<Integer> alerts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      alerts.add(walk.requestAlert(caseId, true).getInt("id"));
    }
    for (int i = 0; i < 3; i++) {
      Answer uploaded =
          walk.api.postMultipart(
              "/cases/" + caseId + "/photos",
              walk.officer,
              Map.of("photo", DrawnImage.of("png", 8 + i, 8)));
      assertThat(uploaded.status()).as("uploading: %s", uploaded.body()).isEqualTo(201);
    }
    String base = "/cases/" + caseId;

    JsonObject firstAlerts = walk.api.get(base + "/alerts?size=2", walk.officer).json();
    JsonObject lastAlerts = walk.api.get(base + "/alerts?size=2&page=1", walk.officer).json();
    JsonObject timeline = walk.api.get(base + "/audit?size=4&page=1", walk.supervisor).json();
    JsonObject photos = walk.api.get(base + "/photos?size=2&page=1", walk.officer).json();

    assertThat(firstAlerts.getInt("total")).isEqualTo(3);
    assertThat(ids(firstAlerts)).containsExactlyElementsOf(alerts.subList(0, 2));
    assertThat(ids(lastAlerts)).containsExactlyElementsOf(alerts.subList(2, 3));
    // OPENED, three REQUESTED, three PHOTO_ADDED: the second page of four holds the last three.
    assertThat(timeline.getInt("total")).isEqualTo(7);
    assertThat(timeline.getJsonArray("items").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("action"))
        .containsExactly("PHOTO_ADDED", "PHOTO_ADDED", "PHOTO_ADDED");
    assertThat(photos.getInt("total")).isEqualTo(3);
    assertThat(photos.getJsonArray("items").getValuesAs(JsonObject.class))
        .singleElement()
        .satisfies(p -> assertThat(p.getInt("width")).isEqualTo(10));
  }

  private static List<Integer> ids(JsonObject page) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(a -> a.getInt("id"))
        .toList();
  }

  private long approvedAlert() {
    long caseId = walk.openCase(Walk.fullCase(CASABLANCA[0], CASABLANCA[1])).getInt("id");
    long alertId = walk.requestAlert(caseId, false).getInt("id");
    walk.approve(alertId);
    return alertId;
  }

  private JsonObject widen(long alertId) {
    Answer widened = walk.api.post("/alerts/" + alertId + "/widening", walk.supervisor, "{}");
    assertThat(widened.status()).as("widening: %s", widened.body()).isEqualTo(200);
    return widened.json();
  }

  private String statusOf(long alertId) {
    return walk.api.get("/alerts/" + alertId, walk.supervisor).json().getString("status");
  }

  private List<JsonObject> timeline(long caseId) {
    return walk.timeline(caseId);
  }

  private long casesStored() {
    return walk.api.get("/cases?size=1", walk.officer).json().getJsonNumber("total").longValue();
  }

  private static List<String> fieldsInError(Answer answer) {
    return answer.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("field"))
        .toList();
  }

  private static List<String> strings(JsonObject json, String field) {
    return json.getJsonArray(field).getValuesAs(JsonValue.class).stream()
        .map(v -> ((JsonString) v).getString())
        .toList();
  }
}
