package org.tifli.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tifli.domain.Alert;
import org.tifli.domain.Channel;
import org.tifli.domain.Child;
import org.tifli.domain.Delivery;
import org.tifli.domain.LastSeen;
import org.tifli.domain.MissingChildCase;
import org.tifli.domain.PostKind;
import org.tifli.domain.PostLanguage;
import org.tifli.domain.PostTemplate;
import org.tifli.domain.TemplateText;
import org.tifli.infrastructure.platform.AlertFacts;
import org.tifli.infrastructure.platform.AlertPost;

/**
 * Writes the post of a delivery in each of the channel's languages, from the message template of
 * that language and kind of post: the one an administrator edited ({@link PostTemplates}), else the
 * one Tifli ships (the {@code posts} bundles). A post of the child may say their name, age, where
 * and when they were last seen and the case reference; a closing message only the reference.
 * Nothing else of the case goes into a post. An exercise's posts start with the exercise marker,
 * whatever the template says. The post's facts carry the text in each of the channel's languages,
 * with the alert's id, case reference and status, for partner systems.
 *
 * <p>Edited templates are read from the database at most every {@value #TEMPLATES_KEPT_SECONDS}
 * seconds; the server that takes an edit forgets them at once, other servers within that time.
 */
@ApplicationScoped
public class PostComposer {

  static final int TEMPLATES_KEPT_SECONDS = 10;

  private static final String BUNDLE = "org.tifli.application.posts";
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Duration TEMPLATES_KEPT = Duration.ofSeconds(TEMPLATES_KEPT_SECONDS);

  /** The facts a preview shows when no alert is named: nobody real. */
  private static final Map<String, String> SAMPLE =
      Map.of(
          TemplateText.NAME, "Amina Alaoui",
          TemplateText.AGE, "9",
          TemplateText.PLACE, "Derb Ghallef, Casablanca",
          TemplateText.SEEN_AT, "2026-03-14 08:30",
          TemplateText.REFERENCE, "MC-2026-000123");

  private static final Map<String, String> SAMPLE_AR =
      Map.of(
          TemplateText.NAME, "أمينة العلوي",
          TemplateText.AGE, "9",
          TemplateText.PLACE, "درب غلف، الدار البيضاء",
          TemplateText.SEEN_AT, "2026-03-14 08:30",
          TemplateText.REFERENCE, "MC-2026-000123");

  @PersistenceContext private EntityManager em;

  @Inject
  @ConfigProperty(name = "tifli.public-url", defaultValue = "http://localhost:8080/tifli")
  String publicUrl;

  @Inject
  @ConfigProperty(name = "tifli.time-zone", defaultValue = "Africa/Casablanca")
  String timeZone;

  /** The edited templates by language and kind, when they were read, and as of which change. */
  private record Edited(Map<String, String> texts, long readAt, long generation) {}

  private volatile Edited edited;

  /** Counts the changes of templates, so that a read begun before one is not kept after it. */
  private final AtomicLong generation = new AtomicLong();

  /**
   * The post of a delivery: its text in each of the channel's languages, one after the other, the
   * link, the delivery's tag and, for a post that shows the child, the photo's public address.
   *
   * @param photoUrl the publication photo's public URL, or null
   */
  public AlertPost compose(Delivery delivery, Channel channel, String photoUrl) {
    Alert alert = delivery.alert();
    PostKind kind = PostKind.of(delivery);

    Map<String, String> texts = new LinkedHashMap<>();
    for (PostLanguage language : languagesOf(channel)) {
      texts.put(
          language.code(),
          render(
              kind, language, template(language, kind), facts(alert, language), alert.exercise()));
    }

    AlertFacts facts =
        new AlertFacts(
            alert.id(), alert.missingChildCase().reference(), alert.status().name(), texts);
    AlertPost post =
        new AlertPost(String.join("\n\n", texts.values()), link(alert.id()), tag(delivery.id()))
            .withFacts(facts);
    return photoUrl == null ? post : post.withPhoto(photoUrl);
  }

