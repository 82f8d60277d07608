package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.tifli.testing.FakeGraphApi;
import org.tifli.testing.FakeGraphApi.ReceivedPost;
import org.tifli.testing.TifliClient;
import org.tifli.testing.TifliClient.Answer;

/**
 * The steps the HTTP system tests take again and again, as the demo accounts take them: open a
 * case, ask for an alert, approve it, register a Facebook page for an area, wait for posts.
 */
final class Walk {

  static final String PASSWORD = "tifli-demo";

  final TifliClient api;
  final FakeGraphApi graph;
  final String officer;
  final String supervisor;
  final String admin;

  /** The id of each channel this walk registered, by account id. */
  private final Map<String, Long> channelIds = new ConcurrentHashMap<>();

  /** The walk of the demo accounts, with the tokens they get from Tifli. */
  Walk(TifliClient api, FakeGraphApi graph) {
    this(
        api,
        graph,
        api.token("officer", PASSWORD),
        api.token("supervisor", PASSWORD),
        api.token("admin", PASSWORD));
  }

  /** The walk of callers whose tokens come from elsewhere, such as an identity provider. */
  Walk(TifliClient api, FakeGraphApi graph, String officer, String supervisor, String admin) {
    this.api = api;
    this.graph = graph;
    this.officer = officer;
    this.supervisor = supervisor;
    this.admin = admin;
  }

  static Walk on(SharedTifli tifli) {
    return new Walk(tifli.client(), tifli.graph());
  }

