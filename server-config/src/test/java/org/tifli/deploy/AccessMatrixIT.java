package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.tifli.deploy.AccessMatrixIT.Caller.ADMIN;
import static org.tifli.deploy.AccessMatrixIT.Caller.OFFICER;
import static org.tifli.deploy.AccessMatrixIT.Caller.SUPERVISOR;
import static org.tifli.deploy.AccessMatrixIT.Caller.SYSTEM;
import static org.tifli.deploy.AccessMatrixIT.Needs.ACCOUNT;
import static org.tifli.deploy.AccessMatrixIT.Needs.ACTIVE_ALERT;
import static org.tifli.deploy.AccessMatrixIT.Needs.DISABLED_ACCOUNT;
import static org.tifli.deploy.AccessMatrixIT.Needs.NOTHING;
import static org.tifli.deploy.AccessMatrixIT.Needs.OPEN_CASE;
import static org.tifli.deploy.AccessMatrixIT.Needs.PENDING_ALERT;
import static org.tifli.deploy.AccessMatrixIT.Needs.PHOTO;
import static org.tifli.deploy.AccessMatrixIT.Needs.RETIRED_CHANNEL;
import static org.tifli.deploy.AccessMatrixIT.Needs.SERVING_CHANNEL;
import static org.tifli.deploy.AccessMatrixIT.Needs.SIGHTING;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tifli.deploy.RawApi.Reply;
import org.tifli.testing.TifliClient.Answer;

