package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tifli.testing.FakeGraphApi.ReceivedPost;
import org.tifli.testing.TifliClient.Answer;

/**
 * Message templates over HTTP on the shared server: one per language and kind, shipped or edited;
 * an Arabic template edited through the API reaches the platform letter for letter; invalid
 * templates are refused field by field and change nothing; a preview lays a template out for each
 * platform within its limit, with a made-up child or an active alert's, and stores nothing.
 *
 * <p>A test that edits a template puts the shipped one back before it ends, since every post of the
 * shared server uses them. Cases are last seen in Ifrane (MA-IFR).
 */
class TemplatesIT {

  private static final double[] IFRANE = {33.5228, -5.1110};
  private static final Set<String> LANGUAGES = Set.of("ar", "fr", "en", "zgh");
  private static final Set<String> KINDS =
      Set.of("ALERT", "UPDATE", "CLOSING_RESOLVED", "CLOSING_CANCELLED", "CLOSING_EXPIRED");

  private static Walk walk;

  @BeforeAll
  static void signIn() {
    walk = Walk.on(SharedTifli.get());
  }

  @Test
  void everyLanguageAndKindHasItsTemplate() {
    List<JsonObject> templates =
        walk.api.get("/templates", walk.admin).body().asJsonArray().getValuesAs(JsonObject.class);

    assertThat(templates).hasSize(20);
    assertThat(templates)
        .extracting(t -> t.getString("language") + "/" + t.getString("kind"))
        .doesNotHaveDuplicates();
    assertThat(templates).allMatch(t -> LANGUAGES.contains(t.getString("language")));
    assertThat(templates).allMatch(t -> KINDS.contains(t.getString("kind")));
    assertThat(templates)
        .allMatch(t -> t.getBoolean("rightToLeft") == t.getString("language").equals("ar"));
    JsonObject tamazight = walk.api.get("/templates/zgh/alert", walk.admin).json();
    assertThat(tamazight.getString("kind")).isEqualTo("ALERT");
    assertThat(tamazight.getString("shippedText")).startsWith("ⴰⵔⴱⴰ ⵉⵖⴰⴱⵏ: {name}");
    assertThat(tamazight.getJsonArray("required").getString(0)).isEqualTo("name");
  }

  @Test
  void anArabicTemplateEditedThroughTheApiReachesThePlatformLetterForLetter() throws Exception {
    String template =
        "نداء عاجل: {name}، {age} سنة، شوهدت آخر مرة في {place}. الملف {reference}. ساعدونا!";
    try {
      Answer edited = edit("ar", "ALERT", template);

      assertThat(edited.status()).as("%s", edited.body()).isEqualTo(200);
      assertThat(edited.json().getString("text")).isEqualTo(template);
      assertThat(edited.json().getBoolean("edited")).isTrue();
      assertThat(edited.json().getString("updatedBy")).isEqualTo("admin");
      assertThat(walk.api.get("/templates/ar/ALERT", walk.admin).json().getString("text"))
          .isEqualTo(template);
      String page = arabicPageInIfrane();
      long alertId = approvedAlertInIfrane();

      ReceivedPost post = walk.awaitPostsTo(page, p -> !p.isEmpty()).get(0);
      String reference =
          walk.api.get("/alerts/" + alertId, walk.supervisor).json().getString("caseReference");
      assertThat(post.message())
          .startsWith("نداء عاجل: سلمى بناني، ")
          .contains("، شوهدت آخر مرة في school gate, Boulevard Zerktouni. الملف " + reference)
          .contains(". ساعدونا!\n\n[tifli-");
      List<JsonObject> history = walk.everyItem("/templates/ar/ALERT/audit", walk.admin);
      JsonObject last = history.get(history.size() - 1);
      assertThat(last.getString("action")).isEqualTo("EDITED");
      assertThat(last.getJsonObject("changes").getJsonObject("text").getString("to"))
          .isEqualTo(template);
    } finally {
      Answer reset = walk.api.delete("/templates/ar/ALERT", walk.admin);
      assertThat(reset.status()).as("%s", reset.body()).isEqualTo(200);
      assertThat(reset.json().getBoolean("edited")).isFalse();
      assertThat(reset.json().getString("text")).isEqualTo(reset.json().getString("shippedText"));
    }
  }

  @Test
  void invalidTemplatesAreRefusedFieldByFieldAndChangeNothing() {
    JsonObject before = walk.api.get("/templates/fr/ALERT", walk.admin).json();

    Answer unknown = edit("fr", "ALERT", "Disparu : {prenom}. {link}");
    assertThat(unknown.status()).as("%s", unknown.body()).isEqualTo(400);
    List<JsonObject> errors = unknown.json().getJsonArray("errors").getValuesAs(JsonObject.class);
    assertThat(errors).allMatch(e -> e.getString("field").equals("text"));
    assertThat(errors)
        .extracting(e -> e.getString("message"))
        .anySatisfy(m -> assertThat(m).contains("{prenom}"))
        .anySatisfy(m -> assertThat(m).contains("{link}"))
        .anySatisfy(m -> assertThat(m).startsWith("{name} is missing"));
    assertRefused(edit("fr", "CLOSING_RESOLVED", "{name} est retrouvée. Dossier {reference}."));
    assertRefused(edit("fr", "ALERT", "x".repeat(1001) + " {name}"));
    assertRefused(edit("fr", "ALERT", "Disparu : {name} {"));
    assertRefused(walk.api.put("/templates/fr/ALERT", walk.admin, "{}"));
    assertThat(edit("es", "ALERT", "{name}").status()).isEqualTo(404);
    assertThat(edit("fr", "RETRACTION", "{name}").status()).isEqualTo(404);

    assertThat(walk.api.get("/templates/fr/ALERT", walk.admin).json()).isEqualTo(before);
  }

