package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.tifli.deploy.AccessMatrixIT.Caller.ADMIN;
import static org.tifli.deploy.AccessMatrixIT.Caller.OFFICER;
import static org.tifli.deploy.AccessMatrixIT.Caller.SUPERVISOR;
import static org.tifli.deploy.AccessMatrixIT.Caller.SYSTEM;
import static org.tifli.deploy.AccessMatrixIT.Needs.ACTIVE_ALERT;
import static org.tifli.deploy.AccessMatrixIT.Needs.NOTHING;
import static org.tifli.deploy.AccessMatrixIT.Needs.OPEN_CASE;
import static org.tifli.deploy.AccessMatrixIT.Needs.PENDING_ALERT;
import static org.tifli.deploy.AccessMatrixIT.Needs.RETIRED_CHANNEL;
import static org.tifli.deploy.AccessMatrixIT.Needs.SERVING_CHANNEL;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tifli.deploy.RawApi.Reply;
import org.tifli.testing.TifliClient.Answer;

/**
 * Who may call what, over HTTP on the shared server: every path of the API called by every kind of
 * caller. Without a valid token (none, garbage, expired, signed by another key, or altered after
 * signing) the answer is 401 with {@code WWW-Authenticate: Bearer}; with a role the contract does
 * not give the path, 403; with one it does, the path's success, and every change it makes appears
 * in the case's timeline under the caller's name. All refusals are problems and change nothing.
 *
 * <p>The matrix is the table {@link #MATRIX}, one row per path, as the API contract in PRODUCT.md
 * lists them; a new path is a new row. The {@code system} role is a service account's; the test
 * signs its token with the server's own key, as it does the expired one.
 *
 * <p>Cases are last seen in Dakhla (MA-OUD) and alerts are exercises, which no channel there takes.
 * The template the matrix edits (Tamazight, an expired alert's closing) is put back as shipped by
 * the next row.
 */
class AccessMatrixIT {

  /** Who is calling: the first five have no valid token. */
  enum Caller {
    NO_TOKEN,
    GARBAGE_TOKEN,
    EXPIRED_TOKEN,
    FOREIGN_TOKEN,
    FORGED_TOKEN,
    OFFICER,
    SUPERVISOR,
    ADMIN,
    SYSTEM;

    boolean authenticated() {
      return ordinal() >= OFFICER.ordinal();
    }
  }

  /**
   * What must exist before a row's path is called: {@code {case}}, {@code {alert}} and {@code
   * {channel}} in it.
   */
  enum Needs {
    NOTHING,
    OPEN_CASE,
    PENDING_ALERT,
    ACTIVE_ALERT,
    SERVING_CHANNEL,
    RETIRED_CHANNEL
  }