/**
 * Who may call what, over HTTP on the shared server: every path of the API, and the CAP feed beside
 * it, called by every kind of caller. Without a valid token (none, garbage, expired, signed by
 * another key, or altered after signing) the answer is 401 with {@code WWW-Authenticate: Bearer};
 * with a role the contract does not give the path, 403; with one it does, the path's success, and
 * every change it makes appears in the timeline of the case (or of the account, the channel or the
 * template) under the caller's name. All refusals are problems and change nothing.
 *
 * <p>The matrix is the table {@link #MATRIX}, one row per path, as the API contract in PRODUCT.md
 * and the README list them; a new path is a new row. The {@code system} role is a service
 * account's; the test signs its token with the server's own key, as it does the expired one.
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
   * What must exist before a row's path is called, named in it as {@code {case}}, {@code {alert}},
   * {@code {photo}}, {@code {sighting}}, {@code {account}} or {@code {channel}}.
   */
  enum Needs {
    NOTHING,
    OPEN_CASE,
    PENDING_ALERT,
    ACTIVE_ALERT,
    PHOTO,
    SIGHTING,
    ACCOUNT,
    DISABLED_ACCOUNT,
    SERVING_CHANNEL,
    RETIRED_CHANNEL
  }

  /** What a call sends: the content type and the bytes of its body. */
  record Sent(String contentType, byte[] body) {}

  /**
   * One path of the API.
   *
   * @param body the body to send, made from a fresh unique value; null for none
   * @param who the callers the contract lets through
   * @param success the status a caller who may call it gets
   * @param audited the action the timeline of the case or account records for the call; or null
   */
  record Row(
      String method,
      String path,
      Needs needs,
      Function<String, Sent> body,
      Set<Caller> who,
      int success,
      String audited) {

    /** The CAP feed is served by the application beside the API, from its root. */
    boolean besideTheApi() {
      return path.startsWith("/cap/");
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private static final double[] DAKHLA = {23.7000, -15.9400};
  private static final Set<Caller> ANYONE = EnumSet.allOf(Caller.class);
  private static final Set<Caller> READERS = EnumSet.of(OFFICER, SUPERVISOR, SYSTEM);
  private static final Set<Caller> POLICE = EnumSet.of(OFFICER, SUPERVISOR);
  private static final Set<Caller> ADMINS = EnumSet.of(ADMIN);
  private static final Set<Caller> SUPERVISORS = EnumSet.of(SUPERVISOR);
  private static final String APPROVE = "{\"decision\":\"APPROVE\"}";
  private static final String CREDENTIALS =
      "{\"username\":\"officer\",\"password\":\"tifli-demo\"}";
  private static final String REQUEST =
      "{\"criteria\":{\"minor\":true,\"danger\":true,\"descriptionSufficient\":true,"
          + "\"guardianConsent\":true},\"exercise\":true}";
  private static final String CHANNEL =
      "{\"area\":\"MA-OUD\",\"platform\":\"FACEBOOK\",\"accountId\":\"access-{unique}\","
          + "\"secret\":\"page-token\",\"languages\":[\"fr\"],\"exercise\":false}";
  private static final String SIGHTING_BODY =
      "{\"seenAt\":\"2026-12-01T10:00:00Z\",\"latitude\":23.70,\"longitude\":-15.94,"
          + "\"description\":\"a child on the corniche\"}";
  private static final String ACCOUNT_BODY =
      "{\"username\":\"matrix-{unique}\",\"password\":\"a long passphrase {unique}\","
          + "\"roles\":[\"officer\"]}";
  private static final String CASE = aCase(false);
  private static final String REVISED_CASE = aCase(true);
  private static final byte[] JPEG = DrawnImage.of("jpg", 40, 30);

  /** The API contract: who may call each path, and what a permitted call does. */
  static final List<Row> MATRIX =
      List.of(
          new Row("POST", "/tokens", NOTHING, json(CREDENTIALS), ANYONE, 200, null),
          new Row("GET", "/areas", NOTHING, null, ANYONE, 200, null),
          new Row("POST", "/channels", NOTHING, json(CHANNEL), ADMINS, 201, null),
          new Row("GET", "/channels?area=MA-OUD", NOTHING, null, ADMINS, 200, null),
          new Row(
              "POST", "/cases", NOTHING, json(CASE), EnumSet.of(OFFICER, SYSTEM), 201, "OPENED"),
          new Row("GET", "/cases?area=MA-OUD", NOTHING, null, READERS, 200, null),
          new Row("GET", "/cases/{case}", OPEN_CASE, null, READERS, 200, null),
          new Row(
              "PUT",
              "/cases/{case}",
              OPEN_CASE,
              json(REVISED_CASE),
              EnumSet.of(OFFICER, SYSTEM),
              200,
              "REVISED"),
          new Row("GET", "/cases/{case}/audit", OPEN_CASE, null, POLICE, 200, null),
          new Row("GET", "/cases/{case}/alerts", OPEN_CASE, null, READERS, 200, null),
          new Row(
              "POST",
              "/cases/{case}/alerts",
              OPEN_CASE,
              json(REQUEST),
              EnumSet.of(OFFICER),
              201,
              "REQUESTED"),
          new Row(
              "POST",
              "/cases/{case}/resolution",
              OPEN_CASE,
              json("{\"outcome\":\"FOUND_SAFE\",\"note\":\"home\"}"),
              SUPERVISORS,
              200,
              "RESOLVED"),
          new Row(
              "POST",
              "/cases/{case}/photos",
              OPEN_CASE,
              AccessMatrixIT::photoUpload,
              EnumSet.of(OFFICER, SYSTEM),
              201,
              "PHOTO_ADDED"),
          new Row("GET", "/cases/{case}/photos", OPEN_CASE, null, READERS, 200, null),
          new Row("GET", "/cases/{case}/photos/{photo}", PHOTO, null, READERS, 200, null),
          new Row(
              "POST",
              "/cases/{case}/photos/{photo}/publication",
              PHOTO,
              null,
              POLICE,
              200,
              "PHOTO_PUBLISHED"),
          new Row("GET", "/cases/{case}/sightings", OPEN_CASE, null, POLICE, 200, null),
          new Row("GET", "/alerts/{alert}", PENDING_ALERT, null, READERS, 200, null),
          new Row(
              "POST",
              "/alerts/{alert}/approval",
              PENDING_ALERT,
              json(APPROVE),
              SUPERVISORS,
              200,
              "APPROVED"),
          new Row(
              "POST",
              "/alerts/{alert}/widening",
              ACTIVE_ALERT,
              json("{}"),
              SUPERVISORS,
              200,
              "WIDENED_NOW"),
          new Row(
              "POST",
              "/alerts/{alert}/hold",
              ACTIVE_ALERT,
              json("{\"held\":true}"),
              SUPERVISORS,
              200,
              "HELD"),
          new Row(
              "POST",
              "/alerts/{alert}/renewal",
              ACTIVE_ALERT,
              json("{}"),
              SUPERVISORS,
              200,
              "RENEWED"),
          new Row(
              "POST",
              "/alerts/{alert}/cancellation",
              ACTIVE_ALERT,
              json("{\"reason\":\"withdrawn\"}"),
              SUPERVISORS,
              200,
              "CANCELLED"),
          new Row("GET", "/alerts/{alert}/cap", ACTIVE_ALERT, null, ANYONE, 200, null),
          new Row(
              "POST",
              "/alerts/{alert}/sightings",
              ACTIVE_ALERT,
              json(SIGHTING_BODY),
              ANYONE,
              202,
              null),
          new Row("GET", "/alerts/{alert}/sightings", ACTIVE_ALERT, null, POLICE, 200, null),
          new Row("GET", "/sightings/{sighting}", SIGHTING, null, POLICE, 200, null),
          new Row(
              "POST",
              "/sightings/{sighting}/triage",
              SIGHTING,
              json("{\"status\":\"RELEVANT\",\"note\":\"called back\"}"),
              POLICE,
              200,
              "TRIAGED"),
          new Row("GET", "/accounts", NOTHING, null, ADMINS, 200, null),
          new Row("POST", "/accounts", NOTHING, json(ACCOUNT_BODY), ADMINS, 201, null),
          new Row("GET", "/accounts/{account}", ACCOUNT, null, ADMINS, 200, null),
          new Row("GET", "/accounts/{account}/audit", ACCOUNT, null, ADMINS, 200, null),
          new Row(
              "POST",
              "/accounts/{account}/disabling",
              ACCOUNT,
              json("{\"reason\":\"left the unit\"}"),
              ADMINS,
              200,
              "DISABLED"),
          new Row(
              "POST",
              "/accounts/{account}/enabling",
              DISABLED_ACCOUNT,
              json("{}"),
              ADMINS,
              200,
              "ENABLED"),
          new Row("GET", "/cap/alerts.atom", NOTHING, null, ANYONE, 200, null),
          new Row("GET", "/channels/{channel}", SERVING_CHANNEL, null, ADMINS, 200, null),
          new Row(
              "PUT",
              "/channels/{channel}",
              SERVING_CHANNEL,
              json("{\"languages\":[\"ar\",\"zgh\"],\"secret\":\"token-{unique}\"}"),
              ADMINS,
              200,
              "REVISED"),
          new Row(
              "POST",
              "/channels/{channel}/retirement",
              SERVING_CHANNEL,
              json("{\"reason\":\"page closed\"}"),
              ADMINS,
              200,
              "RETIRED"),
          new Row(
              "DELETE",
              "/channels/{channel}/retirement",
              RETIRED_CHANNEL,
              null,
              ADMINS,
              200,
              "REINSTATED"),
          new Row("GET", "/channels/{channel}/audit", SERVING_CHANNEL, null, ADMINS, 200, null),
          new Row("GET", "/templates", NOTHING, null, ADMINS, 200, null),
          new Row("GET", "/templates/zgh/CLOSING_EXPIRED", NOTHING, null, ADMINS, 200, null),
          new Row(
              "PUT",
              "/templates/zgh/CLOSING_EXPIRED",
              NOTHING,
              json("{\"text\":\"ⵉⴽⵎⵍ ⵓⵍⵖⵓ. ⴰⴼⴰⵢⵍⵓ {reference}.\"}"),
              ADMINS,
              200,
              "EDITED"),
          new Row("DELETE", "/templates/zgh/CLOSING_EXPIRED", NOTHING, null, ADMINS, 200, "RESET"),
          new Row("POST", "/templates/zgh/ALERT/preview", NOTHING, json("{}"), ADMINS, 200, null),
          new Row("GET", "/templates/zgh/CLOSING_EXPIRED/audit", NOTHING, null, ADMINS, 200, null));

  private static SharedTifli tifli;
  private static Walk walk;
  private static RawApi raw;
  private static RawApi beside;
  private static final Map<Caller, String> TOKENS = new EnumMap<>(Caller.class);
  private static final Map<Caller, String> NAMES = new EnumMap<>(Caller.class);

  /**
   * What must exist for a row, by the names its path gives them, such as {@code case} for {@code
   * {case}}.
   */
  private record Fixture(Map<String, String> ids) {

    String resolve(String path) {
      String resolved = path;
      for (Map.Entry<String, String> id : ids.entrySet()) {
        resolved = resolved.replace("{" + id.getKey() + "}", id.getValue());
      }
      return resolved;
    }

    Fixture with(String name, Object id) {
      Map<String, String> more = new HashMap<>(ids);
      more.put(name, id.toString());
      return new Fixture(more);
    }

    /** Everything a call on the fixture could change, as the API shows it. */
    List<Object> state() {
      List<Object> state = new ArrayList<>();
      if (ids.containsKey("case")) {
        state.add(walk.api.get("/cases/" + ids.get("case"), walk.officer).body());
        state.add(walk.timeline(Long.parseLong(ids.get("case"))));
        state.add(walk.everyItem("/cases/" + ids.get("case") + "/photos", walk.officer));
      }
      if (ids.containsKey("alert")) {
        state.add(walk.api.get("/alerts/" + ids.get("alert"), walk.supervisor).body());
      }
      if (ids.containsKey("sighting")) {
        state.add(walk.api.get("/sightings/" + ids.get("sighting"), walk.officer).body());
      }
      if (ids.containsKey("account")) {
        state.add(walk.api.get("/accounts/" + ids.get("account"), walk.admin).body());
        state.add(timeline());
      }
      if (ids.containsKey("channel")) {
        state.add(walk.api.get("/channels/" + ids.get("channel"), walk.admin).body());
        state.add(timeline());
      }
      return state;
    }

    /** The timeline the fixture's changes go to: its account's, its channel's, or its case's. */
    List<JsonObject> timeline() {
      if (ids.containsKey("account")) {
        return walk.everyItem("/accounts/" + ids.get("account") + "/audit", walk.admin);
      }
      if (ids.containsKey("channel")) {
        return trail("/channels/" + ids.get("channel") + "/audit");
      }
      return walk.timeline(Long.parseLong(ids.get("case")));
    }
  }

  @BeforeAll
  static void callers() {
    tifli = SharedTifli.get();
    walk = Walk.on(tifli);
    raw = new RawApi(tifli.appUrl());
    beside = RawApi.beside(tifli.appUrl());
    TokenMint mint = TokenMint.of(tifli.dataDir());
    List<String> everyRole = List.of("officer", "supervisor", "admin", "system");
    String system = "records-system-" + unique();

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
  }

  @TestFactory
  Stream<DynamicTest> everyPathAnswersEveryCallerAsTheContractSays() {
    // Refused calls all aim at one fixture of each kind, which must be the same after them all.
    Map<Needs, Fixture> refused = new EnumMap<>(Needs.class);
    for (Needs needs : Needs.values()) {
      refused.put(needs, fixture(needs));
    }
    List<List<Object>> before = refused.values().stream().map(Fixture::state).toList();
    List<DynamicTest> cells = new ArrayList<>();
    for (Row row : MATRIX) {
      for (Caller caller : Caller.values()) {
        cells.add(
            dynamicTest(
                row + " by " + caller + " → " + expected(row, caller),
                () -> call(row, caller, refused.get(row.needs()))));
      }
    }
    cells.add(
        dynamicTest(
            "the refused calls changed nothing",
            () ->
                assertThat(refused.values().stream().map(Fixture::state).toList())
                    .isEqualTo(before)));
    return cells.stream();
  }

  @Test
  void theMatrixHasARowForEveryPathOfTheContract() {
    assertThat(MATRIX)
        .extracting(row -> row.method() + " " + row.path().replaceAll("\\?.*", ""))
        .contains(
            "POST /tokens",
            "GET /areas",
            "POST /channels",
            "GET /channels",
            "POST /cases",
            "GET /cases/{case}",
            "GET /cases",
            "POST /cases/{case}/photos",
            "POST /cases/{case}/alerts",
            "POST /alerts/{alert}/approval",
            "POST /alerts/{alert}/widening",
            "GET /alerts/{alert}",
            "POST /cases/{case}/resolution",
            "POST /alerts/{alert}/sightings",
            "GET /alerts/{alert}/cap",
            "GET /cap/alerts.atom")
        .doesNotHaveDuplicates();
  }

  private static void call(Row row, Caller caller, Fixture refusedFixture) {
    boolean permitted = row.who().contains(caller);
    Fixture fixture = permitted ? fixture(row.needs()) : refusedFixture;
    Sent sent = row.body() == null ? null : row.body().apply(unique());

    Reply reply =
        (row.besideTheApi() ? beside : raw)
            .send(
                row.method(),
                fixture.resolve(row.path()),
                TOKENS.get(caller),
                sent == null ? null : sent.contentType(),
                sent == null ? null : BodyPublishers.ofByteArray(sent.body()));

    int expected = expected(row, caller);
    assertThat(reply.status()).as(reply.body()).isEqualTo(expected);
    if (expected == 401) {
      assertThat(reply.header("WWW-Authenticate"))
          .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
    }
    if (expected >= 400) {
      assertProblem(reply, expected);
    } else if (row.audited() != null) {
      List<JsonObject> timeline;
      if (row.path().equals("/cases")) {
        timeline = walk.timeline(reply.json().orElseThrow().getInt("id"));
      } else if (row.path().startsWith("/templates/")) {
        String[] parts = row.path().split("/");
        timeline = trail("/templates/" + parts[2] + "/" + parts[3] + "/audit");
      } else {
        timeline = fixture.timeline();
      }
      assertThat(timeline)
          .as("the timeline of %s", fixture.ids())
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
    Fixture none = new Fixture(Map.of());
    return switch (needs) {
      case NOTHING -> none;
      case OPEN_CASE -> none.with("case", openCase());
      case PENDING_ALERT -> pendingAlert();
      case ACTIVE_ALERT -> activeAlert();
      case PHOTO -> photo();
      case SIGHTING -> sighting();
      case ACCOUNT -> none.with("account", account());
      case DISABLED_ACCOUNT -> none.with("account", disabled(account()));
      case SERVING_CHANNEL -> none.with("channel", channel());
      case RETIRED_CHANNEL -> none.with("channel", retiredChannel());
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

  /** The audit trail of a channel or a template. */
  private static List<JsonObject> trail(String path) {
    return walk.everyItem(path, walk.admin);
  }

  private static long openCase() {
    return walk.openCase(Walk.fullCase(DAKHLA[0], DAKHLA[1])).getInt("id");
  }

  private static Fixture pendingAlert() {
    long caseId = openCase();
    return new Fixture(Map.of("case", Long.toString(caseId)))
        .with("alert", walk.requestAlert(caseId, true).getInt("id"));
  }

  private static Fixture activeAlert() {
    Fixture pending = pendingAlert();
    walk.approve(Long.parseLong(pending.ids().get("alert")));
    return pending;
  }

  private static Fixture photo() {
    long caseId = openCase();
    Answer uploaded =
        walk.api.postMultipart("/cases/" + caseId + "/photos", walk.officer, Map.of("photo", JPEG));
    assertThat(uploaded.status()).as("uploading: %s", uploaded.body()).isEqualTo(201);
    return new Fixture(Map.of("case", Long.toString(caseId)))
        .with("photo", uploaded.json().getInt("id"));
  }

  private static Fixture sighting() {
    Fixture alert = activeAlert();
    PublicReporter.Reply reported =
        PublicReporter.fresh(tifli.appUrl())
            .post(alert.resolve("/alerts/{alert}/sightings"), SIGHTING_BODY);
    assertThat(reported.status()).as("reporting: %s", reported.body()).isEqualTo(202);
    return alert.with("sighting", reported.json().getInt("id"));
  }

  /** A new officer account, made by the administrator; returns its username. */
  private static String account() {
    String username = "matrix-" + unique();
    Answer created =
        walk.api.post("/accounts", walk.admin, ACCOUNT_BODY.replace("matrix-{unique}", username));
    assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
    return username;
  }

  private static String disabled(String username) {
    Answer disabled =
        walk.api.post("/accounts/" + username + "/disabling", walk.admin, "{\"reason\":\"test\"}");
    assertThat(disabled.status()).as("%s", disabled.body()).isEqualTo(200);
    return username;
  }

  private static Function<String, Sent> json(String template) {
    return unique ->
        new Sent(
            "application/json",
            template.replace("{unique}", unique).getBytes(StandardCharsets.UTF_8));
  }

  private static Sent photoUpload(String unique) {
    MultipartBody upload = new MultipartBody().file("photo", unique + ".jpg", "image/jpeg", JPEG);
    return new Sent(upload.contentType(), upload.bytes());
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
