package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonPointer;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tifli.deploy.RawApi.Reply;
import org.tifli.testing.TifliClient.Answer;

/**
 * Malformed and hostile requests against every path of the API, over HTTP on the shared server,
 * each with a valid token of a role that may call the path, so that what is refused is the request
 * itself: broken JSON, values of the wrong type in every field of a case, fields of 100 kB and
 * bodies of megabytes, impossible coordinates and dates, unknown constants, script and SQL where a
 * code is expected, XML with entities, wrong content types, ids that are not numbers, bad paging,
 * and text that is not clean Unicode. The public's sightings get the same treatment, each request
 * from an address of its own (see {@link PublicReporter}) so that the rate limit answers none of
 * them; so do photo uploads (what is no JPEG or PNG whatever it claims, fake and oversized images,
 * broken multipart bodies), accounts and the triage of sightings.
 *
 * <p>Every one must be answered with the 4xx it deserves as {@code application/problem+json} with
 * {@code status}, {@code title} and {@code detail}, and none of them may store anything: the number
 * of cases, channels, accounts, sightings and photos, and the case, alerts, sighting, account and
 * timelines they aim at are the same after the whole corpus as before. Script and SQL in free text
 * are data: they are stored and come back as the inert text they were.
 *
 * <p>The fixtures are exercise alerts last seen in Dakhla (MA-OUD), where no test registers a
 * channel for exercises, so nothing here is posted anywhere.
 */
class HostileInputIT {

  private static final double[] DAKHLA = {23.7000, -15.9400};
  private static final String JSON = "application/json";
  private static final String HUNDRED_KB = "x".repeat(100 * 1024);
  private static final int MEGABYTE = 1024 * 1024;
  private static final String PASSWORD = "a long hostile passphrase";

  private static SharedTifli tifli;
  private static Walk walk;
  private static RawApi raw;
  private static long caseId;
  private static long pendingId;
  private static long activeId;
  private static long channelId;
  private static long sightingId;
  private static String target;

  /** The template the corpus aims at; nothing else of the shared server uses it. */
  private static final String TEMPLATE = "/templates/zgh/CLOSING_CANCELLED";

  /**
   * One hostile request and the status it must be answered with.
   *
   * @param fromThePublic sent without a token from an address no other request used, as the
   *     public's sightings must be so that the rate limit does not answer in place of the API
   */
  record Hostile(
      String name,
      String method,
      String path,
      String token,
      String contentType,
      Supplier<BodyPublisher> body,
      Map<String, String> headers,
      int expected,
      boolean fromThePublic) {

    Hostile {
      assertThat(expected).as(name).isBetween(400, 499);
    }

    Hostile(
        String name,
        String method,
        String path,
        String token,
        String contentType,
        Supplier<BodyPublisher> body,
        Map<String, String> headers,
        int expected) {
      this(name, method, path, token, contentType, body, headers, expected, false);
    }

    Hostile(
        String name,
        String method,
        String path,
        String token,
        String contentType,
        Supplier<BodyPublisher> body,
        int expected) {
      this(name, method, path, token, contentType, body, Map.of(), expected, false);
    }
  }

  /** A path that takes a body, who may call it, and a body it would accept. */
  private record Endpoint(
      String method, String path, String token, String validBody, boolean fromThePublic) {

    Endpoint(String method, String path, String token, String validBody) {
      this(method, path, token, validBody, false);
    }

    /** A path the public calls without a token, each request from an address of its own. */
    static Endpoint ofThePublic(String method, String path, String validBody) {
      return new Endpoint(method, path, null, validBody, true);
    }

    String name() {
      return method + " " + path.replaceAll("/\\d+", "/{id}");
    }

    Hostile send(String what, String contentType, String body, int expected) {
      return send(what, contentType, () -> BodyPublishers.ofString(body), expected);
    }

    Hostile send(String what, String contentType, byte[] body, int expected) {
      return send(what, contentType, () -> BodyPublishers.ofByteArray(body), expected);
    }

    Hostile send(String what, String contentType, Supplier<BodyPublisher> body, int expected) {
      return new Hostile(
          name() + ": " + what,
          method,
          path,
          token,
          contentType,
          body,
          Map.of(),
          expected,
          fromThePublic);
    }
  }

  /** What the corpus could have changed, taken before and after it. */
  private record Snapshot(
      long cases,
      long channels,
      long accounts,
      long sightingsOfTheCase,
      long photosOfTheCase,
      JsonStructure theCase,
      List<JsonObject> timeline,
      JsonStructure pending,
      JsonStructure active,
      JsonStructure sighting,
      JsonStructure account,
      List<JsonObject> accountHistory,
      JsonStructure channel,
      JsonStructure channelTrail,
      JsonStructure template,
      JsonStructure templateTrail) {

    static Snapshot take() {
      return new Snapshot(
          total("/cases", walk.officer),
          walk.api.get("/channels", walk.admin).body().asJsonArray().size(),
          total("/accounts", walk.admin),
          total("/cases/" + caseId + "/sightings", walk.officer),
          total("/cases/" + caseId + "/photos", walk.officer),
          walk.api.get("/cases/" + caseId, walk.officer).body(),
          walk.timeline(caseId),
          walk.api.get("/alerts/" + pendingId, walk.supervisor).body(),
          walk.api.get("/alerts/" + activeId, walk.supervisor).body(),
          walk.api.get("/sightings/" + sightingId, walk.officer).body(),
          walk.api.get("/accounts/" + target, walk.admin).body(),
          walk.everyItem("/accounts/" + target + "/audit", walk.admin),
          walk.api.get("/channels/" + channelId, walk.admin).body(),
          walk.api.get("/channels/" + channelId + "/audit", walk.admin).body(),
          walk.api.get(TEMPLATE, walk.admin).body(),
          walk.api.get(TEMPLATE + "/audit", walk.admin).body());
    }

    /** How many items the paged list holds. */
    private static long total(String path, String token) {
      return walk.api.get(path + "?size=1", token).json().getJsonNumber("total").longValue();
    }
  }

  @BeforeAll
  static void fixtures() {
    tifli = SharedTifli.get();
    walk = Walk.on(tifli);
    raw = new RawApi(tifli.appUrl());
    caseId = walk.openCase(aCase()).getInt("id");
    pendingId = walk.requestAlert(caseId, true).getInt("id");
    activeId = walk.requestAlert(caseId, true).getInt("id");
    walk.approve(activeId);
    channelId = walk.channelId(walk.channel("MA-OUD", "FACEBOOK", false));
    PublicReporter.Reply reported =
        PublicReporter.fresh(tifli.appUrl())
            .post("/alerts/" + activeId + "/sightings", aSighting().build().toString());
    assertThat(reported.status()).as("reporting: %s", reported.body()).isEqualTo(202);
    sightingId = reported.json().getInt("id");
    target = "hostile-target-" + UUID.randomUUID().toString().substring(0, 8);
    Answer created = walk.api.post("/accounts", walk.admin, account(target, PASSWORD, "officer"));
    assertThat(created.status()).as("creating: %s", created.body()).isEqualTo(201);
  }

  @TestFactory
  Stream<DynamicTest> everyHostileRequestIsAProblem4xxAndStoresNothing() {
    Snapshot before = Snapshot.take();
    List<Hostile> corpus = corpus();
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(400);
    assertThat(corpus).extracting(Hostile::name).doesNotHaveDuplicates();

    Stream<DynamicTest> refusals =
        corpus.stream().map(hostile -> dynamicTest(hostile.name(), () -> assertProblem(hostile)));
    DynamicTest nothingStored =
        dynamicTest(
            "nothing of the corpus was stored",
            () -> assertThat(Snapshot.take()).isEqualTo(before));
    return Stream.concat(refusals, Stream.of(nothingStored));
  }