  /**
   * One language's text of a post from a template, with the alert's facts, or with made-up ones
   * when there is no alert: what a preview shows.
   *
   * @param alert the alert whose facts fill the placeholders; empty for the sample
   */
  public String render(
      PostKind kind, PostLanguage language, String template, Optional<Alert> alert) {
    Map<String, String> facts =
        alert.map(a -> facts(a, language)).orElse(language == PostLanguage.AR ? SAMPLE_AR : SAMPLE);
    return render(kind, language, template, facts, alert.map(Alert::exercise).orElse(false));
  }

  /** The link to an alert's public page, which every post carries. */
  public String link(long alertId) {
    return publicUrl + "/alerts/" + alertId;
  }

  /** A delivery's tag, by which its post can be found again. */
  public static String tag(long deliveryId) {
    return "[tifli-" + deliveryId + "]";
  }

  /** The template in use for a language and kind: the edited one, else the shipped one. */
  public String template(PostLanguage language, PostKind kind) {
    String text = editedTemplates().get(key(language.code(), kind));
    return text != null ? text : shippedTemplate(language, kind);
  }

  /** The template Tifli ships for a language and kind. */
  public static String shippedTemplate(PostLanguage language, PostKind kind) {
    return bundle(language).getString("template." + kind.name());
  }

  /** Reads the edited templates again on next use: one has just changed. */
  public void forgetTemplates() {
    generation.incrementAndGet();
    edited = null;
  }

  private String render(
      PostKind kind,
      PostLanguage language,
      String template,
      Map<String, String> facts,
      boolean exercise) {
    String text = TemplateText.render(template, kind.showsTheChild() ? facts : reference(facts));
    return exercise ? bundle(language).getString("exercise") + " " + text : text;
  }

  /** What a closing message may say: the reference, nothing of the child. */
  private static Map<String, String> reference(Map<String, String> facts) {
    return Map.of(TemplateText.REFERENCE, facts.get(TemplateText.REFERENCE));
  }

  private Map<String, String> facts(Alert alert, PostLanguage language) {
    MissingChildCase missingChildCase = alert.missingChildCase();
    Child child = missingChildCase.child();
    LastSeen lastSeen = missingChildCase.lastSeen();
    boolean arabic = language == PostLanguage.AR && child.givenNameAr() != null;
    String name =
        arabic
            ? child.givenNameAr() + " " + nullToEmpty(child.familyNameAr())
            : child.givenName() + " " + child.familyName();
    ZoneId zone = ZoneId.of(timeZone);
    return Map.of(
        TemplateText.NAME, name.trim(),
        TemplateText.AGE, Integer.toString(child.ageOn(LocalDate.now(zone))),
        TemplateText.PLACE, nullToEmpty(lastSeen.place()),
        TemplateText.SEEN_AT, WHEN.format(lastSeen.at().atZone(zone)),
        TemplateText.REFERENCE, missingChildCase.reference());
  }

  /**
   * The channel's languages that Tifli writes; French when it names none of them (channels stored
   * before the languages were checked may name others).
   */
  private static List<PostLanguage> languagesOf(Channel channel) {
    List<PostLanguage> languages = new ArrayList<>();
    for (String code : channel.languages()) {
      PostLanguage.of(code).filter(l -> !languages.contains(l)).ifPresent(languages::add);
    }
    return languages.isEmpty() ? List.of(PostLanguage.FR) : languages;
  }

  private Map<String, String> editedTemplates() {
    Edited known = edited;
    long now = System.nanoTime();
    long current = generation.get();
    if (known == null
        || known.generation() != current
        || now - known.readAt() > TEMPLATES_KEPT.toNanos()) {
      Map<String, String> texts = new LinkedHashMap<>();
      for (PostTemplate template :
          em.createNamedQuery(PostTemplate.ALL, PostTemplate.class).getResultList()) {
        template.text().ifPresent(t -> texts.put(key(template.language(), template.kind()), t));
      }
      known = new Edited(Map.copyOf(texts), now, current);
      if (generation.get() == current) {
        edited = known;
      }
    }
    return known.texts();
  }

  private static String key(String language, PostKind kind) {
    return language + "/" + kind.name();
  }

  /** The language's own bundle, or the base one (English); never the server's default locale's. */
  private static ResourceBundle bundle(PostLanguage language) {
    return ResourceBundle.getBundle(BUNDLE, language.locale(), NO_FALLBACK);
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
