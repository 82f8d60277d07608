package org.tifli.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tifli.testing.FakeGraphApi.ReceivedPost;
import org.tifli.testing.TifliClient.Answer;

/**
 * The first slice of Tifli as an external system sees it, run against a packaged server: tokens, a
 * case, an alert requested by an officer and approved by a supervisor, one Facebook post per
 * channel of the case's areas, and the ledger showing each as sent. Subclasses start the server
 * (Payara Micro with the WAR, Payara Server with the EAR) with its Graph API base URL set to {@link
 * #graph()}.
 *
 * <p>Each test uses its own region of Morocco, so tests do not see each other's channels.
 */
public abstract class SliceContract {

  protected static final String DEMO_PASSWORD = "tifli-demo";

  /** The application's URL, such as {@code http://localhost:8080/tifli}. */
  protected abstract String appUrl();

  protected abstract FakeGraphApi graph();

  private TifliClient api() {
    return new TifliClient(appUrl());
  }

  @Test
  void approvedAlertIsPostedOncePerChannelOfTheCaseAreasAndRecordedAsSent() throws Exception {
    TifliClient api = api();
    String admin = api.token("admin", DEMO_PASSWORD);
    String officer = api.token("officer", DEMO_PASSWORD);
    String supervisor = api.token("supervisor", DEMO_PASSWORD);
    String provincePage = "fes-" + UUID.randomUUID();
    String regionPage = "fes-meknes-" + UUID.randomUUID();
    String elsewherePage = "oujda-" + UUID.randomUUID();
    Answer province = registerChannel(api, admin, "MA-FES", provincePage);
    Answer region = registerChannel(api, admin, "MA-03", regionPage);
    assertThat(province.status()).isEqualTo(201);
    assertThat(region.status()).isEqualTo(201);
    assertThat(registerChannel(api, admin, "MA-OUJ", elsewherePage).status()).isEqualTo(201);
    // The server may be shared with tests that register channels in the same areas.
    Set<Long> mine =
        Set.of(
            province.json().getJsonNumber("id").longValue(),
            region.json().getJsonNumber("id").longValue());

    Answer opened = api.post("/cases", officer, caseAt(34.0331, -5.0003, "Bab Boujloud"));
    assertThat(opened.status()).isEqualTo(201);
    assertThat(opened.location()).endsWith("/cases/" + opened.json().getJsonNumber("id"));
    assertThat(opened.json().getString("reference")).matches("MC-\\d{4}-\\d{6}");
    assertThat(opened.json().getString("status")).isEqualTo("OPEN");
    assertThat(opened.json().getJsonArray("areas").getValuesAs(jakarta.json.JsonString.class))
        .extracting(jakarta.json.JsonString::getString)
        .containsExactly("MA-FES", "MA-03");

    Answer requested =
        api.post("/cases/" + opened.json().getJsonNumber("id") + "/alerts", officer, allCriteria());
    assertThat(requested.status()).isEqualTo(201);
    assertThat(requested.json().getString("status")).isEqualTo("PENDING_APPROVAL");
    String alertPath = "/alerts/" + requested.json().getJsonNumber("id");

    Answer approved = api.post(alertPath + "/approval", supervisor, "{\"decision\":\"APPROVE\"}");
    assertThat(approved.status()).isEqualTo(200);
    assertThat(approved.json().getString("status")).isEqualTo("ACTIVE");

    List<String> pages = List.of(provincePage, regionPage);
    awaitPostsTo(pages);
    List<JsonObject> deliveries = awaitAllSent(api, supervisor, alertPath, mine);
    assertThat(deliveries).hasSize(2);
    assertThat(deliveries)
        .allSatisfy(
            d -> {
              assertThat(d.getString("status")).isEqualTo("SENT");
              assertThat(d.getString("platform")).isEqualTo("FACEBOOK");
              assertThat(d.getInt("attempts")).isEqualTo(1);
            });
    assertThat(deliveries)
        .extracting(
            d -> d.getString("externalId").substring(0, d.getString("externalId").indexOf('_')))
        .containsExactlyInAnyOrderElementsOf(pages);
    List<ReceivedPost> received =
        graph().posts().stream().filter(p -> pages.contains(p.pageId())).toList();
    assertThat(received).hasSize(2);
    assertThat(received)
        .allSatisfy(
            p -> {
              assertThat(p.message()).contains("Salma").doesNotContain("0600000000");
              assertThat(p.accessToken()).startsWith("token-of-");
            });
    assertThat(graph().posts()).noneMatch(p -> p.pageId().equals(elsewherePage));
  }

  @Test
  void theRequestingOfficerCannotApproveAndARejectionNeedsAReason() {
    TifliClient api = api();
    String officer = api.token("officer", DEMO_PASSWORD);
    String supervisor = api.token("supervisor", DEMO_PASSWORD);
    Answer opened = api.post("/cases", officer, caseAt(31.6295, -7.9811, "Jemaa el-Fna"));
    Answer requested =
        api.post("/cases/" + opened.json().getJsonNumber("id") + "/alerts", officer, allCriteria());
    String approval = "/alerts/" + requested.json().getJsonNumber("id") + "/approval";

    assertThat(api.post(approval, officer, "{\"decision\":\"APPROVE\"}").status()).isEqualTo(403);
    Answer noReason = api.post(approval, supervisor, "{\"decision\":\"REJECT\"}");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.contentType()).startsWith("application/problem+json");

