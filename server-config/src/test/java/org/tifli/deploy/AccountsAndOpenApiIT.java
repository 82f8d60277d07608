package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tifli.testing.TifliClient.Answer;

/**
 * Accounts managed over the API and the OpenAPI document, against the shared server: a service
 * account with the role {@code system} does what the contract lets systems do and nothing more,
 * only administrators manage accounts, a disabled account loses its tokens, every change is
 * audited; and the document at {@code /openapi} lists every path with its security.
 */
class AccountsAndOpenApiIT {

  private static final String PASSWORD = "a long service secret";
  private static final double[] CASABLANCA = {33.5883, -7.6114};

  private static Walk walk;

  @BeforeAll
  static void signIn() {
    walk = Walk.on(SharedTifli.get());
  }

  @Test
  void aSystemAccountOpensAndReadsCasesButCannotApproveNorManageChannels() {
    String username = unique("records");
    Answer created = create(username, PASSWORD, "system");
    String system = walk.api.token(username, PASSWORD);

    Answer opened =
        walk.api.post(
            "/cases", system, Walk.fullCase(CASABLANCA[0], CASABLANCA[1]).build().toString());
    long caseId = opened.json().getJsonNumber("id").longValue();
    Answer read = walk.api.get("/cases/" + caseId, system);
    long alertId = walk.requestAlert(caseId, false).getJsonNumber("id").longValue();
    Answer approval =
        walk.api.post("/alerts/" + alertId + "/approval", system, "{\"decision\":\"APPROVE\"}");
    Answer channel =
        walk.api.post(
            "/channels",
            system,
            "{\"area\":\"MA-CAS\",\"platform\":\"FACEBOOK\",\"accountId\":\"p\",\"secret\":\"s\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.location()).endsWith("/api/v1/accounts/" + username);
    assertThat(created.json().getString("username")).isEqualTo(username);
    assertThat(strings(created.json(), "roles")).containsExactly("system");
    assertThat(created.json().keySet()).doesNotContain("password", "passwordHash");
    assertThat(opened.status()).as("opening: %s", opened.body()).isEqualTo(201);
    assertThat(opened.json().getString("createdBy")).isEqualTo(username);
    assertThat(read.status()).isEqualTo(200);
    assertThat(approval.status()).isEqualTo(403);
    assertThat(approval.contentType()).startsWith("application/problem+json");
    assertThat(channel.status()).isEqualTo(403);
    assertThat(walk.api.get("/accounts", system).status()).isEqualTo(403);
  }

  @Test
  void onlyAdministratorsManageAccounts() {
    String body = account(unique("intruder"), PASSWORD, "admin");

    Answer byOfficer = walk.api.post("/accounts", walk.officer, body);
    Answer anonymous = walk.api.post("/accounts", null, body);
    Answer listedAnonymously = walk.api.get("/accounts", null);

    assertThat(byOfficer.status()).isEqualTo(403);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");
    assertThat(listedAnonymously.status()).isEqualTo(401);
    assertThat(walk.api.get("/accounts/" + "supervisor", walk.supervisor).status()).isEqualTo(403);
  }

  @Test
  void aUsernameIsTakenOnce() {
    String username = unique("twice");
    create(username, PASSWORD, "officer");

    Answer again = walk.api.post("/accounts", walk.admin, account(username, PASSWORD, "admin"));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(strings(walk.api.get("/accounts/" + username, walk.admin).json(), "roles"))
        .containsExactly("officer");
  }

  @Test
  void aWeakPasswordOrAnUnknownRoleIsAFieldErrorAndNothingIsStored() {
    String username = unique("weak");

    Answer shortPassword =
        walk.api.post("/accounts", walk.admin, account(username, "tifli-demo", "officer"));
    Answer unknownRole =
        walk.api.post("/accounts", walk.admin, account(username, PASSWORD, "root"));

    assertThat(shortPassword.status()).isEqualTo(400);
    assertThat(shortPassword.contentType()).startsWith("application/problem+json");
    assertThat(fieldsInError(shortPassword)).containsExactly("password");
    assertThat(unknownRole.status()).isEqualTo(400);
    assertThat(fieldsInError(unknownRole)).singleElement().asString().startsWith("roles");
    assertThat(walk.api.get("/accounts/" + username, walk.admin).status()).isEqualTo(404);
  }

  @Test
  void aDisabledAccountGetsNoTokenAndTheTokensItHoldsStopWorking() {
    String username = unique("leaver");
    create(username, PASSWORD, "officer");
    String token = walk.api.token(username, PASSWORD);
    Answer before = walk.api.get("/cases?size=1", token);

    Answer disabled =
        walk.api.post(
            "/accounts/" + username + "/disabling", walk.admin, "{\"reason\":\"left the unit\"}");
    Answer tokenRefused = tokenAnswer(username, PASSWORD);
    Answer oldToken = walk.api.get("/cases?size=1", token);
    Answer enabled = walk.api.post("/accounts/" + username + "/enabling", walk.admin, "{}");

    assertThat(before.status()).isEqualTo(200);
    assertThat(disabled.status()).isEqualTo(200);
    assertThat(disabled.json().getBoolean("enabled")).isFalse();
    assertThat(tokenRefused.status()).isEqualTo(401);
    assertThat(oldToken.status()).isEqualTo(401);
    assertThat(enabled.json().getBoolean("enabled")).isTrue();
    assertThat(tokenAnswer(username, PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void everyChangeOfAnAccountIsAudited() {
    String username = unique("audited");
    create(username, PASSWORD, "supervisor");
    walk.api.post("/accounts/" + username + "/disabling", walk.admin, "{\"reason\":\"on leave\"}");
    walk.api.post("/accounts/" + username + "/enabling", walk.admin, "{}");

    List<JsonObject> entries = walk.everyItem("/accounts/" + username + "/audit", walk.admin);

    assertThat(entries)
        .extracting(e -> e.getString("action"))
        .containsExactly("CREATED", "DISABLED", "ENABLED");
    assertThat(entries).allSatisfy(e -> assertThat(e.getString("actor")).isEqualTo("admin"));
    assertThat(entries.get(0).getJsonObject("changes").toString())
        .contains("\"roles\"")
        .doesNotContain(PASSWORD);
    assertThat(entries.get(1).getJsonObject("changes").toString()).contains("on leave");
  }

  @Test
  void theAccountListShowsNoPasswordOrHash() {
    String username = unique("listed");
    create(username, PASSWORD, "officer");

    List<JsonObject> accounts = walk.everyItem("/accounts", walk.admin);

    assertThat(accounts)
        .extracting(a -> a.getString("username"))
        .contains(username, "admin", "officer", "supervisor");
    assertThat(accounts.toString()).doesNotContain("password", "pbkdf2", PASSWORD);
  }

  @Test
  void theAccountsComeAPageAtATimeByUsername() {
    create(unique("paged"), PASSWORD, "officer");

    Answer first = walk.api.get("/accounts?size=2", walk.admin);
    Answer second = walk.api.get("/accounts?size=2&page=1", walk.admin);
    Answer tooLarge = walk.api.get("/accounts?size=101", walk.admin);

    assertThat(first.json().getInt("page")).isZero();
    assertThat(first.json().getInt("size")).isEqualTo(2);
    assertThat(first.json().getInt("total")).isGreaterThanOrEqualTo(4);
    assertThat(second.json().getInt("page")).isEqualTo(1);
    List<String> names =
        Stream.of(first, second)
            .flatMap(a -> a.json().getJsonArray("items").getValuesAs(JsonObject.class).stream())
            .map(a -> a.getString("username"))
            .toList();
    assertThat(names).hasSize(4).doesNotHaveDuplicates().isSorted();
    assertThat(tooLarge.status()).isEqualTo(400);
    assertThat(tooLarge.contentType()).startsWith("application/problem+json");
  }

  /** The API contract of PRODUCT.md: every operation, and the roles it needs (none: anyone). */
  private static final List<List<String>> CONTRACT =
      List.of(
          List.of("post", "/api/v1/tokens"),
          List.of("get", "/api/v1/areas"),
          List.of("post", "/api/v1/channels", "admin"),
          List.of("get", "/api/v1/channels", "admin"),
          List.of("post", "/api/v1/cases", "officer", "system"),
          List.of("get", "/api/v1/cases/{id}", "officer", "supervisor", "system"),
          List.of("get", "/api/v1/cases", "officer", "supervisor", "system"),
          List.of("post", "/api/v1/cases/{id}/photos", "officer", "system"),
          List.of("post", "/api/v1/cases/{id}/alerts", "officer"),
          List.of("post", "/api/v1/alerts/{id}/approval", "supervisor"),
          List.of("post", "/api/v1/alerts/{id}/widening", "supervisor"),
          List.of("get", "/api/v1/alerts/{id}", "officer", "supervisor", "system"),
          List.of("post", "/api/v1/cases/{id}/resolution", "supervisor"),
          List.of("post", "/api/v1/alerts/{id}/sightings"),
          List.of("get", "/api/v1/alerts/{id}/cap"),
          List.of("get", "/cap/alerts.atom"));

  @Test
  void theOpenApiDocumentListsEveryOperationOfTheContractWithTheRolesItNeeds() throws Exception {
    JsonObject paths = openApiDocument().getJsonObject("paths");

    assertThat(CONTRACT).hasSize(16);
    for (List<String> row : CONTRACT) {
      String method = row.get(0);
      List<String> roles = row.subList(2, row.size());
      JsonObject item = pathItem(paths, row.get(1));
      assertThat(item).as("%s in the document", row.get(1)).isNotNull();
      JsonObject operation = item.getJsonObject(method);
      assertThat(operation).as("%s %s", method, row.get(1)).isNotNull();

      // An operation open to anyone has no x-roles: the server leaves out an empty extension.
      List<String> documented =
          operation.containsKey("x-roles") ? strings(operation, "x-roles") : List.of();
      assertThat(documented).as("roles of %s", row).isEqualTo(roles);
      assertThat(operation.getString("description"))
          .as("description of %s", row)
          .startsWith(roles.isEmpty() ? "Anyone." : "Roles: " + String.join(", ", roles) + ".");
      assertThat(operation.containsKey("security"))
          .as("security of %s", row)
          .isEqualTo(!roles.isEmpty());
      if (!roles.isEmpty()) {
        assertThat(operation.getJsonArray("security").toString()).contains("\"bearer\"");
        assertThat(operation.getJsonObject("responses").keySet()).contains("401", "403");
      }
    }
  }

  @Test
  void theOpenApiDocumentSaysWhatEachOperationTakesAndAnswers() throws Exception {
    JsonObject document = openApiDocument();
    JsonObject paths = document.getJsonObject("paths");
    JsonObject openCase = pathItem(paths, "/api/v1/cases").getJsonObject("post");
    JsonObject upload = pathItem(paths, "/api/v1/cases/{id}/photos").getJsonObject("post");
    JsonObject sighting = pathItem(paths, "/api/v1/alerts/{id}/sightings").getJsonObject("post");
    JsonObject cap = pathItem(paths, "/api/v1/alerts/{id}/cap").getJsonObject("get");
    JsonObject feed = pathItem(paths, "/cap/alerts.atom").getJsonObject("get");
    JsonObject audit = pathItem(paths, "/api/v1/cases/{id}/audit").getJsonObject("get");
    JsonObject scheme =
        document
            .getJsonObject("components")
            .getJsonObject("securitySchemes")
            .getJsonObject("bearer");

    assertThat(document.getJsonObject("info").getString("title")).isEqualTo("Tifli API");
    assertThat(scheme.getString("type")).isEqualTo("http");
    assertThat(scheme.getString("scheme")).isEqualTo("bearer");
    assertThat(scheme.getString("bearerFormat")).isEqualTo("JWT");
    assertThat(openCase.getJsonObject("responses").keySet()).contains("201", "400", "401", "403");
    assertThat(openCase.getJsonObject("requestBody").toString()).contains("CaseRequest");
    assertThat(upload.getJsonObject("requestBody").getJsonObject("content").keySet())
        .containsExactly("multipart/form-data");
    assertThat(upload.getJsonObject("responses").keySet()).contains("201", "413", "415");
    assertThat(sighting.getJsonObject("responses").keySet()).contains("202", "400", "404", "429");
    assertThat(sighting.getJsonObject("responses").keySet()).doesNotContain("200", "401");
    assertThat(content(cap, "200")).containsExactly("application/cap+xml");
    assertThat(content(feed, "200")).containsExactly("application/atom+xml");
    assertThat(
            audit.getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("name")))
        .contains("id", "page", "size");
    assertThat(audit.getJsonObject("responses").getJsonObject("200").toString())
        .contains("PageOfAuditView");
  }

  @Test
  void theOpenApiDocumentDescribesTheShapesAndTheProblemAnswers() throws Exception {
    JsonObject components = openApiDocument().getJsonObject("components");
    JsonObject newAccount = components.getJsonObject("schemas").getJsonObject("NewAccount");
    JsonObject unauthorized = components.getJsonObject("responses").getJsonObject("Unauthorized");
    JsonObject problem = components.getJsonObject("schemas").getJsonObject("Problem");

    assertThat(newAccount.getJsonObject("properties").keySet())
        .containsExactlyInAnyOrder("username", "password", "roles");
    assertThat(newAccount.getJsonObject("properties").getJsonObject("password").getInt("minLength"))
        .isEqualTo(12);
    assertThat(strings(newAccount, "required")).contains("username", "password", "roles");
    assertThat(unauthorized.getJsonObject("content").keySet())
        .containsExactly("application/problem+json");
    assertThat(problem.getJsonObject("properties").keySet())
        .contains("status", "title", "detail", "errors");
  }

  /**
   * The path item of a path from the application's root, whatever names its parameters have there
   * ({@code {id}} in the contract may be {@code {caseId}} in the document).
   */
  private static JsonObject pathItem(JsonObject paths, String path) {
    String wanted = path.replaceAll("\\{[^}]+}", "{}");
    return paths.keySet().stream()
        .filter(key -> key.replaceAll("\\{[^}]+}", "{}").equals(wanted))
        .findFirst()
        .map(paths::getJsonObject)
        .orElse(null);
  }

  /** The media types an operation answers with the status. */
  private static List<String> content(JsonObject operation, String status) {
    return List.copyOf(
        operation
            .getJsonObject("responses")
            .getJsonObject(status)
            .getJsonObject("content")
            .keySet());
  }

  private static JsonObject openApiDocument() throws IOException, InterruptedException {
    URI root = URI.create(SharedTifli.get().appUrl()).resolve("/openapi");
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(root)
                    .header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as("the document: %s", answer.body()).isEqualTo(200);
    try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
      return reader.readObject();
    }
  }

  private static Answer create(String username, String password, String role) {
    Answer created = walk.api.post("/accounts", walk.admin, account(username, password, role));
    assertThat(created.status()).as("creating %s: %s", username, created.body()).isEqualTo(201);
    return created;
  }

  private static String account(String username, String password, String role) {
    return Json.createObjectBuilder()
        .add("username", username)
        .add("password", password)
        .add("roles", Json.createArrayBuilder().add(role))
        .build()
        .toString();
  }

  private static Answer tokenAnswer(String username, String password) {
    return walk.api.post(
        "/tokens",
        null,
        Json.createObjectBuilder()
            .add("username", username)
            .add("password", password)
            .build()
            .toString());
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static List<String> fieldsInError(Answer answer) {
    return answer.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("field"))
        .toList();
  }

  private static List<String> strings(JsonObject json, String field) {
    return json.getJsonArray(field).stream()
        .filter(v -> v.getValueType() == JsonValue.ValueType.STRING)
        .map(v -> ((JsonString) v).getString())
        .toList();
  }
}
