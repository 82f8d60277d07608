package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tifli.testing.TifliClient.Answer;

/**
 * The rules of an alert's life over HTTP, against the shared server.
 *
 * <p>Four eyes: an officer asks with the criteria checklist, and a request that fails a criterion
 * needs a written justification; only a supervisor other than the one who asked decides, and an
 * attempt to decide one's own request is refused (403) and kept in the case's timeline.
 *
 * <p>Every transition the life cycle does not allow, from every state an alert or its case can be
 * in here: approving or rejecting what is no longer pending, widening, holding or renewing what is
 * not active, ending what has ended, resolving a resolved case or asking for an alert on it. Each
 * is answered 409 as a problem and changes neither the alert, nor its case, nor the timeline. (An
 * expired alert needs a short lifetime: {@link WideningAcrossRestartIT} tries it on its own
 * server.)
 *
 * <p>Cases are last seen in Dakhla (MA-OUD) and alerts are exercises, which no channel there takes.
 */
class AlertRulesIT {

  private static final double[] DAKHLA = {23.7000, -15.9400};
  private static final String[] CRITERIA = {
    "minor", "danger", "descriptionSufficient", "guardianConsent"
  };

  /** The requests that move an alert along its life, by name. */
  private static final Map<String, String[]> MOVES = new LinkedHashMap<>();

  static {
    MOVES.put("approve", new String[] {"approval", "{\"decision\":\"APPROVE\"}"});
    MOVES.put("reject", new String[] {"approval", "{\"decision\":\"REJECT\",\"reason\":\"no\"}"});
    MOVES.put("widen", new String[] {"widening", "{}"});
    MOVES.put("hold", new String[] {"hold", "{\"held\":true}"});
    MOVES.put("release", new String[] {"hold", "{\"held\":false}"});
    MOVES.put("renew", new String[] {"renewal", "{}"});
    MOVES.put("cancel", new String[] {"cancellation", "{\"reason\":\"withdrawn again\"}"});
  }

  private static Walk walk;

  @BeforeAll
  static void signIn() {
    walk = Walk.on(SharedTifli.get());
  }

  @Test
  void aRequestThatFailsACriterionIsRefusedWithoutAWrittenJustification() {
    long caseId = openCase();

    for (String failed : CRITERIA) {
      for (String justification : new String[] {null, "", "   "}) {
        Answer refused =
            walk.api.post(alertsOf(caseId), walk.officer, request(failed, justification));

        assertThat(refused.status()).as("%s failed, %s", failed, refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(fieldsInError(refused)).containsExactly("justification");
      }
    }
    assertThat(walk.everyItem(alertsOf(caseId), walk.officer)).isEmpty();
    assertThat(walk.timeline(caseId))
        .extracting(e -> e.getString("action"))
        .containsExactly("OPENED");
  }

  @Test
  void aRequestThatFailsACriterionIsTakenWithAJustificationWhichTheSupervisorSees() {
    long caseId = openCase();
    String why = "seen getting into a car with an adult nobody knows";

    Answer requested = walk.api.post(alertsOf(caseId), walk.officer, request("danger", why));

    assertThat(requested.status()).as(requested.body().toString()).isEqualTo(201);
    long alertId = requested.json().getInt("id");
    JsonObject seen = walk.api.get("/alerts/" + alertId, walk.supervisor).json();
    assertThat(seen.getString("status")).isEqualTo("PENDING_APPROVAL");
    assertThat(seen.getString("justification")).isEqualTo(why);
    assertThat(seen.getJsonObject("criteria").getBoolean("danger")).isFalse();
    assertThat(seen.getJsonObject("criteria").getBoolean("minor")).isTrue();
    assertThat(walk.timeline(caseId))
        .filteredOn(e -> e.getString("action").equals("REQUESTED"))
        .singleElement()
        .satisfies(e -> assertThat(e.getJsonObject("changes").toString()).contains(why));
  }

  @Test
  void whoAskedForAnAlertCannotDecideItTheRefusalIsAuditedAndAnotherSupervisorDecides() {
    String sergeant = "sergeant-" + UUID.randomUUID().toString().substring(0, 8);
    String both = account(sergeant, "officer", "supervisor");
    long caseId = openCase();
    Answer requested = walk.api.post(alertsOf(caseId), both, request(null, null));
    assertThat(requested.status()).as(requested.body().toString()).isEqualTo(201);
    long alertId = requested.json().getInt("id");
    String approval = "/alerts/" + alertId + "/approval";

    Answer approved = walk.api.post(approval, both, "{\"decision\":\"APPROVE\"}");
    Answer rejected =
        walk.api.post(approval, both, "{\"decision\":\"REJECT\",\"reason\":\"mine\"}");

    for (Answer refused : List.of(approved, rejected)) {
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.json().getString("detail")).contains("requested");
    }
    assertThat(walk.api.get("/alerts/" + alertId, walk.supervisor).json().getString("status"))
        .isEqualTo("PENDING_APPROVAL");
    List<JsonObject> refusals =
        walk.timeline(caseId).stream().filter(e -> e.getString("actor").equals(sergeant)).toList();
    assertThat(refusals)
        .extracting(e -> e.getString("action"))
        .containsExactly("REQUESTED", "APPROVE_REFUSED", "REJECT_REFUSED");
    assertThat(refusals.get(1).getString("subject")).isEqualTo("ALERT");
    assertThat(refusals.get(1).getInt("subjectId")).isEqualTo((int) alertId);
    assertThat(refusals.get(1).getJsonObject("changes").toString())
        .contains("cannot decide their own alert");
    JsonObject decided = walk.approve(alertId);
    assertThat(decided.getString("status")).isEqualTo("ACTIVE");
    assertThat(decided.getString("decidedBy")).isEqualTo("supervisor");
  }

