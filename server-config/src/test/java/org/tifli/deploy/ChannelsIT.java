package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tifli.testing.FakeGraphApi.ReceivedPost;
import org.tifli.testing.TifliClient.Answer;

/**
 * Channels as administrators manage them, over HTTP on the shared server: read one, revise its
 * languages, exercises and secret (write-only, kept when left out), retire it and bring it back,
 * every change audited and no secret ever shown; languages Tifli cannot write are refused; a
 * retired channel gets no new alert but its posts still come down; a Tamazight channel posts in
 * Tifinagh.
 *
 * <p>Cases are last seen in Errachidia (MA-ERR); each test counts only its own channels.
 */
class ChannelsIT {

  private static final double[] ERRACHIDIA = {31.9314, -4.4246};
  private static final Duration PATIENCE = Duration.ofMinutes(1);

  private static Walk walk;

  @BeforeAll
  static void signIn() {
    walk = Walk.on(SharedTifli.get());
  }

  @Test
  void aChannelIsReadAndRevisedFieldByFieldAndItsSecretIsKeptUnlessReplaced() throws Exception {
    String account = unique("errachidia");
    String secret = "token-of-" + account;
    Answer registered = register(account, secret, "ar", "zgh");
    long id = registered.json().getJsonNumber("id").longValue();
    assertThat(registered.location()).endsWith("/channels/" + id);

    Answer read = walk.api.get("/channels/" + id, walk.admin);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().getString("status")).isEqualTo("ACTIVE");
    assertThat(read.json().getJsonArray("languages").getString(0)).isEqualTo("ar");
    assertThat(read.json().getJsonArray("languages").getString(1)).isEqualTo("zgh");
    assertThat(read.json()).doesNotContainKey("secret");

    Answer revised =
        walk.api.put(
            "/channels/" + id, walk.admin, "{\"languages\":[\"fr\",\"en\"],\"exercise\":true}");

    assertThat(revised.status()).as("%s", revised.body()).isEqualTo(200);
    assertThat(revised.json().getBoolean("exercise")).isTrue();
    assertThat(revised.json().getJsonArray("languages").getString(0)).isEqualTo("fr");
    assertThat(walk.api.put("/channels/" + id, walk.admin, "{\"exercise\":false}").status())
        .isEqualTo(200);
    JsonObject channel = walk.api.get("/channels/" + id, walk.admin).json();
    assertThat(channel.getBoolean("exercise")).isFalse();
    assertThat(channel.getJsonArray("languages").size()).isEqualTo(2);

    // The secret was left out every time: the old one still posts.
    long alertId = approvedAlertInErrachidia();
    List<ReceivedPost> posts = walk.awaitPostsTo(account, p -> !p.isEmpty());
    assertThat(posts).singleElement().satisfies(p -> assertThat(p.accessToken()).isEqualTo(secret));
    assertThat(posts.get(0).message()).contains("ENFANT DISPARU", "MISSING CHILD");
    assertThat(posts.get(0).link()).endsWith("/alerts/" + alertId);