  /** A case with every field of the intake, last seen at the given point. */
  static JsonObjectBuilder fullCase(double latitude, double longitude) {
    return Json.createObjectBuilder()
        .add(
            "child",
            Json.createObjectBuilder()
                .add("givenName", "Salma")
                .add("familyName", "Bennani")
                .add("givenNameAr", "سلمى")
                .add("familyNameAr", "بناني")
                .add("dateOfBirth", "2016-05-14")
                .add("sex", "FEMALE")
                .add("heightCm", 128)
                .add("build", "slim")
                .add("hair", "black, in a ponytail")
                .add("eyes", "brown")
                .add("distinguishingMarks", "a small scar above the left eyebrow")
                .add("clothing", "blue school smock, white trainers")
                .add("languages", Json.createArrayBuilder().add("ar").add("fr"))
                .add("medicalNeeds", "asthma: needs her inhaler"))
        .add(
            "lastSeen",
            Json.createObjectBuilder()
                .add("at", "2026-11-30T16:45:00Z")
                .add("latitude", latitude)
                .add("longitude", longitude)
                .add("place", "school gate, Boulevard Zerktouni")
                .add("seenBy", "the school's caretaker"))
        .add("circumstances", "Left school and did not come home")
        .add("suspectedAbduction", false)
        .add("hobbies", Json.createArrayBuilder().add("drawing").add("football"))
        .add("personalProblems", "argued with her older brother that morning")
        .add(
            "likelyPlaces",
            Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("description", "the Corniche beach"))
                .add(
                    Json.createObjectBuilder()
                        .add("description", "her aunt's flat in Mohammedia")
                        .add("latitude", 33.6866)
                        .add("longitude", -7.3830)))
        .add("friendsAndContacts", "Imane, a classmate, lives on the same street")
        .add(
            "guardians",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("name", "Khadija Bennani")
                        .add("relation", "mother")
                        .add("phone", "+212 600 000 000")))
        .add("reportingUnit", "Préfecture de police de Casablanca, arrondissement Maârif");
  }

  /** Opens a case as the officer and returns it. */
  JsonObject openCase(JsonObjectBuilder json) {
    Answer opened = api.post("/cases", officer, json.build().toString());
    assertThat(opened.status()).as("opening a case: %s", opened.body()).isEqualTo(201);
    return opened.json();
  }

  /** Asks for an alert as the officer, every criterion met; returns the alert. */
  JsonObject requestAlert(long caseId, boolean exercise) {
    Answer requested =
        api.post(
            "/cases/" + caseId + "/alerts",
            officer,
            "{\"criteria\":{\"minor\":true,\"danger\":true,\"descriptionSufficient\":true,"
                + "\"guardianConsent\":true},\"exercise\":"
                + exercise
                + "}");
    assertThat(requested.status()).as("requesting: %s", requested.body()).isEqualTo(201);
    return requested.json();
  }

  JsonObject approve(long alertId) {
    Answer approved =
        api.post("/alerts/" + alertId + "/approval", supervisor, "{\"decision\":\"APPROVE\"}");
    assertThat(approved.status()).as("approving: %s", approved.body()).isEqualTo(200);
    return approved.json();
  }

  /**
   * A new channel of the platform serving the area, with an account id no other test uses; its
   * secret is {@code token-of-<account id>}.
   */
  String channel(String area, String platform, boolean exercise) {
    String account = area.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
    return channel(area, platform, account, "token-of-" + account, exercise);
  }

  /** A channel with the given account id and secret; returns the account id. */
  String channel(String area, String platform, String account, String secret, boolean exercise) {
    Answer registered =
        api.post(
            "/channels",
            admin,
            Json.createObjectBuilder()
                .add("area", area)
                .add("platform", platform)
                .add("accountId", account)
                .add("secret", secret)
                .add("languages", Json.createArrayBuilder().add("fr"))
                .add("exercise", exercise)
                .build()
                .toString());
    assertThat(registered.status()).as("registering: %s", registered.body()).isEqualTo(201);
    channelIds.put(account, registered.json().getJsonNumber("id").longValue());
    return account;
  }

  /**
   * The id of a channel this walk registered. Other tests on the shared server register channels in
   * the same areas, so a test that counts deliveries counts those to its own channels only.
   */
  long channelId(String account) {
    Long id = channelIds.get(account);
    assertThat(id).as("a channel registered by this walk: %s", account).isNotNull();
    return id;
  }

  /** A new Facebook page serving the area, with an id no other test uses. */
  String facebookPage(String area, boolean exercise) {
    return channel(area, "FACEBOOK", exercise);
  }

  List<ReceivedPost> postsTo(String page) {
    return graph.posts().stream().filter(p -> p.pageId().equals(page)).toList();
  }

  /** Waits until the condition holds of the posts to the page, or a minute has passed. */
  List<ReceivedPost> awaitPostsTo(String page, Predicate<List<ReceivedPost>> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    List<ReceivedPost> posts = postsTo(page);
    while (!condition.test(posts) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      posts = postsTo(page);
    }
    return posts;
  }

  /**
   * The items of a list the API answers a page at a time, read whole: every page of {@code path}
   * (which may have a query of its own) as the caller with the token.
   */
  List<JsonObject> everyItem(String path, String token) {
    String separator = path.contains("?") ? "&" : "?";
    List<JsonObject> items = new ArrayList<>();
    for (int page = 0; ; page++) {
      Answer answer = api.get(path + separator + "size=100&page=" + page, token);
      assertThat(answer.status()).as("%s: %s", path, answer.body()).isEqualTo(200);
      List<JsonObject> onPage = answer.json().getJsonArray("items").getValuesAs(JsonObject.class);
      items.addAll(onPage);
      if (onPage.isEmpty() || items.size() >= answer.json().getJsonNumber("total").longValue()) {
        return items;
      }
    }
  }

  /** The whole timeline of a case, oldest first, as the supervisor reads it. */
  List<JsonObject> timeline(long caseId) {
    return everyItem("/cases/" + caseId + "/audit", supervisor);
  }

  /** Waits until the alert's JSON satisfies the condition, or the time is up. */
  JsonObject awaitAlert(long alertId, Predicate<JsonObject> condition, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    JsonObject alert = api.get("/alerts/" + alertId, supervisor).json();
    while (!condition.test(alert) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      alert = api.get("/alerts/" + alertId, supervisor).json();
    }
    return alert;
  }
}