  static Stream<Arguments> inertTexts() {
    return Stream.of(
        Arguments.of("a script element", "<script>alert('tifli')</script>"),
        Arguments.of("an image with a handler", "<img src=x onerror=alert(1)>"),
        Arguments.of("a javascript URL", "javascript:alert(document.cookie)"),
        Arguments.of("a statement that drops a table", "'; DROP TABLE missing_child_case; --"),
        Arguments.of("an always-true condition", "' OR '1'='1"),
        Arguments.of("a template expression", "${7*7} #{7*7} {{7*7}}"),
        Arguments.of("format directives", "%s%s%n%x"),
        Arguments.of("a path out of the folder", "../../../../etc/passwd"),
        Arguments.of("a right-to-left override", "\u202Egnp.exe"),
        Arguments.of("zero-width characters", "Sa\u200Bl\u200Dma\uFEFF"),
        Arguments.of("characters beyond the basic plane", "\uD83D\uDE00 \uD835\uDD38"),
        Arguments.of("quotes and backslashes", "\"\\\"'\\u0041"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inertTexts")
  void scriptAndSqlInFreeTextAreStoredAsInertText(String what, String text) {
    JsonValue inert = Json.createValue(text);
    JsonObject sent =
        with(with(aCase().build(), "/child/givenName", inert), "/lastSeen/place", inert);
    sent =
        Json.createObjectBuilder(sent)
            .add("circumstances", text)
            .add("hobbies", Json.createArrayBuilder().add(text))
            .add("reportingUnit", text)
            .build();

    Reply opened = raw.send("POST", "/cases", walk.officer, JSON, of(sent.toString()));

    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    long id = opened.json().orElseThrow().getInt("id");
    Reply stored = raw.send("GET", "/cases/" + id, walk.officer, null, null);
    assertThat(stored.contentType()).startsWith(JSON);
    JsonObject json = stored.json().orElseThrow();
    assertThat(json.getJsonObject("child").getString("givenName")).isEqualTo(text);
    assertThat(json.getJsonObject("lastSeen").getString("place")).isEqualTo(text);
    assertThat(json.getString("circumstances")).isEqualTo(text);
    assertThat(json.getJsonArray("hobbies").getString(0)).isEqualTo(text);
    JsonObject opening =
        walk.timeline(id).stream()
            .filter(e -> e.getString("action").equals("OPENED"))
            .findFirst()
            .orElseThrow();
    assertThat(opening.getJsonObject("changes").getJsonObject("reportingUnit").getString("to"))
        .isEqualTo(text);
  }

  @Test
  void aCaseWithEveryFieldAtItsLongestIsStoredWholeAndSoIsARevisionToIt() {
    JsonObject longest = longestCase();

    Reply opened = raw.send("POST", "/cases", walk.officer, JSON, of(longest.toString()));
    long small = walk.openCase(aCase()).getInt("id");
    Reply revised = raw.send("PUT", "/cases/" + small, walk.officer, JSON, of(longest.toString()));

    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    assertThat(revised.status()).as(revised.body()).isEqualTo(200);
    JsonObject stored = walk.api.get("/cases/" + small, walk.officer).json();
    for (String field : List.of("circumstances", "suspect", "personalProblems", "hobbies")) {
      assertThat(stored.get(field)).as(field).isEqualTo(longest.get(field));
    }
    assertThat(stored.getJsonObject("child")).isEqualTo(longest.getJsonObject("child"));
    assertThat(walk.api.get("/cases/" + small + "/audit", walk.supervisor).body().toString())
        .contains("\"REVISED\"");
  }

  @Test
  void aRevisionThatReordersAndGrowsTheListsIsStoredInItsNewOrder() {
    long id = walk.openCase(aCase()).getInt("id");
    JsonObject sent = aCase().build();
    JsonObject reordered =
        Json.createObjectBuilder(sent)
            .add("hobbies", Json.createArrayBuilder().add("football").add("chess").add("drawing"))
            .add(
                "likelyPlaces",
                Json.createArrayBuilder()
                    .add(sent.getJsonArray("likelyPlaces").get(1))
                    .add(sent.getJsonArray("likelyPlaces").get(0)))
            .build();

    Reply revised = raw.send("PUT", "/cases/" + id, walk.officer, JSON, of(reordered.toString()));

    assertThat(revised.status()).as(revised.body()).isEqualTo(200);
    JsonObject stored = walk.api.get("/cases/" + id, walk.officer).json();
    assertThat(stored.get("hobbies")).isEqualTo(reordered.get("hobbies"));
    assertThat(stored.get("likelyPlaces")).isEqualTo(reordered.get("likelyPlaces"));
  }

  private static void assertProblem(Hostile hostile) {
    Reply reply =
        hostile.fromThePublic()
            ? fromThePublic(hostile)
            : raw.send(
                hostile.method(),
                hostile.path(),
                hostile.token(),
                hostile.contentType(),
                hostile.body() == null ? null : hostile.body().get(),
                hostile.headers());

    String seen = hostile.name() + ": " + reply.status() + " " + abbreviated(reply.body());
    assertThat(reply.status()).as(seen).isBetween(400, 499).isEqualTo(hostile.expected());
    assertThat(reply.contentType()).as(seen).startsWith("application/problem+json");
    JsonObject problem = reply.json().orElseThrow(() -> new AssertionError("not JSON: " + seen));
    assertThat(problem.getInt("status", 0)).as(seen).isEqualTo(reply.status());
    assertThat(problem.getString("title", "")).as(seen).isNotBlank();
    assertThat(problem.getString("detail", "")).as(seen).isNotBlank();
  }

  private static List<Hostile> corpus() {
    List<Hostile> corpus = new ArrayList<>();
    for (Endpoint endpoint : endpointsWithBodies()) {
      corpus.addAll(brokenDocuments(endpoint));
      corpus.addAll(wrongContentTypes(endpoint));
    }
    corpus.addAll(wrongTypesInTheCase());
    corpus.addAll(hugeFields());
    corpus.addAll(impossibleCoordinates());
    corpus.addAll(impossibleDates());
    corpus.addAll(unknownConstantsAndCode());
    corpus.addAll(uncleanUnicode());
    corpus.addAll(idsThatNameNothing());
    corpus.addAll(badQueryParameters());
    corpus.addAll(hugeBodies());
    corpus.addAll(wrongMethodsAndAnswerTypes());
    corpus.addAll(channelsAndTemplates());
    corpus.addAll(hostileSightings());
    corpus.addAll(hostilePhotos());
    corpus.addAll(hostileAccounts());
    corpus.addAll(hostileTriage());
    return corpus;
  }

  private static List<Endpoint> endpointsWithBodies() {
    String aCase = aCase().build().toString();
    return List.of(
        new Endpoint("POST", "/tokens", null, "{\"username\":\"officer\",\"password\":\"x\"}"),
        new Endpoint("POST", "/channels", walk.admin, channel("hostile-" + UUID.randomUUID())),
        new Endpoint("POST", "/cases", walk.officer, aCase),
        new Endpoint("PUT", "/cases/" + caseId, walk.officer, aCase),
        new Endpoint(
            "POST",
            "/cases/" + caseId + "/alerts",
            walk.officer,
            "{\"criteria\":{\"minor\":true,\"danger\":true,\"descriptionSufficient\":true,"
                + "\"guardianConsent\":true},\"exercise\":true}"),
        new Endpoint(
            "POST",
            "/alerts/" + pendingId + "/approval",
            walk.supervisor,
            "{\"decision\":\"REJECT\",\"reason\":\"not enough to go on\"}"),
        new Endpoint("POST", "/alerts/" + activeId + "/hold", walk.supervisor, "{\"held\":true}"),
        new Endpoint(
            "POST",
            "/alerts/" + activeId + "/cancellation",
            walk.supervisor,
            "{\"reason\":\"withdrawn\"}"),
        new Endpoint(
            "POST",
            "/cases/" + caseId + "/resolution",
            walk.supervisor,
            "{\"outcome\":\"FOUND_SAFE\",\"note\":\"home\"}"),
        Endpoint.ofThePublic(
            "POST", "/alerts/" + activeId + "/sightings", aSighting().build().toString()),
        new Endpoint(
            "POST",
            "/accounts",
            walk.admin,
            account("hostile-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, "system")),
        new Endpoint(
            "POST",
            "/sightings/" + sightingId + "/triage",
            walk.officer,
            "{\"status\":\"RELEVANT\",\"note\":\"called back\"}"),
        new Endpoint(
            "PUT",
            "/channels/" + channelId,
            walk.admin,
            "{\"languages\":[\"ar\"],\"exercise\":false}"),
        new Endpoint("PUT", TEMPLATE, walk.admin, "{\"text\":\"ⵉⵜⵜⵓⴽⴽⵙ. {reference}\"}"));
  }

  /** Revisions of a channel and templates that break a rule each, and paths that name nothing. */
  private static List<Hostile> channelsAndTemplates() {
    List<Hostile> hostile = new ArrayList<>();
    Endpoint channel = new Endpoint("PUT", "/channels/" + channelId, walk.admin, null);
    Map<String, String> revisions = new LinkedHashMap<>();
    revisions.put("a language Tifli cannot write", "{\"languages\":[\"es\"]}");
    revisions.put("a language given twice", "{\"languages\":[\"fr\",\"fr\"]}");
    revisions.put("a script for a language", "{\"languages\":[\"<script>\"]}");
    revisions.put("languages as a string", "{\"languages\":\"fr\"}");
    revisions.put("a language as a number", "{\"languages\":[1]}");
    revisions.put("no language at all", "{\"languages\":[]}");
    revisions.put("six languages", "{\"languages\":[\"ar\",\"fr\",\"en\",\"zgh\",\"ar\",\"fr\"]}");
    revisions.put("exercise as \"yes\"", "{\"exercise\":\"yes\"}");
    revisions.put("a blank secret", "{\"secret\":\"  \"}");
    revisions.put("a secret of 100 kB", "{\"secret\":\"" + HUNDRED_KB + "\"}");
    revisions.put("a secret of 4,000 bytes", "{\"secret\":\"" + "ش".repeat(2000) + "\"}");
    revisions.put("a new account id", "{\"accountId\":\"someone-else\"}");
    revisions.put("a new area in SQL", "{\"area\":\"'; DROP TABLE channel; --\"}");
    revisions.put("a new platform", "{\"platform\":\"X\"}");
    revisions.forEach((what, body) -> hostile.add(channel.send(what, JSON, body, 400)));
    Endpoint retirement =
        new Endpoint("POST", "/channels/" + channelId + "/retirement", walk.admin, null);
    hostile.add(
        retirement.send("a reason of 100 kB", JSON, "{\"reason\":\"" + HUNDRED_KB + "\"}", 400));
    hostile.add(retirement.send("a reason as a number", JSON, "{\"reason\":7}", 400));
    hostile.add(
        new Hostile(
            "DELETE /channels/{id}/retirement of a channel in service",
            "DELETE",
            "/channels/" + channelId + "/retirement",
            walk.admin,
            null,
            null,
            409));
    hostile.add(
        new Hostile(
            "GET /channels?status=BROKEN",
            "GET",
            "/channels?status=BROKEN",
            walk.admin,
            null,
            null,
            400));

    Endpoint template = new Endpoint("PUT", TEMPLATE, walk.admin, null);
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("a text of 100 kB", HUNDRED_KB + " {reference}");
    texts.put("the child's name in a closing message", "{name} {reference}");
    texts.put("no case reference", "ⵉⵜⵜⵓⴽⴽⵙ ⵓⵍⵖⵓ.");
    texts.put("a template expression", "${7*7} {{7*7}} {reference}");
    texts.put("the link as a placeholder", "{link} {reference}");
    texts.put("a blank text", "   ");
    texts.forEach(
        (what, text) ->
            hostile.add(
                template.send(
                    what,
                    JSON,
                    Json.createObjectBuilder().add("text", text).build().toString(),
                    400)));
    hostile.add(template.send("a text as a number", JSON, "{\"text\":42}", 400));
    hostile.add(template.send("no text", JSON, "{\"text\":null}", 400));
    for (String path :
        List.of("/templates/es/ALERT", "/templates/fr/RETRACTION", "/templates/%3Cb%3E/ALERT")) {
      hostile.add(
          new Hostile(
              "PUT " + path,
              "PUT",
              path,
              walk.admin,
              JSON,
              () -> BodyPublishers.ofString("{\"text\":\"{name} {reference}\"}"),
              404));
    }

    Endpoint preview = new Endpoint("POST", "/templates/fr/ALERT/preview", walk.admin, null);
    hostile.add(
        preview.send("a draft with an unknown placeholder", JSON, "{\"text\":\"{nom}\"}", 400));
    hostile.add(preview.send("an alert id as a string", JSON, "{\"alert\":\"12\"}", 400));
    hostile.add(preview.send("an alert id with a fraction", JSON, "{\"alert\":1.5}", 400));
    hostile.add(preview.send("an alert id as an object", JSON, "{\"alert\":{}}", 400));
    hostile.add(preview.send("an alert that does not exist", JSON, "{\"alert\":-1}", 404));
    hostile.add(preview.send("a pending alert", JSON, "{\"alert\":" + pendingId + "}", 409));
    hostile.add(preview.send("a body cut in half", JSON, "{\"text\":\"{na", 400));
    return hostile;
  }

  /** The endpoint's valid body, broken in one way each. */
  private static List<Hostile> brokenDocuments(Endpoint endpoint) {
    String valid = endpoint.validBody();
    String rest = valid.substring(1);
    String firstKey =
        Json.createReader(new StringReader(valid)).readObject().keySet().iterator().next();
    Map<String, String> broken = new LinkedHashMap<>();
    broken.put("an empty body", "");
    broken.put("the body null", "null");
    broken.put("a body cut in half", valid.substring(0, valid.length() / 2));
    broken.put("garbage after the body", valid + " garbage");
    broken.put("the body twice", valid + valid);
    broken.put("the body inside an array", "[" + valid + "]");
    broken.put("the body as one string", Json.createValue(valid).toString());
    broken.put("a number for a body", "42");
    broken.put("true for a body", "true");
    broken.put("a key given twice", "{\"" + firstKey + "\":null," + rest);
    broken.put("single quotes", valid.replace('"', '\''));
    broken.put("a comment", "/* hostile */ " + valid);
    broken.put("a trailing comma", valid.substring(0, valid.length() - 1) + ",}");
    broken.put(
        "10,000 levels of nesting",
        "{\"deep\":" + "[".repeat(10_000) + "]".repeat(10_000) + "," + rest);
    broken.put("a NUL in a text", "{\"note\":\"a\\u0000b\"," + rest);

    List<Hostile> hostile = new ArrayList<>();
    broken.forEach((what, body) -> hostile.add(endpoint.send(what, JSON, body, 400)));
    byte[] notUtf8 =
        concat(
            "{\"note\":\"".getBytes(StandardCharsets.UTF_8),
            new byte[] {(byte) 0xC3, (byte) 0x28},
            "\",".getBytes(StandardCharsets.UTF_8),
            rest.getBytes(StandardCharsets.UTF_8));
    hostile.add(
        endpoint.send(
            "bytes that are not UTF-8", JSON, () -> BodyPublishers.ofByteArray(notUtf8), 400));
    return hostile;
  }

  private static List<Hostile> wrongContentTypes(Endpoint endpoint) {
    String valid = endpoint.validBody();
    String bomb =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
            + "<lolz>&lol3;</lolz>";
    String external =
        "<?xml version=\"1.0\"?><!DOCTYPE case [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<case><circumstances>&xxe;</circumstances></case>";
    return List.of(
        endpoint.send("XML with an entity bomb", "application/xml", bomb, 415),
        endpoint.send("XML with an external entity", "text/xml", external, 415),
        endpoint.send("the JSON as text/plain", "text/plain", valid, 415),
        endpoint.send("the JSON with no Content-Type", null, valid, 415),
        endpoint.send("the JSON as a form", "application/x-www-form-urlencoded", valid, 415),
        endpoint.send("the JSON said to be UTF-16", JSON + ";charset=utf-16", valid, 415),
        endpoint.send("a Content-Type that does not parse", "garbage", valid, 400),
        endpoint.send(
            "a body of 5 MB",
            JSON,
            () -> BodyPublishers.ofString(padded(valid, 5 * MEGABYTE)),
            413));
  }

  private static List<Hostile> wrongTypesInTheCase() {
    List<Hostile> hostile = new ArrayList<>();
    for (String field : textFields()) {
      hostile.add(caseWith(field + " as a number", field, Json.createValue(42)));
      hostile.add(caseWith(field + " as an object", field, JsonValue.EMPTY_JSON_OBJECT));
    }
    for (String field : List.of("/child/givenName", "/circumstances", "/guardians/0/phone")) {
      hostile.add(caseWith(field + " as an array", field, array("a")));
      hostile.add(caseWith(field + " as a boolean", field, JsonValue.TRUE));
    }
    for (String field :
        List.of(
            "/child/heightCm",
            "/lastSeen/latitude",
            "/lastSeen/longitude",
            "/likelyPlaces/1/latitude",
            "/likelyPlaces/1/longitude")) {
      hostile.add(caseWith(field + " as a numeric string", field, Json.createValue("12")));
      hostile.add(caseWith(field + " as a boolean", field, JsonValue.TRUE));
      hostile.add(
          caseWith(field + " as an array", field, Json.createArrayBuilder().add(1).build()));
      hostile.add(caseWith(field + " as an object", field, JsonValue.EMPTY_JSON_OBJECT));
    }
    hostile.add(caseWith("a height with a fraction", "/child/heightCm", Json.createValue(120.5)));
    hostile.add(
        caseWith(
            "a height beyond an integer", "/child/heightCm", Json.createValue(2_147_483_648L)));
    String abduction = "/suspectedAbduction";
    hostile.add(caseWith(abduction + " as \"yes\"", abduction, Json.createValue("yes")));
    hostile.add(caseWith(abduction + " as \"true\"", abduction, Json.createValue("true")));
    hostile.add(caseWith(abduction + " as 1", abduction, Json.createValue(1)));
    hostile.add(
        caseWith(abduction + " as [true]", abduction, Json.createArrayBuilder().add(true).build()));
    hostile.add(caseWith(abduction + " as an object", abduction, JsonValue.EMPTY_JSON_OBJECT));
    for (String list : List.of("/child/languages", "/hobbies", "/likelyPlaces", "/guardians")) {
      hostile.add(caseWith(list + " as a string", list, Json.createValue("fr")));
      hostile.add(caseWith(list + " as an object", list, JsonValue.EMPTY_JSON_OBJECT));
    }
    hostile.add(caseWith("a language as a number", "/child/languages/0", Json.createValue(1)));
    hostile.add(
        caseWith("a likely place as a string", "/likelyPlaces/0", Json.createValue("the beach")));
    hostile.add(caseWith("a guardian as a string", "/guardians/0", Json.createValue("Khadija")));
    hostile.add(caseWith("a hobby as null", "/hobbies/0", JsonValue.NULL));
    hostile.add(caseWith("the child as a string", "/child", Json.createValue("Salma")));
    hostile.add(caseWith("the child as an array", "/child", JsonValue.EMPTY_JSON_ARRAY));
    hostile.add(caseWith("the child as a number", "/child", Json.createValue(1)));
    hostile.add(caseWith("the child as null", "/child", JsonValue.NULL));
    hostile.add(caseWith("lastSeen as a string", "/lastSeen", Json.createValue("yesterday")));
    hostile.add(caseWith("lastSeen as an array", "/lastSeen", JsonValue.EMPTY_JSON_ARRAY));
    hostile.add(caseWith("the vehicle as a string", "/vehicle", Json.createValue("white van")));
    hostile.add(
        caseWith(
            "the date of birth as a number", "/child/dateOfBirth", Json.createValue(20160514)));
    hostile.add(
        caseWith("the time last seen as a number", "/lastSeen/at", Json.createValue(1764521100)));
    return hostile;
  }

  private static List<Hostile> hugeFields() {
    List<Hostile> hostile = new ArrayList<>();
    for (String field : textFields()) {
      hostile.add(caseWith(field + " of 100 kB", field, Json.createValue(HUNDRED_KB)));
    }
    hostile.add(caseWith("1,000 hobbies", "/hobbies", repeated(Json.createValue("chess"), 1000)));
    hostile.add(
        caseWith("1,000 languages", "/child/languages", repeated(Json.createValue("fr"), 1000)));
    hostile.add(
        caseWith(
            "1,000 likely places",
            "/likelyPlaces",
            repeated(Json.createObjectBuilder().add("description", "a park").build(), 1000)));
    hostile.add(
        caseWith(
            "1,000 guardians",
            "/guardians",
            repeated(Json.createObjectBuilder().add("name", "an aunt").build(), 1000)));
    Endpoint tokens = new Endpoint("POST", "/tokens", null, null);
    hostile.add(tokens.send("a username of 100 kB", JSON, credentials(HUNDRED_KB, "x"), 400));
    hostile.add(tokens.send("a password of 100 kB", JSON, credentials("officer", HUNDRED_KB), 400));
    Endpoint channels = new Endpoint("POST", "/channels", walk.admin, null);
    String account = "hostile-" + UUID.randomUUID();
    hostile.add(channels.send("an account id of 100 kB", JSON, channel(HUNDRED_KB), 400));
    hostile.add(
        channels.send("a secret of 100 kB", JSON, channelWithSecret(account, HUNDRED_KB), 400));
    hostile.add(
        channels.send(
            "a secret of 2,000 Arabic letters, 4,000 bytes",
            JSON,
            channelWithSecret(account, "ش".repeat(2000)),
            400));
    hostile.add(
        new Endpoint("POST", "/cases/" + caseId + "/alerts", walk.officer, null)
            .send(
                "a justification of 100 kB",
                JSON,
                "{\"criteria\":{\"minor\":true},\"justification\":\"" + HUNDRED_KB + "\"}",
                400));
    hostile.add(
        new Endpoint("POST", "/alerts/" + pendingId + "/approval", walk.supervisor, null)
            .send(
                "a rejection reason of 100 kB",
                JSON,
                "{\"decision\":\"REJECT\",\"reason\":\"" + HUNDRED_KB + "\"}",
                400));
    hostile.add(
        new Endpoint("POST", "/alerts/" + activeId + "/cancellation", walk.supervisor, null)
            .send("a reason of 100 kB", JSON, "{\"reason\":\"" + HUNDRED_KB + "\"}", 400));
    hostile.add(
        new Endpoint("POST", "/cases/" + caseId + "/resolution", walk.supervisor, null)
            .send(
                "a note of 100 kB",
                JSON,
                "{\"outcome\":\"FOUND_SAFE\",\"note\":\"" + HUNDRED_KB + "\"}",
                400));
    return hostile;
  }

  private static List<Hostile> impossibleCoordinates() {
    List<Hostile> hostile = new ArrayList<>();
    for (String text : List.of("NaN", "Infinity", "-Infinity")) {
      hostile.add(
          caseWith("a latitude of \"" + text + "\"", "/lastSeen/latitude", Json.createValue(text)));
    }
    Map<String, String> latitudes = new LinkedHashMap<>();
    latitudes.put("1e308", "1e308");
    latitudes.put("-1e308", "-1e308");
    latitudes.put("1e400", "1e400");
    latitudes.put("-91", "-91");
    latitudes.put("91", "91");
    latitudes.put("90.000001", "90.000001");
    latitudes.forEach(
        (what, number) ->
            hostile.add(
                caseWith(
                    "a latitude of " + what,
                    "/lastSeen/latitude",
                    Json.createValue(new BigDecimal(number)))));
    for (String number : List.of("181", "-181", "-1e308", "1e400")) {
      hostile.add(
          caseWith(
              "a longitude of " + number,
              "/lastSeen/longitude",
              Json.createValue(new BigDecimal(number))));
    }
    hostile.add(
        caseWith(
            "a likely place at latitude 91", "/likelyPlaces/1/latitude", Json.createValue(91)));
    hostile.add(
        caseWith(
            "a likely place at longitude 181", "/likelyPlaces/1/longitude", Json.createValue(181)));
    hostile.add(
        caseWith(
            "a likely place at latitude \"NaN\"",
            "/likelyPlaces/1/latitude",
            Json.createValue("NaN")));
    JsonObject halfAPlace =
        (JsonObject) Json.createPointer("/likelyPlaces/1/longitude").remove(aCase().build());
    hostile.add(
        new Endpoint("POST", "/cases", walk.officer, null)
            .send("a likely place with a latitude only", JSON, halfAPlace.toString(), 400));
    return hostile;
  }

  private static List<Hostile> impossibleDates() {
    List<Hostile> hostile = new ArrayList<>();
    for (String date :
        List.of(
            "2016-02-30",
            "2016-13-01",
            "2016-00-10",
            "+99999-01-01",
            "garbage",
            "",
            "2099-01-01",
            "1850-01-01",
            "2016-05-14T00:00:00Z",
            "14/05/2016")) {
      hostile.add(
          caseWith(
              "a date of birth of \"" + date + "\"", "/child/dateOfBirth", Json.createValue(date)));
    }
    for (String time :
        List.of(
            "2026-02-30T10:00:00Z",
            "2026-11-30T25:00:00Z",
            "+99999-01-01T00:00:00Z",
            "garbage",
            "",
            "2099-01-01T00:00:00Z",
            "2015-01-01T00:00:00Z",
            "2026-11-30",
            "2026-11-30T16:45:00")) {
      hostile.add(
          caseWith("a time last seen of \"" + time + "\"", "/lastSeen/at", Json.createValue(time)));
    }
    return hostile;
  }

  private static List<Hostile> unknownConstantsAndCode() {
    List<Hostile> hostile = new ArrayList<>();
    for (String sex : List.of("ALIEN", "female", "", "'; DROP TABLE missing_child_case; --")) {
      hostile.add(caseWith("a sex of \"" + sex + "\"", "/child/sex", Json.createValue(sex)));
    }
    for (String language : List.of("French", "<script>", "", "fr'--")) {
      hostile.add(
          caseWith(
              "a language of \"" + language + "\"",
              "/child/languages/0",
              Json.createValue(language)));
    }
    for (String phone :
        List.of("<script>alert(1)</script>", "'; DROP TABLE guardian; --", "call me")) {
      hostile.add(
          caseWith("a phone of \"" + phone + "\"", "/guardians/0/phone", Json.createValue(phone)));
    }
    Endpoint channels = new Endpoint("POST", "/channels", walk.admin, null);
    String account = "hostile-" + UUID.randomUUID();
    for (String platform : List.of("MYSPACE", "facebook", "")) {
      hostile.add(
          channels.send(
              "a platform of \"" + platform + "\"",
              JSON,
              channel(account).replace("\"FACEBOOK\"", "\"" + platform + "\""),
              400));
    }
    for (String area : List.of("'; DROP TABLE channel; --", "<b>", "XX-NOPE")) {
      hostile.add(
          channels.send(
              "an area of \"" + area + "\"",
              JSON,
              channel(account).replace("\"MA-OUD\"", Json.createValue(area).toString()),
              400));
    }
    hostile.add(
        channels.send(
            "a language of \"English\"",
            JSON,
            channel(account).replace("[\"fr\"]", "[\"English\"]"),
            400));
    hostile.add(
        channels.send(
            "a language of null", JSON, channel(account).replace("[\"fr\"]", "[null]"), 400));
    Endpoint approval =
        new Endpoint("POST", "/alerts/" + pendingId + "/approval", walk.supervisor, null);
    for (String decision : List.of("MAYBE", "approve", "APPROVE' OR '1'='1")) {
      hostile.add(
          approval.send(
              "a decision of \"" + decision + "\"",
              JSON,
              "{\"decision\":" + Json.createValue(decision) + "}",
              400));
    }
    hostile.add(
        approval.send("a rejection without a reason", JSON, "{\"decision\":\"REJECT\"}", 400));
    Endpoint resolution =
        new Endpoint("POST", "/cases/" + caseId + "/resolution", walk.supervisor, null);
    for (String outcome : List.of("FOUND_ON_MARS", "found_safe", "FOUND_SAFE; DROP TABLE alert")) {
      hostile.add(
          resolution.send(
              "an outcome of \"" + outcome + "\"",
              JSON,
              "{\"outcome\":" + Json.createValue(outcome) + "}",
              400));
    }
    Endpoint hold = new Endpoint("POST", "/alerts/" + activeId + "/hold", walk.supervisor, null);
    hostile.add(hold.send("held as \"true\"", JSON, "{\"held\":\"true\"}", 400));
    hostile.add(hold.send("held missing", JSON, "{}", 400));
    Endpoint cancellation =
        new Endpoint("POST", "/alerts/" + activeId + "/cancellation", walk.supervisor, null);
    hostile.add(cancellation.send("a blank reason", JSON, "{\"reason\":\"   \"}", 400));
    Endpoint tokens = new Endpoint("POST", "/tokens", null, null);
    for (String username : List.of("' OR '1'='1", "admin'--", "<script>alert(1)</script>")) {
      hostile.add(
          tokens.send("the username \"" + username + "\"", JSON, credentials(username, "x"), 401));
    }
    hostile.add(tokens.send("no password", JSON, "{\"username\":\"officer\"}", 400));
    return hostile;
  }

  private static List<Hostile> uncleanUnicode() {
    List<Hostile> hostile = new ArrayList<>();
    Map<String, String> escaped = new LinkedHashMap<>();
    escaped.put("a lone high surrogate", "\\ud800");
    escaped.put("a lone low surrogate", "\\udc00");
    escaped.put("half of an emoji", "Salma \\ud83d");
    escaped.put("a NUL", "Sal\\u0000ma");
    escaped.put("a bell", "Salma\\u0007");
    escaped.put("a terminal escape", "\\u001b[31mSalma");
    String aCase = aCase().build().toString();
    Endpoint cases = new Endpoint("POST", "/cases", walk.officer, null);
    escaped.forEach(
        (what, text) ->
            hostile.add(
                cases.send(
                    "a given name with " + what,
                    JSON,
                    aCase.replace("\"Salma\"", "\"" + text + "\""),
                    400)));
    hostile.add(
        cases.send(
            "a key with a NUL", JSON, aCase.replace("\"givenName\"", "\"given\\u0000Name\""), 400));
    Map<String, byte[]> raw = new LinkedHashMap<>();
    raw.put("a raw control character", new byte[] {0x01});
    raw.put("an overlong encoding", new byte[] {(byte) 0xC0, (byte) 0xAF});
    raw.put("an encoded surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
    raw.put("a byte that starts nothing", new byte[] {(byte) 0xFF});
    int at = aCase.indexOf("Salma") + 2;
    raw.forEach(
        (what, bytes) -> {
          byte[] body =
              concat(
                  aCase.substring(0, at).getBytes(StandardCharsets.UTF_8),
                  bytes,
                  aCase.substring(at).getBytes(StandardCharsets.UTF_8));
          hostile.add(
              cases.send(
                  "a given name with " + what, JSON, () -> BodyPublishers.ofByteArray(body), 400));
        });
    return hostile;
  }

  private static List<Hostile> idsThatNameNothing() {
    String aCase = aCase().build().toString();
    List<Hostile> hostile = new ArrayList<>();
    for (String id :
        List.of("abc", "1.5", "0x10", "1e3", "99999999999999999999", "-1", "9223372036854775807")) {
      Map<String, String[]> paths = new LinkedHashMap<>();
      paths.put("GET /cases/" + id, new String[] {walk.officer, null});
      paths.put("PUT /cases/" + id, new String[] {walk.officer, aCase});
      paths.put("GET /cases/" + id + "/audit", new String[] {walk.supervisor, null});
      paths.put("GET /cases/" + id + "/alerts", new String[] {walk.officer, null});
      paths.put(
          "POST /cases/" + id + "/alerts",
          new String[] {
            walk.officer,
            "{\"criteria\":{\"minor\":true,\"danger\":true,"
                + "\"descriptionSufficient\":true,\"guardianConsent\":true}}"
          });
      paths.put(
          "POST /cases/" + id + "/resolution",
          new String[] {walk.supervisor, "{\"outcome\":\"FOUND_SAFE\"}"});
      paths.put("GET /alerts/" + id, new String[] {walk.supervisor, null});
      paths.put(
          "POST /alerts/" + id + "/approval",
          new String[] {walk.supervisor, "{\"decision\":\"APPROVE\"}"});
      paths.put("POST /alerts/" + id + "/widening", new String[] {walk.supervisor, ""});
      paths.put("POST /alerts/" + id + "/hold", new String[] {walk.supervisor, "{\"held\":true}"});
      paths.put("POST /alerts/" + id + "/renewal", new String[] {walk.supervisor, ""});
      paths.put(
          "POST /alerts/" + id + "/cancellation",
          new String[] {walk.supervisor, "{\"reason\":\"withdrawn\"}"});
      paths.put("GET /channels/" + id, new String[] {walk.admin, null});
      paths.put("PUT /channels/" + id, new String[] {walk.admin, "{\"exercise\":true}"});
      paths.put("POST /channels/" + id + "/retirement", new String[] {walk.admin, "{}"});
      paths.put("GET /channels/" + id + "/audit", new String[] {walk.admin, null});
      paths.forEach(
          (request, tokenAndBody) -> {
            String[] parts = request.split(" ");
            String body = tokenAndBody[1];
            hostile.add(
                new Hostile(
                    request + " (an id that names nothing)",
                    parts[0],
                    parts[1],
                    tokenAndBody[0],
                    body == null ? null : JSON,
                    body == null ? null : () -> BodyPublishers.ofString(body),
                    404));
          });
    }
    return hostile;
  }

  private static List<Hostile> badQueryParameters() {
    List<Hostile> hostile = new ArrayList<>();
    for (String query :
        List.of(
            "page=-1",
            "page=abc",
            "page=1.5",
            "page=100001",
            "page=99999999999",
            "size=0",
            "size=-5",
            "size=101",
            "size=abc",
            "size=99999999999",
            "status=LOST",
            "status=open",
            "status=" + encoded("' OR 1=1 --"),
            "area=" + encoded("<script>alert(1)</script>"),
            "area=" + encoded("' OR '1'='1"),
            "area=%00",
            "area=MA-CAS%0D%0AX-Injected:%201")) {
      hostile.add(
          new Hostile(
              "GET /cases?" + query, "GET", "/cases?" + query, walk.officer, null, null, 400));
    }
    Map<String, String> pagedLists = new LinkedHashMap<>();
    pagedLists.put("/cases/" + caseId + "/audit", walk.supervisor);
    pagedLists.put("/cases/" + caseId + "/alerts", walk.officer);
    pagedLists.put("/cases/" + caseId + "/photos", walk.officer);
    pagedLists.put("/cases/" + caseId + "/sightings", walk.officer);
    pagedLists.put("/alerts/" + activeId + "/sightings", walk.officer);
    pagedLists.put("/accounts", walk.admin);
    pagedLists.put("/accounts/" + target + "/audit", walk.admin);
    pagedLists.forEach(
        (list, token) -> {
          for (String query : List.of("page=-1", "page=100001", "size=0", "size=101", "size=abc")) {
            String path = list + "?" + query;
            hostile.add(
                new Hostile(
                    "GET " + path.replaceAll("/\\d+", "/{id}").replace(target, "{username}"),
                    "GET",
                    path,
                    token,
                    null,
                    null,
                    400));
          }
        });
    hostile.add(
        new Hostile(
            "GET /channels?area=<script>",
            "GET",
            "/channels?area=" + encoded("<script>"),
            walk.admin,
            null,
            null,
            400));
    return hostile;
  }

  private static List<Hostile> hugeBodies() {
    String aCase = aCase().build().toString();
    Endpoint cases = new Endpoint("POST", "/cases", walk.officer, aCase);
    Endpoint tokens = new Endpoint("POST", "/tokens", null, null);
    return List.of(
        cases.send(
            "a body of 20 MB",
            JSON,
            () -> BodyPublishers.ofString(padded(aCase, 20 * MEGABYTE)),
            413),
        cases.send(
            "a body of 20 MB without a length",
            JSON,
            () -> chunked(padded(aCase, 20 * MEGABYTE)),
            413),
        cases.send(
            "an XML body of 5 MB",
            "application/xml",
            () -> BodyPublishers.ofString("<a>" + "x".repeat(5 * MEGABYTE) + "</a>"),
            413),
        tokens.send(
            "a body of 20 MB without a length",
            JSON,
            () -> chunked(padded(credentials("officer", "x"), 20 * MEGABYTE)),
            413));
  }

  private static List<Hostile> wrongMethodsAndAnswerTypes() {
    return List.of(
        new Hostile(
            "DELETE /cases/{id}", "DELETE", "/cases/" + caseId, walk.officer, null, null, 405),
        new Hostile(
            "PATCH /cases/{id}",
            "PATCH",
            "/cases/" + caseId,
            walk.officer,
            JSON,
            () -> BodyPublishers.ofString("{\"circumstances\":\"patched\"}"),
            405),
        new Hostile(
            "PUT /alerts/{id}",
            "PUT",
            "/alerts/" + activeId,
            walk.supervisor,
            JSON,
            () -> BodyPublishers.ofString("{}"),
            405),
        new Hostile("DELETE /channels", "DELETE", "/channels", walk.admin, null, null, 405),
        new Hostile(
            "POST /areas",
            "POST",
            "/areas",
            walk.officer,
            JSON,
            () -> BodyPublishers.ofString("{}"),
            405),
        accepting("application/xml"),
        accepting("text/html"));
  }

  private static Hostile accepting(String type) {
    return new Hostile(
        "GET /cases/{id} accepting only " + type,
        "GET",
        "/cases/" + caseId,
        walk.officer,
        null,
        null,
        Map.of("Accept", type),
        406);
  }

  /**
   * Sightings the public should not be able to make: values of the wrong type, impossible places
   * and times, texts too long, for alerts that are not public, and bodies of megabytes.
   */
  private static List<Hostile> hostileSightings() {
    List<Hostile> hostile = new ArrayList<>();
    for (String field : List.of("/latitude", "/longitude")) {
      hostile.add(sightingWith(field + " as a numeric string", field, Json.createValue("33.5")));
      hostile.add(sightingWith(field + " as a boolean", field, JsonValue.TRUE));
      hostile.add(sightingWith(field + " as an array", field, array("1")));
      hostile.add(sightingWith(field + " as null", field, JsonValue.NULL));
      hostile.add(sightingWith(field + " as \"NaN\"", field, Json.createValue("NaN")));
      hostile.add(sightingWith(field + " of 1e400", field, number("1e400")));
      hostile.add(sightingWith(field + " missing", field, null));
    }
    hostile.add(sightingWith("a latitude of 90.5", "/latitude", number("90.5")));
    hostile.add(sightingWith("a longitude of -180.5", "/longitude", number("-180.5")));
    hostile.add(sightingWith("a point in Paris", "/latitude", number("48.8566")));
    for (String time :
        List.of(
            "2026-02-30T10:00:00Z",
            "yesterday",
            "",
            "2026-12-01",
            "2099-01-01T00:00:00Z",
            "1900-01-01T00:00:00Z",
            "2026-12-01T10:00:00+25:00")) {
      hostile.add(sightingWith("seen at \"" + time + "\"", "/seenAt", Json.createValue(time)));
    }
    hostile.add(sightingWith("seen at a number", "/seenAt", Json.createValue(1764583200)));
    hostile.add(sightingWith("no time", "/seenAt", null));
    hostile.add(sightingWith("no description", "/description", null));
    hostile.add(sightingWith("a blank description", "/description", Json.createValue("   ")));
    hostile.add(sightingWith("a description of 100 kB", "/description", text(HUNDRED_KB)));
    hostile.add(sightingWith("a description as a number", "/description", Json.createValue(7)));
    hostile.add(
        sightingWith("a description as an object", "/description", JsonValue.EMPTY_JSON_OBJECT));
    hostile.add(sightingWith("a contact of 100 kB", "/contact", text(HUNDRED_KB)));
    hostile.add(sightingWith("a contact with a script", "/contact", text("<script>x</script>")));
    hostile.add(sightingWith("a contact as a number", "/contact", Json.createValue(612345678)));
    String valid = aSighting().build().toString();
    for (String id : List.of("abc", "-1", "99999999999999999999", "987654321", "" + pendingId)) {
      hostile.add(
          Endpoint.ofThePublic("POST", "/alerts/" + id + "/sightings", null)
              .send("for the alert \"" + id + "\", never public", JSON, valid, 404));
    }
    Endpoint sightings = Endpoint.ofThePublic("POST", sightingsPath(), null);
    hostile.add(
        sightings.send(
            "a body of 20 MB",
            JSON,
            () -> BodyPublishers.ofString(padded(valid, 20 * MEGABYTE)),
            413));
    hostile.add(
        sightings.send(
            "a body of 20 MB without a length",
            JSON,
            () -> chunked(padded(valid, 20 * MEGABYTE)),
            413));
    return hostile;
  }

  /**
   * Uploads that are no photo of a case, whatever they claim: other formats, fake and truncated
   * images, images of absurd sizes, files too large, broken or missing parts, and bodies that are
   * no multipart at all.
   */
  private static List<Hostile> hostilePhotos() {
    byte[] jpeg = DrawnImage.of("jpg", 64, 48);
    Map<String, byte[]> notPhotos = new LinkedHashMap<>();
    notPhotos.put("a GIF", DrawnImage.of("gif", 64, 48));
    notPhotos.put("a BMP", DrawnImage.of("bmp", 64, 48));
    notPhotos.put("a script", bytes("<script>alert(document.cookie)</script>"));
    notPhotos.put(
        "an SVG with a script",
        bytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"));
    notPhotos.put("an HTML page", bytes("<!DOCTYPE html><html><body>hello</body></html>"));
    notPhotos.put("a ZIP archive", concat(new byte[] {'P', 'K', 3, 4}, new byte[400]));
    notPhotos.put("a JPEG's first bytes then garbage", concat(prefix(jpeg, 4), garbage(4000)));
    notPhotos.put("a JPEG cut after 20 bytes", prefix(jpeg, 20));
    notPhotos.put("a PNG signature then garbage", concat(prefix(PNG_SIGNATURE, 8), garbage(4000)));
    notPhotos.put("a PNG of 100,000 by 100,000 pixels", pngHeader(100_000, 100_000));
    notPhotos.put("a PNG of 0 by 0 pixels", pngHeader(0, 0));
    notPhotos.put("a JPEG of 60,000 by 60,000 pixels", jpegOfSize(jpeg, 60_000, 60_000));
    notPhotos.put("an empty file", new byte[0]);
    List<Hostile> hostile = new ArrayList<>();
    notPhotos.forEach(
        (what, content) ->
            hostile.add(
                upload(
                    what + " named child.jpg",
                    new MultipartBody().file("photo", "child.jpg", "image/jpeg", content),
                    400)));
    hostile.add(upload("no photo part", new MultipartBody().field("publication", "true"), 400));
    hostile.add(
        upload(
            "the photo in a part named file",
            new MultipartBody().file("file", "child.jpg", "image/jpeg", jpeg),
            400));
    hostile.add(
        upload(
            "publication \"maybe\"",
            new MultipartBody()
                .file("photo", "child.jpg", "image/jpeg", jpeg)
                .field("publication", "maybe"),
            400));
    hostile.add(
        upload(
            "a publication field of 1 MB",
            new MultipartBody()
                .file("photo", "child.jpg", "image/jpeg", jpeg)
                .field("publication", "true".repeat(MEGABYTE / 4)),
            400));
    hostile.add(
        upload(
            "a photo of 6 MB",
            new MultipartBody()
                .file("photo", "child.jpg", "image/jpeg", Arrays.copyOf(jpeg, 6 * MEGABYTE)),
            413));
    MultipartBody twentyMegabytes =
        new MultipartBody()
            .file("photo", "child.jpg", "image/jpeg", Arrays.copyOf(jpeg, 20 * MEGABYTE));
    Endpoint photos = new Endpoint("POST", photosPath(), walk.officer, null);
    hostile.add(
        photos.send(
            "a photo of 20 MB without a length",
            twentyMegabytes.contentType(),
            () -> chunked(twentyMegabytes.bytes()),
            413));
    MultipartBody cutOff = new MultipartBody().file("photo", "child.jpg", "image/jpeg", jpeg);
    hostile.add(
        photos.send(
            "a multipart body cut off before its end",
            cutOff.contentType(),
            cutOff.unfinished(),
            400));
    hostile.add(
        photos.send(
            "a multipart body of garbage", new MultipartBody().contentType(), garbage(2000), 400));
    hostile.add(
        photos.send(
            "a multipart body without a boundary",
            "multipart/form-data",
            new MultipartBody().file("photo", "child.jpg", "image/jpeg", jpeg).bytes(),
            400));
    hostile.add(photos.send("the image as the whole body", "image/jpeg", jpeg, 415));
    hostile.add(photos.send("JSON", JSON, "{\"photo\":\"/9j/4AAQ\"}", 415));
    hostile.add(photos.send("no Content-Type", null, jpeg, 415));
    for (String id : List.of("abc", "-1", "987654321")) {
      MultipartBody body = new MultipartBody().file("photo", "child.jpg", "image/jpeg", jpeg);
      hostile.add(
          new Endpoint("POST", "/cases/" + id + "/photos", walk.officer, null)
              .send("for the case \"" + id + "\"", body.contentType(), body.bytes(), 404));
    }
    return hostile;
  }

  /** Accounts that must not be made, and changes to accounts that must not happen. */
  private static List<Hostile> hostileAccounts() {
    List<Hostile> hostile = new ArrayList<>();
    Endpoint accounts = new Endpoint("POST", "/accounts", walk.admin, null);
    for (String username :
        List.of(
            "Officer2",
            "with space",
            "../../etc/passwd",
            "<script>alert(1)</script>",
            "' OR '1'='1",
            "-dash-first",
            "",
            "u".repeat(65))) {
      hostile.add(
          accounts.send(
              "the username \"" + abbreviated(username, 20) + "\"",
              JSON,
              account(username, PASSWORD, "officer"),
              400));
    }
    String fresh = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
    JsonObject valid =
        Json.createReader(new StringReader(account(fresh, PASSWORD, "officer"))).readObject();
    Map<String, JsonValue> wrong = new LinkedHashMap<>();
    wrong.put("the username as a number", Json.createValue(42));
    wrong.put("the username as an array", array(fresh));
    wrong.put("the username as null", JsonValue.NULL);
    for (Map.Entry<String, JsonValue> entry : wrong.entrySet()) {
      hostile.add(
          accounts.send(
              entry.getKey(), JSON, with(valid, "/username", entry.getValue()).toString(), 400));
    }
    Map<String, JsonValue> passwords = new LinkedHashMap<>();
    passwords.put("a password of 11 characters", Json.createValue("short-pass1"));
    passwords.put("a password that holds the username", Json.createValue(fresh + "-secret"));
    passwords.put("a password of 201 characters", Json.createValue("p".repeat(201)));
    passwords.put("a password of 100 kB", text(HUNDRED_KB));
    passwords.put("a password as a number", Json.createValue(123456789012L));
    passwords.put("no password", JsonValue.NULL);
    passwords.forEach(
        (what, password) ->
            hostile.add(
                accounts.send(what, JSON, with(valid, "/password", password).toString(), 400)));
    Map<String, JsonValue> roles = new LinkedHashMap<>();
    roles.put("no roles", JsonValue.EMPTY_JSON_ARRAY);
    roles.put("the role root", array("root"));
    roles.put("the role OFFICER", array("OFFICER"));
    roles.put("a role as a string", Json.createValue("officer"));
    roles.put("a role as a number", Json.createArrayBuilder().add(1).build());
    roles.put("a role as null", Json.createArrayBuilder().addNull().build());
    roles.put("roles as an object", JsonValue.EMPTY_JSON_OBJECT);
    roles.put("five roles", repeated(Json.createValue("officer"), 5));
    roles.put("a role with SQL", array("officer' OR '1'='1"));
    roles.forEach(
        (what, value) ->
            hostile.add(accounts.send(what, JSON, with(valid, "/roles", value).toString(), 400)));
    hostile.add(
        accounts.send(
            "the name of an account that exists", JSON, account("admin", PASSWORD, "admin"), 409));
    Endpoint disabling =
        new Endpoint("POST", "/accounts/" + target + "/disabling", walk.admin, null);
    hostile.add(
        disabling.send("a reason of 100 kB", JSON, "{\"reason\":\"" + HUNDRED_KB + "\"}", 400));
    hostile.add(disabling.send("a reason as a number", JSON, "{\"reason\":42}", 400));
    hostile.add(disabling.send("a reason as an array", JSON, "{\"reason\":[\"x\"]}", 400));
    hostile.add(disabling.send("a body cut in half", JSON, "{\"reason\":\"le", 400));
    hostile.add(disabling.send("XML", "application/xml", "<reason>x</reason>", 415));
    hostile.add(
        new Endpoint("POST", "/accounts/admin/disabling", walk.admin, null)
            .send("by the administrator, of their own account", JSON, "{}", 403));
    for (String name : List.of("nobody-" + UUID.randomUUID(), "u".repeat(1000), "%2e%2e")) {
      String shown = abbreviated(name, 20);
      hostile.add(
          new Hostile(
              "GET /accounts/" + shown + " (a name that names nobody)",
              "GET",
              "/accounts/" + name,
              walk.admin,
              null,
              null,
              404));
      hostile.add(
          new Endpoint("POST", "/accounts/" + name + "/disabling", walk.admin, null)
              .send("of " + shown + ", who is nobody", JSON, "{}", 404));
      hostile.add(
          new Endpoint("POST", "/accounts/" + name + "/enabling", walk.admin, null)
              .send("of " + shown + ", who is nobody", JSON, "{}", 404));
    }
    return hostile;
  }

  /** Verdicts on a sighting that are none, and sightings that do not exist. */
  private static List<Hostile> hostileTriage() {
    List<Hostile> hostile = new ArrayList<>();
    Endpoint triage =
        new Endpoint("POST", "/sightings/" + sightingId + "/triage", walk.officer, null);
    Map<String, JsonValue> statuses = new LinkedHashMap<>();
    statuses.put("back to NEW", Json.createValue("NEW"));
    statuses.put("relevant in lower case", Json.createValue("relevant"));
    statuses.put("a status with SQL", Json.createValue("RELEVANT' OR '1'='1"));
    statuses.put("a status as a number", Json.createValue(1));
    statuses.put("a status as an array", array("RELEVANT"));
    statuses.put("no status", JsonValue.NULL);
    statuses.forEach(
        (what, status) ->
            hostile.add(
                triage.send(
                    what,
                    JSON,
                    Json.createObjectBuilder().add("status", status).build().toString(),
                    400)));
    hostile.add(
        triage.send(
            "a note of 100 kB",
            JSON,
            "{\"status\":\"RELEVANT\",\"note\":\"" + HUNDRED_KB + "\"}",
            400));
    for (String id : List.of("abc", "-1", "987654321")) {
      hostile.add(
          new Endpoint("POST", "/sightings/" + id + "/triage", walk.officer, null)
              .send("of the sighting \"" + id + "\"", JSON, "{\"status\":\"RELEVANT\"}", 404));
      hostile.add(
          new Hostile(
              "GET /sightings/" + id + " (an id that names nothing)",
              "GET",
              "/sightings/" + id,
              walk.officer,
              null,
              null,
              404));
    }
    return hostile;
  }

  /** A sighting of the active alert with one value replaced (or removed, for null): a 400. */
  private static Hostile sightingWith(String what, String pointer, JsonValue value) {
    JsonObject valid = aSighting().build();
    JsonObject sent =
        value == null
            ? (JsonObject) Json.createPointer(pointer).remove(valid)
            : with(valid, pointer, value);
    return Endpoint.ofThePublic("POST", sightingsPath(), null)
        .send(what, JSON, sent.toString(), 400);
  }

  private static Hostile upload(String what, MultipartBody body, int expected) {
    return new Endpoint("POST", photosPath(), walk.officer, null)
        .send(what, body.contentType(), body.bytes(), expected);
  }

  private static String sightingsPath() {
    return "/alerts/" + activeId + "/sightings";
  }

  private static String photosPath() {
    return "/cases/" + caseId + "/photos";
  }

  /** Sends the request as someone of the public, from a loopback address of its own. */
  private static Reply fromThePublic(Hostile hostile) {
    BodyPublisher body = hostile.body() == null ? null : hostile.body().get();
    PublicReporter.Reply reply =
        PublicReporter.fresh(tifli.appUrl())
            .send(
                hostile.method(),
                hostile.path(),
                hostile.contentType(),
                body == null ? null : drain(body),
                body != null && body.contentLength() < 0);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    reply.headers().forEach((name, value) -> headers.put(name, List.of(value)));
    return new Reply(reply.status(), headers, reply.body());
  }

  /** The bytes a body publisher gives. */
  private static byte[] drain(BodyPublisher body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CompletableFuture<byte[]> done = new CompletableFuture<>();
    body.subscribe(
        new Flow.Subscriber<ByteBuffer>() {
          @Override
          public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(ByteBuffer item) {
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            bytes.writeBytes(chunk);
          }

          @Override
          public void onError(Throwable failure) {
            done.completeExceptionally(failure);
          }

          @Override
          public void onComplete() {
            done.complete(bytes.toByteArray());
          }
        });
    return done.join();
  }

  /** The eight bytes every PNG starts with. */
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  /** A PNG's signature and header chunk (with its checksum), claiming the size, and no pixels. */
  private static byte[] pngHeader(int width, int height) {
    ByteBuffer chunk = ByteBuffer.allocate(17);
    chunk.put("IHDR".getBytes(StandardCharsets.US_ASCII));
    chunk.putInt(width).putInt(height);
    chunk.put(new byte[] {8, 2, 0, 0, 0});
    CRC32 crc = new CRC32();
    crc.update(chunk.array());
    ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
    png.put(PNG_SIGNATURE).putInt(13).put(chunk.array()).putInt((int) crc.getValue());
    return png.array();
  }

  /** The JPEG with the size its frame header declares changed; its pixels stay as they were. */
  private static byte[] jpegOfSize(byte[] jpeg, int width, int height) {
    byte[] changed = jpeg.clone();
    for (int i = 2; i + 8 < changed.length; i++) {
      if ((changed[i] & 0xFF) == 0xFF && (changed[i + 1] & 0xFF) == 0xC0) {
        ByteBuffer.wrap(changed, i + 5, 4).putShort((short) height).putShort((short) width);
        return changed;
      }
    }
    throw new IllegalStateException("no baseline frame header in the JPEG");
  }

  private static byte[] garbage(int length) {
    byte[] bytes = new byte[length];
    new Random(length).nextBytes(bytes);
    return bytes;
  }

  private static byte[] prefix(byte[] bytes, int length) {
    return Arrays.copyOf(bytes, length);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static JsonValue text(String text) {
    return Json.createValue(text);
  }

  private static JsonValue number(String number) {
    return Json.createValue(new BigDecimal(number));
  }

  /** A sighting of the active alert, seen ten minutes ago in Dakhla. */
  private static JsonObjectBuilder aSighting() {
    return Json.createObjectBuilder()
        .add("seenAt", Instant.now().minus(Duration.ofMinutes(10)).toString())
        .add("latitude", DAKHLA[0])
        .add("longitude", DAKHLA[1])
        .add("description", "a girl in a blue smock near the harbour")
        .add("contact", "+212 611 223 344");
  }

  private static String account(String username, String password, String role) {
    return Json.createObjectBuilder()
        .add("username", username)
        .add("password", password)
        .add("roles", Json.createArrayBuilder().add(role))
        .build()
        .toString();
  }

  /** The case the corpus breaks: every field of the intake, last seen in Dakhla. */
  private static JsonObjectBuilder aCase() {
    return Walk.fullCase(DAKHLA[0], DAKHLA[1])
        .add("suspect", "a man in a grey jacket")
        .add(
            "vehicle",
            Json.createObjectBuilder().add("description", "a white van").add("plate", "12345-A-6"));
  }

  /** Every text field of a case, as JSON pointers into {@link #aCase()}. */
  private static List<String> textFields() {
    return List.of(
        "/child/givenName",
        "/child/familyName",
        "/child/givenNameAr",
        "/child/familyNameAr",
        "/child/build",
        "/child/hair",
        "/child/eyes",
        "/child/distinguishingMarks",
        "/child/clothing",
        "/child/medicalNeeds",
        "/lastSeen/place",
        "/lastSeen/seenBy",
        "/circumstances",
        "/suspect",
        "/vehicle/description",
        "/vehicle/plate",
        "/personalProblems",
        "/friendsAndContacts",
        "/reportingUnit",
        "/hobbies/0",
        "/likelyPlaces/0/description",
        "/guardians/0/name",
        "/guardians/0/relation",
        "/guardians/0/phone");
  }

  /** The case opened with one value replaced: refused with a 400. */
  private static Hostile caseWith(String what, String pointer, JsonValue value) {
    return new Endpoint("POST", "/cases", walk.officer, null)
        .send(what, JSON, with(aCase().build(), pointer, value).toString(), 400);
  }

  private static JsonObject with(JsonObject json, String pointer, JsonValue value) {
    JsonPointer at = Json.createPointer(pointer);
    return at.containsValue(json) ? at.replace(json, value) : at.add(json, value);
  }

  /** A case with every text as long as the intake allows, in Latin and Arabic script. */
  private static JsonObject longestCase() {
    JsonObject longest = aCase().build();
    Map<String, Integer> lengths = new LinkedHashMap<>();
    lengths.put("/child/givenName", 100);
    lengths.put("/child/familyName", 100);
    lengths.put("/child/build", 100);
    lengths.put("/child/hair", 100);
    lengths.put("/child/eyes", 100);
    lengths.put("/child/distinguishingMarks", 1000);
    lengths.put("/child/clothing", 1000);
    lengths.put("/child/medicalNeeds", 1000);
    lengths.put("/lastSeen/place", 500);
    lengths.put("/lastSeen/seenBy", 200);
    lengths.put("/circumstances", 4000);
    lengths.put("/suspect", 4000);
    lengths.put("/vehicle/description", 500);
    lengths.put("/vehicle/plate", 20);
    lengths.put("/personalProblems", 4000);
    lengths.put("/friendsAndContacts", 4000);
    lengths.put("/reportingUnit", 200);
    for (Map.Entry<String, Integer> field : lengths.entrySet()) {
      longest = with(longest, field.getKey(), Json.createValue("m".repeat(field.getValue())));
    }
    longest = with(longest, "/child/givenNameAr", Json.createValue("س".repeat(100)));
    longest = with(longest, "/child/familyNameAr", Json.createValue("ب".repeat(100)));
    longest = with(longest, "/hobbies", repeated(Json.createValue("h".repeat(200)), 20));
    longest =
        with(
            longest,
            "/likelyPlaces",
            repeated(
                Json.createObjectBuilder()
                    .add("description", "p".repeat(500))
                    .add("latitude", 23.72)
                    .add("longitude", -15.93)
                    .build(),
                20));
    return with(
        longest,
        "/guardians",
        repeated(
            Json.createObjectBuilder()
                .add("name", "g".repeat(200))
                .add("relation", "r".repeat(50))
                .add("phone", "+212 600 000 000")
                .build(),
            10));
  }

  private static JsonValue array(String element) {
    return Json.createArrayBuilder().add(element).build();
  }

  private static JsonValue repeated(JsonValue element, int times) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (int i = 0; i < times; i++) {
      array.add(element);
    }
    return array.build();
  }

  private static String credentials(String username, String password) {
    return Json.createObjectBuilder()
        .add("username", username)
        .add("password", password)
        .build()
        .toString();
  }

  private static String channel(String accountId) {
    return channelWithSecret(accountId, "page-token");
  }

  private static String channelWithSecret(String accountId, String secret) {
    return Json.createObjectBuilder()
        .add("area", "MA-OUD")
        .add("platform", "FACEBOOK")
        .add("accountId", accountId)
        .add("secret", secret)
        .add("languages", Json.createArrayBuilder().add("fr"))
        .add("exercise", false)
        .build()
        .toString();
  }

  /** The JSON object with a member added in front that brings it to about the given size. */
  private static String padded(String json, int size) {
    return "{\"padding\":\"" + "x".repeat(size) + "\"," + json.substring(1);
  }

  /** A body sent in chunks, with no length said beforehand. */
  private static BodyPublisher chunked(String body) {
    return BodyPublishers.fromPublisher(BodyPublishers.ofString(body));
  }

  private static BodyPublisher chunked(byte[] body) {
    return BodyPublishers.fromPublisher(BodyPublishers.ofByteArray(body));
  }

  private static BodyPublisher of(String body) {
    return BodyPublishers.ofString(body);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }

  private static String encoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String abbreviated(String text) {
    return abbreviated(text, 300);
  }

  private static String abbreviated(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length) + "...";
  }
}