    List<JsonObject> history = audit(id);
    assertThat(history)
        .extracting(e -> e.getString("action"))
        .containsExactly("REGISTERED", "REVISED", "REVISED");
    assertThat(history).allMatch(e -> e.getString("actor").equals("admin"));
    assertThat(history.get(1).getJsonObject("changes").getJsonObject("languages").getString("to"))
        .isEqualTo("fr,en");
    assertThat(history.toString()).doesNotContain(secret);
  }

  @Test
  void aReplacedSecretIsUsedFromThenOnAndNeverShown() throws Exception {
    String account = unique("errachidia");
    long id = register(account, "token-of-" + account, "fr").json().getJsonNumber("id").longValue();

    Answer replaced =
        walk.api.put("/channels/" + id, walk.admin, "{\"secret\":\"second-" + account + "\"}");

    assertThat(replaced.status()).as("%s", replaced.body()).isEqualTo(200);
    assertThat(replaced.body().toString()).doesNotContain("second-");
    approvedAlertInErrachidia();
    assertThat(walk.awaitPostsTo(account, p -> !p.isEmpty()))
        .singleElement()
        .satisfies(p -> assertThat(p.accessToken()).isEqualTo("second-" + account));
    assertThat(audit(id).get(1).getJsonObject("changes").getJsonObject("secret").getString("to"))
        .isEqualTo("(changed)");
  }

  @Test
  void languagesTifliCannotWriteAndFieldsThatNeverChangeAreRefusedFieldByField() {
    String account = unique("errachidia");
    Answer spanish = register(account, "token-of-" + account, "fr", "es");
    assertProblem(spanish, 400, "languages");
    assertThat(walk.api.get("/channels?area=MA-ERR", walk.admin).body().toString())
        .doesNotContain(account);

    long id = register(account, "token-of-" + account, "fr").json().getJsonNumber("id").longValue();
    String path = "/channels/" + id;
    assertProblem(walk.api.put(path, walk.admin, "{\"languages\":[\"es\"]}"), 400, "languages");
    assertProblem(
        walk.api.put(path, walk.admin, "{\"languages\":[\"ar\",\"ar\"]}"), 400, "languages");
    assertProblem(walk.api.put(path, walk.admin, "{\"languages\":[]}"), 400, "languages");
    assertProblem(walk.api.put(path, walk.admin, "{\"accountId\":\"other\"}"), 400, "accountId");
    assertProblem(walk.api.put(path, walk.admin, "{\"area\":\"MA-CAS\"}"), 400, "area");
    assertProblem(walk.api.put(path, walk.admin, "{\"secret\":\"   \"}"), 400, "secret");
    assertProblem(walk.api.put("/channels/99999999", walk.admin, "{}"), 404, null);
    assertProblem(walk.api.get("/channels/99999999", walk.admin), 404, null);

    JsonObject unchanged = walk.api.get(path, walk.admin).json();
    assertThat(unchanged.getString("accountId")).isEqualTo(account);
    assertThat(unchanged.getString("area")).isEqualTo("MA-ERR");
    assertThat(unchanged.getJsonArray("languages").getString(0)).isEqualTo("fr");
    assertThat(audit(id)).extracting(e -> e.getString("action")).containsExactly("REGISTERED");
  }

  @Test
  void aRetiredChannelGetsNoNewAlertButItsPostsComeDownAndItComesBack() throws Exception {
    String account = unique("errachidia");
    long id = register(account, "token-of-" + account, "fr").json().getJsonNumber("id").longValue();
    long caseId = walk.openCase(Walk.fullCase(ERRACHIDIA[0], ERRACHIDIA[1])).getInt("id");
    long carried = walk.requestAlert(caseId, false).getInt("id");
    walk.approve(carried);
    walk.awaitPostsTo(account, p -> !p.isEmpty());

    Answer retired =
        walk.api.post(
            "/channels/" + id + "/retirement", walk.admin, "{\"reason\":\"page closed\"}");

    assertThat(retired.status()).as("%s", retired.body()).isEqualTo(200);
    assertThat(retired.json().getString("status")).isEqualTo("RETIRED");
    assertProblem(walk.api.post("/channels/" + id + "/retirement", walk.admin, "{}"), 409, null);
    assertThat(walk.api.get("/channels?status=RETIRED&area=MA-ERR", walk.admin).body().toString())
        .contains(account);
    String control = unique("errachidia");
    long controlId =
        register(control, "token-of-" + control, "fr").json().getJsonNumber("id").longValue();
    long later = approvedAlertInErrachidia();
    JsonObject missed =
        walk.awaitAlert(later, a -> !deliveriesTo(controlId, a).isEmpty(), PATIENCE);
    assertThat(deliveriesTo(controlId, missed)).hasSize(1);
    assertThat(deliveriesTo(id, missed)).isEmpty();

    walk.api.post(
        "/cases/" + caseId + "/resolution", walk.supervisor, "{\"outcome\":\"FOUND_SAFE\"}");
    JsonObject ended =
        walk.awaitAlert(
            carried,
            a ->
                deliveriesTo(id, a).stream()
                    .anyMatch(d -> d.getString("status").equals("RETRACTED")),
            PATIENCE);
    assertThat(deliveriesTo(id, ended))
        .extracting(d -> d.getString("purpose") + " " + d.getString("status"))
        .containsExactlyInAnyOrder("ALERT RETRACTED", "RETRACTION SENT");

    Answer back = walk.api.delete("/channels/" + id + "/retirement", walk.admin);
    assertThat(back.status()).as("%s", back.body()).isEqualTo(200);
    assertThat(back.json().getString("status")).isEqualTo("ACTIVE");
    assertProblem(walk.api.delete("/channels/" + id + "/retirement", walk.admin), 409, null);
    long again = approvedAlertInErrachidia();
    assertThat(walk.awaitPostsTo(account, p -> p.stream().anyMatch(linksTo(again))))
        .anyMatch(linksTo(again));
    assertThat(audit(id))
        .extracting(e -> e.getString("action"))
        .containsExactly("REGISTERED", "RETIRED", "REINSTATED");
  }

  @Test
  void aTamazightChannelPostsInTifinagh() throws Exception {
    String account = unique("errachidia");
    register(account, "token-of-" + account, "zgh");

    approvedAlertInErrachidia();

    ReceivedPost post = walk.awaitPostsTo(account, p -> !p.isEmpty()).get(0);
    assertThat(post.message()).startsWith("ⴰⵔⴱⴰ ⵉⵖⴰⴱⵏ: Salma Bennani, ").contains("ⴰⴼⴰⵢⵍⵓ MC-");
  }

  private static Predicate<ReceivedPost> linksTo(long alertId) {
    return p -> p.link().endsWith("/alerts/" + alertId);
  }

  private static Answer register(String account, String secret, String... languages) {
    JsonArrayBuilder codes = Json.createArrayBuilder();
    for (String language : languages) {
      codes.add(language);
    }
    Answer answer =
        walk.api.post(
            "/channels",
            walk.admin,
            Json.createObjectBuilder()
                .add("area", "MA-ERR")
                .add("platform", "FACEBOOK")
                .add("accountId", account)
                .add("secret", secret)
                .add("languages", codes)
                .add("exercise", false)
                .build()
                .toString());
    if (answer.status() == 201) {
      assertThat(answer.body().toString()).doesNotContain(secret);
    }
    return answer;
  }

  private static long approvedAlertInErrachidia() {
    long caseId = walk.openCase(Walk.fullCase(ERRACHIDIA[0], ERRACHIDIA[1])).getInt("id");
    long alertId = walk.requestAlert(caseId, false).getInt("id");
    walk.approve(alertId);
    return alertId;
  }

  private static List<JsonObject> deliveriesTo(long channelId, JsonObject alert) {
    return alert.getJsonArray("deliveries").getValuesAs(JsonObject.class).stream()
        .filter(d -> d.getJsonNumber("channel").longValue() == channelId)
        .toList();
  }

  private static List<JsonObject> audit(long channelId) {
    return walk.everyItem("/channels/" + channelId + "/audit", walk.admin);
  }

  private static void assertProblem(Answer answer, int status, String field) {
    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    if (field != null) {
      assertThat(answer.json().getJsonArray("errors").getValuesAs(JsonObject.class))
          .as("%s", answer.body())
          .anyMatch(e -> e.getString("field").equals(field));
    }
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