  @TestFactory
  Stream<DynamicTest> everyTransitionTheLifeCycleDoesNotAllowIsAConflictThatChangesNothing() {
    Map<String, Subject> states = new LinkedHashMap<>();
    states.put("pending", pending());
    states.put("active", active());
    states.put("rejected", decided(pending(), "{\"decision\":\"REJECT\",\"reason\":\"no\"}"));
    states.put("cancelled while pending", cancelled(pending()));
    states.put("cancelled", cancelled(active()));
    states.put("resolved with its case", resolved(active(), "FOUND_SAFE"));
    states.put("ended with a case closed as unfounded", resolved(active(), "UNFOUNDED"));
    Map<String, List<String>> illegal = new LinkedHashMap<>();
    illegal.put("pending", List.of("widen", "hold", "release", "renew"));
    illegal.put("active", List.of("approve", "reject"));
    for (String ended : List.copyOf(states.keySet()).subList(2, states.size())) {
      illegal.put(ended, List.copyOf(MOVES.keySet()));
    }

    List<DynamicTest> cells = new ArrayList<>();
    illegal.forEach(
        (state, moves) -> {
          Subject subject = states.get(state);
          for (String move : moves) {
            String[] request = MOVES.get(move);
            cells.add(
                dynamicTest(
                    move + " an alert " + state,
                    () ->
                        assertConflict(
                            subject,
                            "/alerts/" + subject.alertId() + "/" + request[0],
                            walk.supervisor,
                            request[1])));
          }
        });
    for (String state :
        List.of("resolved with its case", "ended with a case closed as unfounded")) {
      Subject subject = states.get(state);
      String caseUrl = "/cases/" + subject.caseId();
      cells.add(
          dynamicTest(
              "resolve a case again, " + state,
              () ->
                  assertConflict(
                      subject,
                      caseUrl + "/resolution",
                      walk.supervisor,
                      "{\"outcome\":\"RETURNED_HOME\"}")));
      cells.add(
          dynamicTest(
              "request an alert on a case " + state,
              () ->
                  assertConflict(
                      subject, alertsOf(subject.caseId()), walk.officer, request(null, null))));
      cells.add(
          dynamicTest(
              "revise a case " + state,
              () -> assertConflict(subject, caseUrl, walk.officer, null)));
    }
    return cells.stream();
  }