    Answer rejected =
        api.post(approval, supervisor, "{\"decision\":\"REJECT\",\"reason\":\"Child found\"}");
    assertThat(rejected.status()).isEqualTo(200);
    assertThat(rejected.json().getString("status")).isEqualTo("REJECTED");
    assertThat(api.post(approval, supervisor, "{\"decision\":\"APPROVE\"}").status())
        .isEqualTo(409);
  }

  @Test
  void callersWithoutAValidTokenOrTheRightRoleAreTurnedAway() {
    TifliClient api = api();
    Answer noToken = api.post("/cases", null, caseAt(34.0209, -6.8416, "Rabat"));
    assertThat(noToken.status()).isEqualTo(401);
    assertThat(noToken.contentType()).startsWith("application/problem+json");
    assertThat(api.post("/cases", "not.a.token", caseAt(34.0209, -6.8416, "Rabat")).status())
        .isEqualTo(401);
    String supervisor = api.token("supervisor", DEMO_PASSWORD);
    assertThat(api.post("/cases", supervisor, caseAt(34.0209, -6.8416, "Rabat")).status())
        .isEqualTo(403);
    Answer wrongPassword =
        api.post("/tokens", null, "{\"username\":\"officer\",\"password\":\"wrong\"}");
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(wrongPassword.json().getString("title")).isEqualTo("Unauthorized");
  }

  @Test
  void anInvalidCaseIsRefusedFieldByFieldAndNotStored() {
    TifliClient api = api();
    String officer = api.token("officer", DEMO_PASSWORD);
    int before = casesCount(api, officer);

    Answer refused =
        api.post(
            "/cases",
            officer,
            "{\"child\":{\"givenName\":\"\",\"dateOfBirth\":\"2090-01-01\"},"
                + "\"lastSeen\":{\"at\":\"2026-01-01T10:00:00Z\",\"latitude\":95,\"longitude\":-7}}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("field"))
        .contains(
            "child.givenName",
            "child.familyName",
            "child.dateOfBirth",
            "child.sex",
            "lastSeen.latitude");
    assertThat(api.post("/cases", officer, "{\"child\":").status()).isEqualTo(400);
    assertThat(casesCount(api, officer)).isEqualTo(before);
  }

  @Test
  void areasArePublicReferenceData() {
    Answer areas = api().get("/areas", null);
    assertThat(areas.status()).isEqualTo(200);
    List<JsonObject> all = areas.body().asJsonArray().getValuesAs(JsonObject.class);
    assertThat(all).hasSize(12 + 75);
    assertThat(all)
        .anySatisfy(
            a -> {
              assertThat(a.getString("code")).isEqualTo("MA-CAS");
              assertThat(a.getString("level")).isEqualTo("PROVINCE");
              assertThat(a.getString("parent")).isEqualTo("MA-06");
            });
  }

  private int casesCount(TifliClient api, String token) {
    return api.get("/cases?size=100", token).json().getJsonArray("items").size();
  }

  private void awaitPostsTo(List<String> pages) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline
        && !graph().posts().stream().map(ReceivedPost::pageId).toList().containsAll(pages)) {
      Thread.sleep(100);
    }
  }

  /** Waits until every channel has a sent delivery; returns the deliveries to those channels. */
  private static List<JsonObject> awaitAllSent(
      TifliClient api, String token, String path, Set<Long> channels) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<JsonObject> deliveries = deliveriesTo(api.get(path, token).json(), channels);
    while (System.nanoTime() < deadline
        && deliveries.stream().filter(d -> d.getString("status").equals("SENT")).count()
            < channels.size()) {
      Thread.sleep(100);
      deliveries = deliveriesTo(api.get(path, token).json(), channels);
    }
    return deliveries;
  }

  private static List<JsonObject> deliveriesTo(JsonObject alert, Set<Long> channels) {
    return alert.getJsonArray("deliveries").getValuesAs(JsonObject.class).stream()
        .filter(d -> channels.contains(d.getJsonNumber("channel").longValue()))
        .toList();
  }

  protected static Answer registerChannel(TifliClient api, String admin, String area, String page) {
    return api.post(
        "/channels",
        admin,
        Json.createObjectBuilder()
            .add("area", area)
            .add("platform", "FACEBOOK")
            .add("accountId", page)
            .add("secret", "token-of-" + page)
            .add("languages", Json.createArrayBuilder().add("fr"))
            .add("exercise", false)
            .build()
            .toString());
  }

  protected static String caseAt(double latitude, double longitude, String place) {
    return Json.createObjectBuilder()
        .add(
            "child",
            Json.createObjectBuilder()
                .add("givenName", "Salma")
                .add("familyName", "Bennani")
                .add("dateOfBirth", "2016-05-14")
                .add("sex", "FEMALE"))
        .add(
            "lastSeen",
            Json.createObjectBuilder()
                .add("at", "2026-11-30T16:45:00Z")
                .add("latitude", latitude)
                .add("longitude", longitude)
                .add("place", place))
        .add("circumstances", "Left school and did not come home")
        .add(
            "guardians",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("name", "Khadija Bennani")
                        .add("relation", "mother")
                        .add("phone", "0600000000")))
        .build()
        .toString();
  }

  protected static String allCriteria() {
    return "{\"criteria\":{\"minor\":true,\"danger\":true,\"descriptionSufficient\":true,"
        + "\"guardianConsent\":true},\"exercise\":false}";
  }
}