  /**
   * One path of the API.
   *
   * @param body the body to send, {@code {unique}} replaced by a fresh value; null for none
   * @param who the callers the contract lets through
   * @param success the status a caller who may call it gets
   * @param audited the action the timeline of the case records for the call (of the channel or the
   *     template, for their paths); null if none
   */
  record Row(
      String method,
      String path,
      Needs needs,
      String body,
      Set<Caller> who,
      int success,
      String audited) {

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private static final double[] DAKHLA = {23.7000, -15.9400};
  private static final Set<Caller> ANYONE = EnumSet.allOf(Caller.class);
  private static final Set<Caller> READERS = EnumSet.of(OFFICER, SUPERVISOR, SYSTEM);
  private static final String APPROVE = "{\"decision\":\"APPROVE\"}";
  private static final String CREDENTIALS =
      "{\"username\":\"officer\",\"password\":\"tifli-demo\"}";
  private static final String REQUEST =
      "{\"criteria\":{\"minor\":true,\"danger\":true,\"descriptionSufficient\":true,"
          + "\"guardianConsent\":true},\"exercise\":true}";
  private static final String CHANNEL =
      "{\"area\":\"MA-OUD\",\"platform\":\"FACEBOOK\",\"accountId\":\"access-{unique}\","
          + "\"secret\":\"page-token\",\"languages\":[\"fr\"],\"exercise\":false}";
  private static final String SIGHTING =
      "{\"seenAt\":\"2026-12-01T10:00:00Z\",\"latitude\":23.70,\"longitude\":-15.94,"
          + "\"description\":\"a child on the corniche\"}";
  private static final String ACCOUNT =
      "{\"username\":\"matrix-{unique}\",\"password\":\"a long passphrase {unique}\","
          + "\"roles\":[\"officer\"]}";
  private static final String CASE = aCase(false);
  private static final String REVISED_CASE = aCase(true);

  /** The API contract: who may call each path, and what a permitted call does. */
  static final List<Row> MATRIX =
      List.of(
          new Row("POST", "/tokens", NOTHING, CREDENTIALS, ANYONE, 200, null),
          new Row("GET", "/areas", NOTHING, null, ANYONE, 200, null),
          new Row("POST", "/channels", NOTHING, CHANNEL, EnumSet.of(ADMIN), 201, null),
          new Row("GET", "/channels?area=MA-OUD", NOTHING, null, EnumSet.of(ADMIN), 200, null),
          new Row("POST", "/cases", NOTHING, CASE, EnumSet.of(OFFICER, SYSTEM), 201, "OPENED"),
          new Row("GET", "/cases?area=MA-OUD", NOTHING, null, READERS, 200, null),
          new Row("GET", "/cases/{case}", OPEN_CASE, null, READERS, 200, null),
          new Row(
              "PUT",
              "/cases/{case}",
              OPEN_CASE,
              REVISED_CASE,
              EnumSet.of(OFFICER, SYSTEM),
              200,
              "REVISED"),
          new Row(
              "GET",
              "/cases/{case}/audit",
              OPEN_CASE,
              null,
              EnumSet.of(OFFICER, SUPERVISOR),
              200,
              null),
          new Row("GET", "/cases/{case}/alerts", OPEN_CASE, null, READERS, 200, null),
          new Row(
              "POST",
              "/cases/{case}/alerts",
              OPEN_CASE,
              REQUEST,
              EnumSet.of(OFFICER),
              201,
              "REQUESTED"),
          new Row(
              "POST",
              "/cases/{case}/resolution",
              OPEN_CASE,
              "{\"outcome\":\"FOUND_SAFE\",\"note\":\"home\"}",
              EnumSet.of(SUPERVISOR),
              200,
              "RESOLVED"),
          new Row("GET", "/alerts/{alert}", PENDING_ALERT, null, READERS, 200, null),
          new Row(
              "POST",
              "/alerts/{alert}/approval",
              PENDING_ALERT,
              APPROVE,
              EnumSet.of(SUPERVISOR),
              200,
              "APPROVED"),
          new Row(
              "POST",
              "/alerts/{alert}/widening",
              ACTIVE_ALERT,
              "{}",
              EnumSet.of(SUPERVISOR),
              200,
              "WIDENED_NOW"),
          new Row(
              "POST",
              "/alerts/{alert}/hold",
              ACTIVE_ALERT,
              "{\"held\":true}",
              EnumSet.of(SUPERVISOR),
              200,
              "HELD"),
          new Row(
              "POST",
              "/alerts/{alert}/renewal",
              ACTIVE_ALERT,
              "{}",
              EnumSet.of(SUPERVISOR),
              200,
              "RENEWED"),
          new Row(
              "POST",
              "/alerts/{alert}/cancellation",
              ACTIVE_ALERT,
              "{\"reason\":\"withdrawn\"}",
              EnumSet.of(SUPERVISOR),
              200,
              "CANCELLED"),
          new Row("GET", "/alerts/{alert}/cap", ACTIVE_ALERT, null, ANYONE, 200, null),
          new Row("POST", "/alerts/{alert}/sightings", ACTIVE_ALERT, SIGHTING, ANYONE, 202, null),
          new Row(
              "GET",
              "/alerts/{alert}/sightings",
              ACTIVE_ALERT,
              null,
              EnumSet.of(OFFICER, SUPERVISOR),
              200,
              null),
          new Row(
              "GET",
              "/cases/{case}/sightings",
              OPEN_CASE,
              null,
              EnumSet.of(OFFICER, SUPERVISOR),
              200,
              null),
          new Row("GET", "/cases/{case}/photos", OPEN_CASE, null, READERS, 200, null),
          new Row("GET", "/accounts", NOTHING, null, EnumSet.of(ADMIN), 200, null),
          new Row("POST", "/accounts", NOTHING, ACCOUNT, EnumSet.of(ADMIN), 201, null),
          new Row(
              "GET", "/channels/{channel}", SERVING_CHANNEL, null, EnumSet.of(ADMIN), 200, null),
          new Row(
              "PUT",
              "/channels/{channel}",
              SERVING_CHANNEL,
              "{\"languages\":[\"ar\",\"zgh\"],\"secret\":\"token-{unique}\"}",
              EnumSet.of(ADMIN),
              200,
              "REVISED"),
          new Row(
              "POST",
              "/channels/{channel}/retirement",
              SERVING_CHANNEL,
              "{\"reason\":\"page closed\"}",
              EnumSet.of(ADMIN),
              200,
              "RETIRED"),
          new Row(
              "DELETE",
              "/channels/{channel}/retirement",
              RETIRED_CHANNEL,
              null,
              EnumSet.of(ADMIN),
              200,
              "REINSTATED"),
          new Row(
              "GET",
              "/channels/{channel}/audit",
              SERVING_CHANNEL,
              null,
              EnumSet.of(ADMIN),
              200,
              null),
          new Row("GET", "/templates", NOTHING, null, EnumSet.of(ADMIN), 200, null),
          new Row(
              "GET", "/templates/zgh/CLOSING_EXPIRED", NOTHING, null, EnumSet.of(ADMIN), 200, null),
          new Row(
              "PUT",
              "/templates/zgh/CLOSING_EXPIRED",
              NOTHING,
              "{\"text\":\"ⵉⴽⵎⵍ ⵓⵍⵖⵓ. ⴰⴼⴰⵢⵍⵓ {reference}.\"}",
              EnumSet.of(ADMIN),
              200,
              "EDITED"),
          new Row(
              "DELETE",
              "/templates/zgh/CLOSING_EXPIRED",
              NOTHING,
              null,
              EnumSet.of(ADMIN),
              200,
              "RESET"),
          new Row(
              "POST", "/templates/zgh/ALERT/preview", NOTHING, "{}", EnumSet.of(ADMIN), 200, null),
          new Row(
              "GET",
              "/templates/zgh/CLOSING_EXPIRED/audit",
              NOTHING,
              null,
              EnumSet.of(ADMIN),
              200,
              null));

  private static Walk walk;
  private static RawApi raw;
  private static TokenMint mint;
  private static final Map<Caller, String> TOKENS = new EnumMap<>(Caller.class);
  private static final Map<Caller, String> NAMES = new EnumMap<>(Caller.class);

  /** What refused calls aim at; they must leave it as it was. */
  private static Fixture shared;

  /** A case and, if the row needs them, an alert of it and a channel. */
  private record Fixture(long caseId, Long alertId, Long channelId) {

    Fixture(long caseId, Long alertId) {
      this(caseId, alertId, null);
    }

    Fixture withChannel(long channel) {
      return new Fixture(caseId, alertId, channel);
    }

    String resolve(String path) {
      String resolved = path.replace("{case}", Long.toString(caseId));
      if (channelId != null) {
        resolved = resolved.replace("{channel}", Long.toString(channelId));
      }
      return alertId == null ? resolved : resolved.replace("{alert}", Long.toString(alertId));
    }

    List<JsonStructure> state() {
      List<JsonStructure> state = new ArrayList<>();
      state.add(walk.api.get("/cases/" + caseId, walk.officer).body());
      state.add(walk.api.get("/cases/" + caseId + "/audit", walk.supervisor).body());
      if (alertId != null) {
        state.add(walk.api.get("/alerts/" + alertId, walk.supervisor).body());
      }
      if (channelId != null) {
        state.add(walk.api.get("/channels/" + channelId, walk.admin).body());
        state.add(walk.api.get("/channels/" + channelId + "/audit", walk.admin).body());
      }
      return state;
    }
  }

  @BeforeAll
  static void callers() {
    SharedTifli tifli = SharedTifli.get();
    walk = Walk.on(tifli);
    raw = new RawApi(tifli.appUrl());
    mint = TokenMint.of(tifli.dataDir());
    List<String> everyRole = List.of("officer", "supervisor", "admin", "system");
    String system = "records-system-" + UUID.randomUUID().toString().substring(0, 8);

    TOKENS.put(Caller.GARBAGE_TOKEN, "garbage");
    TOKENS.put(
        Caller.EXPIRED_TOKEN, mint.token("admin", everyRole, Instant.now().minusSeconds(60)));
    TOKENS.put(Caller.FOREIGN_TOKEN, TokenMint.foreign().token("admin", everyRole));
    TOKENS.put(Caller.FORGED_TOKEN, TokenMint.tampered(walk.officer, "admin", everyRole));
    TOKENS.put(OFFICER, walk.officer);
    TOKENS.put(SUPERVISOR, walk.supervisor);
    TOKENS.put(ADMIN, walk.admin);
    TOKENS.put(SYSTEM, account(system, List.of("system")));
    NAMES.put(OFFICER, "officer");
    NAMES.put(SUPERVISOR, "supervisor");
    NAMES.put(ADMIN, "admin");
    NAMES.put(SYSTEM, system);

    shared = activeAlert().withChannel(channel());
  }

  @TestFactory
  Stream<DynamicTest> everyPathAnswersEveryCallerAsTheContractSays() {
    Fixture sharedPending = pendingAlert();
    List<JsonStructure> before =
        Stream.concat(shared.state().stream(), sharedPending.state().stream()).toList();
    List<DynamicTest> cells = new ArrayList<>();
    for (Row row : MATRIX) {
      for (Caller caller : Caller.values()) {
        cells.add(
            dynamicTest(
                row + " by " + caller + " → " + expected(row, caller),
                () -> call(row, caller, row.needs() == PENDING_ALERT ? sharedPending : shared)));
      }
    }
    cells.add(
        dynamicTest(
            "the refused calls changed nothing",
            () ->
                assertThat(
                        Stream.concat(shared.state().stream(), sharedPending.state().stream())
                            .toList())
                    .isEqualTo(before)));
    return cells.stream();
  }

  @Test
  void aSupervisorWhoAskedForTheAlertCannotDecideItAndTheRefusalIsAudited() {
    String sergeant = "sergeant-" + UUID.randomUUID().toString().substring(0, 8);
    String both = account(sergeant, List.of("officer", "supervisor"));
    long caseId = openCase();
    Reply requested =
        raw.send(
            "POST",
            "/cases/" + caseId + "/alerts",
            both,
            "application/json",
            BodyPublishers.ofString(REQUEST));
    assertThat(requested.status()).as(requested.body()).isEqualTo(201);
    long alertId = requested.json().orElseThrow().getInt("id");
    String approval = "/alerts/" + alertId + "/approval";

    Reply approved =
        raw.send("POST", approval, both, "application/json", BodyPublishers.ofString(APPROVE));
    Reply rejected =
        raw.send(
            "POST",
            approval,
            both,
            "application/json",
            BodyPublishers.ofString("{\"decision\":\"REJECT\",\"reason\":\"mine\"}"));

    assertProblem(approved, 403);
    assertProblem(rejected, 403);
    assertThat(walk.api.get("/alerts/" + alertId, walk.supervisor).json().getString("status"))
        .isEqualTo("PENDING_APPROVAL");
    assertThat(timeline(caseId))
        .filteredOn(e -> e.getString("actor").equals(sergeant))
        .extracting(e -> e.getString("action"))
        .containsExactly("REQUESTED", "APPROVE_REFUSED", "REJECT_REFUSED");
    assertThat(walk.approve(alertId).getString("status")).isEqualTo("ACTIVE");
  }

  private static void call(Row row, Caller caller, Fixture refusedFixture) {
    boolean permitted = row.who().contains(caller);
    Fixture fixture = permitted ? fixture(row.needs()) : refusedFixture;
    String body = row.body() == null ? null : row.body().replace("{unique}", unique());

    Reply reply =
        raw.send(
            row.method(),
            fixture.resolve(row.path()),
            TOKENS.get(caller),
            body == null ? null : "application/json",
            body == null ? null : BodyPublishers.ofString(body));

    int expected = expected(row, caller);
    assertThat(reply.status()).as(reply.body()).isEqualTo(expected);
    if (expected == 401) {
      assertThat(reply.header("WWW-Authenticate"))
          .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
    }
    if (expected >= 400) {
      assertProblem(reply, expected);
    } else if (row.audited() != null) {
      long caseId =
          row.path().equals("/cases") ? reply.json().orElseThrow().getInt("id") : fixture.caseId();
      assertThat(trailOf(row, fixture, caseId))
          .as("the audit trail of %s", fixture.resolve(row.path()))
          .anySatisfy(
              entry -> {
                assertThat(entry.getString("action")).isEqualTo(row.audited());
                assertThat(entry.getString("actor")).isEqualTo(NAMES.get(caller));
              });
    }
  }

  private static int expected(Row row, Caller caller) {
    if (row.who().contains(caller)) {
      return row.success();
    }
    return caller.authenticated() ? 403 : 401;
  }

  private static void assertProblem(Reply reply, int status) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    JsonObject problem = reply.json().orElseThrow();
    assertThat(problem.getInt("status")).isEqualTo(status);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("detail")).isNotBlank();
  }

  private static Fixture fixture(Needs needs) {
    return switch (needs) {
      case NOTHING -> new Fixture(0, null);
      case OPEN_CASE -> new Fixture(openCase(), null);
      case PENDING_ALERT -> pendingAlert();
      case ACTIVE_ALERT -> activeAlert();
      case SERVING_CHANNEL -> new Fixture(0, null).withChannel(channel());
      case RETIRED_CHANNEL -> new Fixture(0, null).withChannel(retiredChannel());
    };
  }

  /** A Facebook page of Dakhla, which takes no exercises, so none of the matrix's alerts. */
  private static long channel() {
    return walk.channelId(walk.channel("MA-OUD", "FACEBOOK", false));
  }

  private static long retiredChannel() {
    long id = channel();
    Answer retired = walk.api.post("/channels/" + id + "/retirement", walk.admin, "{}");
    assertThat(retired.status()).as("%s", retired.body()).isEqualTo(200);
    return id;
  }

  /** Where a permitted call's change is audited: its channel's, its template's or its case's. */
  private static List<JsonObject> trailOf(Row row, Fixture fixture, long caseId) {
    String path = fixture.resolve(row.path());
    if (path.startsWith("/channels/")) {
      return audit("/channels/" + fixture.channelId() + "/audit");
    }
    if (path.startsWith("/templates/")) {
      String[] parts = path.split("/");
      return audit("/templates/" + parts[2] + "/" + parts[3] + "/audit");
    }
    return timeline(caseId);
  }

  private static List<JsonObject> audit(String path) {
    return walk.api.get(path, walk.admin).body().asJsonArray().getValuesAs(JsonValue::asJsonObject);
  }

  private static long openCase() {
    return walk.openCase(Walk.fullCase(DAKHLA[0], DAKHLA[1])).getInt("id");
  }

  private static Fixture pendingAlert() {
    long caseId = openCase();
    return new Fixture(caseId, (long) walk.requestAlert(caseId, true).getInt("id"));
  }

  private static Fixture activeAlert() {
    Fixture pending = pendingAlert();
    walk.approve(pending.alertId());
    return pending;
  }

  private static List<JsonObject> timeline(long caseId) {
    return walk.api
        .get("/cases/" + caseId + "/audit", walk.supervisor)
        .body()
        .asJsonArray()
        .getValuesAs(JsonValue::asJsonObject);
  }

  private static String aCase(boolean revised) {
    return Walk.fullCase(DAKHLA[0], DAKHLA[1])
        .add("suspectedAbduction", revised)
        .build()
        .toString();
  }

  /** A real account made by the administrator, and a token it got as anyone does. */
  private static String account(String username, List<String> roles) {
    String password = "matrix passphrase " + unique();
    JsonArrayBuilder groups = Json.createArrayBuilder();
    roles.forEach(groups::add);
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

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