  /** An alert in some state of its life, and its case. */
  private record Subject(long caseId, long alertId) {

    /** Everything a refused request could have changed, as the API shows it. */
    List<Object> state() {
      return List.of(
          walk.api.get("/alerts/" + alertId, walk.supervisor).body(),
          walk.api.get("/cases/" + caseId, walk.officer).body(),
          walk.timeline(caseId));
    }
  }

  /**
   * Sends the request (a revision of the case when the body is null) and checks it is refused as a
   * conflict and left everything as it was.
   */
  private static void assertConflict(Subject subject, String path, String token, String body) {
    List<Object> before = subject.state();

    Answer refused =
        body == null
            ? walk.api.put(path, token, aCase().toString())
            : walk.api.post(path, token, body);

    assertThat(refused.status()).as("%s: %s", path, refused.body()).isEqualTo(409);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().getInt("status")).isEqualTo(409);
    assertThat(refused.json().getString("detail")).isNotBlank();
    assertThat(subject.state()).isEqualTo(before);
  }

  private static Subject pending() {
    long caseId = openCase();
    return new Subject(caseId, walk.requestAlert(caseId, true).getInt("id"));
  }

  private static Subject active() {
    Subject subject = pending();
    walk.approve(subject.alertId());
    return subject;
  }

  private static Subject decided(Subject subject, String decision) {
    Answer answer =
        walk.api.post("/alerts/" + subject.alertId() + "/approval", walk.supervisor, decision);
    assertThat(answer.status()).as("deciding: %s", answer.body()).isEqualTo(200);
    return subject;
  }

  private static Subject cancelled(Subject subject) {
    Answer answer =
        walk.api.post(
            "/alerts/" + subject.alertId() + "/cancellation",
            walk.supervisor,
            "{\"reason\":\"withdrawn\"}");
    assertThat(answer.status()).as("cancelling: %s", answer.body()).isEqualTo(200);
    assertThat(answer.json().getString("status")).isEqualTo("CANCELLED");
    return subject;
  }

  private static Subject resolved(Subject subject, String outcome) {
    Answer answer =
        walk.api.post(
            "/cases/" + subject.caseId() + "/resolution",
            walk.supervisor,
            "{\"outcome\":\"" + outcome + "\"}");
    assertThat(answer.status()).as("resolving: %s", answer.body()).isEqualTo(200);
    return subject;
  }

  private static long openCase() {
    return walk.openCase(Walk.fullCase(DAKHLA[0], DAKHLA[1])).getInt("id");
  }

  private static JsonObject aCase() {
    return Walk.fullCase(DAKHLA[0], DAKHLA[1]).add("suspectedAbduction", true).build();
  }

  private static String alertsOf(long caseId) {
    return "/cases/" + caseId + "/alerts";
  }

  /** An exercise request, with the criterion {@code failed} (if any) not met. */
  private static String request(String failed, String justification) {
    var criteria = Json.createObjectBuilder();
    for (String criterion : CRITERIA) {
      criteria.add(criterion, !criterion.equals(failed));
    }
    var request = Json.createObjectBuilder().add("criteria", criteria).add("exercise", true);
    if (justification != null) {
      request.add("justification", justification);
    }
    return request.build().toString();
  }

  /** A real account with the roles, made by the administrator; returns its token. */
  private static String account(String username, String... roles) {
    String password = "rules passphrase " + UUID.randomUUID();
    var groups = Json.createArrayBuilder();
    for (String role : roles) {
      groups.add(role);
    }
    Answer created =
        walk.api.post(
            "/accounts",
            walk.admin,
            Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .add("roles", groups)
                .build()
                .toString());
    assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
    return walk.api.token(username, password);
  }

  private static List<String> fieldsInError(Answer answer) {
    return answer.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("field"))
        .toList();
  }
}