  @Test
  void aPreviewLaysTheTemplateOutForEachPlatformWithinItsLimitAndStoresNothing() {
    JsonObject before = walk.api.get("/templates/fr/ALERT", walk.admin).json();
    String draft =
        "ENFANT DISPARU : {name}, {age} ans, vu pour la dernière fois à {place} le {seenAt}. "
            + "Partagez ce message autour de vous, chaque partage compte. ".repeat(12)
            + "Dossier {reference}.";

    Answer preview = preview("fr", "ALERT", Json.createObjectBuilder().add("text", draft));

    assertThat(preview.status()).as("%s", preview.body()).isEqualTo(200);
    JsonObject json = preview.json();
    assertThat(json.getString("text")).startsWith("ENFANT DISPARU : Amina Alaoui, 9 ans");
    assertThat(json.getBoolean("withPhoto")).isTrue();
    Map<String, JsonObject> posts = byPlatform(json);
    assertThat(posts.keySet())
        .containsExactlyInAnyOrder("FACEBOOK", "INSTAGRAM", "X", "TELEGRAM", "WEBHOOK");
    String link = json.getString("link");
    JsonObject x = posts.get("X");
    assertThat(x.getInt("limit")).isEqualTo(280);
    assertThat(x.getInt("length")).isLessThanOrEqualTo(280);
    assertThat(x.getBoolean("shortened")).isTrue();
    assertThat(x.getString("text")).contains("…\n\n" + link + "\n[tifli-");
    JsonObject telegram = posts.get("TELEGRAM");
    assertThat(telegram.getInt("limit")).isEqualTo(1024);
    assertThat(telegram.getInt("length")).isLessThanOrEqualTo(1024);
    assertThat(telegram.getString("text")).contains(link);
    JsonObject facebook = posts.get("FACEBOOK");
    assertThat(facebook.getBoolean("shortened")).isFalse();
    assertThat(facebook.getString("text")).startsWith(json.getString("text") + "\n\n[tifli-");
    assertThat(walk.api.get("/templates/fr/ALERT", walk.admin).json()).isEqualTo(before);
  }

  @Test
  void aPreviewOfAnActiveAlertShowsItsChildInTheTemplatesLanguage() {
    long alertId = approvedAlertInIfrane();
    JsonObject alert = walk.api.get("/alerts/" + alertId, walk.supervisor).json();

    Answer arabic = preview("ar", "ALERT", Json.createObjectBuilder().add("alert", alertId));

    assertThat(arabic.status()).as("%s", arabic.body()).isEqualTo(200);
    assertThat(arabic.json().getString("text")).startsWith("طفل مختفٍ: سلمى بناني، ");
    assertThat(arabic.json().getBoolean("rightToLeft")).isTrue();
    assertThat(arabic.json().getJsonNumber("alert").longValue()).isEqualTo(alertId);
    assertThat(arabic.json().getBoolean("withPhoto")).isFalse();
    assertThat(byPlatform(arabic.json()).get("TELEGRAM").getInt("limit")).isEqualTo(4096);
    Answer closing =
        preview("en", "CLOSING_RESOLVED", Json.createObjectBuilder().add("alert", alertId));
    assertThat(closing.json().getString("text"))
        .contains(alert.getString("caseReference"))
        .doesNotContain("Salma");

    walk.api.post(
        "/alerts/" + alertId + "/cancellation", walk.supervisor, "{\"reason\":\"withdrawn\"}");

    assertThat(preview("ar", "ALERT", Json.createObjectBuilder().add("alert", alertId)).status())
        .isEqualTo(409);
    assertThat(preview("ar", "ALERT", Json.createObjectBuilder().add("alert", 99999999)).status())
        .isEqualTo(404);
    assertRefused(preview("ar", "ALERT", Json.createObjectBuilder().add("text", "{nom}")));
  }

  private static Answer edit(String language, String kind, String text) {
    return walk.api.put(
        "/templates/" + language + "/" + kind,
        walk.admin,
        Json.createObjectBuilder().add("text", text).build().toString());
  }

  private static Answer preview(String language, String kind, jakarta.json.JsonObjectBuilder body) {
    return walk.api.post(
        "/templates/" + language + "/" + kind + "/preview", walk.admin, body.build().toString());
  }

  private static Map<String, JsonObject> byPlatform(JsonObject preview) {
    return preview.getJsonArray("posts").getValuesAs(JsonObject.class).stream()
        .collect(Collectors.toMap(p -> p.getString("platform"), Function.identity()));
  }

  private static void assertRefused(Answer answer) {
    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().getJsonArray("errors")).isNotEmpty();
  }

  /** A Facebook page of Ifrane whose posts are in Arabic; returns its id. */
  private static String arabicPageInIfrane() {
    String page = "ifrane-" + UUID.randomUUID().toString().substring(0, 8);
    Answer registered =
        walk.api.post(
            "/channels",
            walk.admin,
            Json.createObjectBuilder()
                .add("area", "MA-IFR")
                .add("platform", "FACEBOOK")
                .add("accountId", page)
                .add("secret", "token-of-" + page)
                .add("languages", Json.createArrayBuilder().add("ar"))
                .build()
                .toString());
    assertThat(registered.status()).as("%s", registered.body()).isEqualTo(201);
    return page;
  }

  private static long approvedAlertInIfrane() {
    long caseId = walk.openCase(Walk.fullCase(IFRANE[0], IFRANE[1])).getInt("id");
    long alertId = walk.requestAlert(caseId, false).getInt("id");
    walk.approve(alertId);
    return alertId;
  }
}
