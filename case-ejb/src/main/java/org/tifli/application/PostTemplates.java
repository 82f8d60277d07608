package org.tifli.application;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.tifli.domain.Actor;
import org.tifli.domain.Alert;
import org.tifli.domain.AlertStatus;
import org.tifli.domain.AuditEntry;
import org.tifli.domain.AuditEntry.Subject;
import org.tifli.domain.CasePhoto;
import org.tifli.domain.IllegalTransitionException;
import org.tifli.domain.InvalidRequestException;
import org.tifli.domain.Platform;
import org.tifli.domain.PostKind;
import org.tifli.domain.PostLanguage;
import org.tifli.domain.PostTemplate;
import org.tifli.domain.RecordNotFoundException;
import org.tifli.domain.TemplateText;
import org.tifli.infrastructure.platform.AlertPost;
import org.tifli.infrastructure.platform.PostFitting;
import org.tifli.infrastructure.platform.PostLayout;

/**
 * The message templates administrators edit, one per language ({@link PostLanguage}) and kind of
 * post ({@link PostKind}), and their preview on each platform. A template nobody edited is the one
 * Tifli ships; an edit is checked ({@link TemplateText}) before it is kept, and applies to every
 * post written after it, on this server at once and on others within seconds. Every edit and reset
 * is audited, with the text before and after.
 *
 * <p>Languages and kinds are taken by their codes ({@code ar}, {@code alert}) as the API and the
 * console name them; one that names nothing is {@link RecordNotFoundException not found}.
 */
@Stateless
public class PostTemplates {

  private static final Logger LOG = Logger.getLogger(PostTemplates.class.getName());

  /** The delivery a preview pretends to be, for its tag; long enough to weigh like a real one. */
  private static final long SAMPLE_DELIVERY = 1_000_000L;

  private static final long SAMPLE_ALERT = 100_000L;

  @PersistenceContext private EntityManager em;

  @Inject PostComposer composer;

  @EJB AuditTrail audit;

  @Resource TransactionSynchronizationRegistry transactions;

  private final Clock clock = Clock.systemUTC();

  /** Every template, by language (ar, fr, en, zgh) then kind. */
  public List<EffectiveTemplate> list() {
    List<EffectiveTemplate> all = new ArrayList<>();
    for (PostTemplate template :
        em.createNamedQuery(PostTemplate.ALL, PostTemplate.class).getResultList()) {
      PostLanguage.of(template.language()).ifPresent(l -> all.add(effective(template, l)));
    }
    return all;
  }

  public EffectiveTemplate get(String language, String kind) {
    PostLanguage lang = language(language, kind);
    return effective(row(lang, kind(language, kind), LockModeType.NONE), lang);
  }

  /**
   * Keeps the administrator's text as the template of the language and kind.
   *
   * @throws InvalidRequestException naming field {@code text}, one message per problem: an unknown
   *     placeholder, a missing one, a text too long
   */
  public EffectiveTemplate edit(String language, String kind, String text, Actor admin) {
    PostLanguage lang = language(language, kind);
    PostTemplate template = row(lang, kind(language, kind), LockModeType.PESSIMISTIC_WRITE);
    String before = effective(template, lang).text();

    template.edit(text, admin.name(), clock.instant());
    audit.record(
        admin,
        Subject.TEMPLATE,
        template.id(),
        null,
        "EDITED",
        Changes.of("language", lang.code())
            .set("kind", template.kind())
            .change("text", before, text));
    forgetTemplatesAfterCommit();

    LOG.info(() -> "Template " + lang.code() + "/" + template.kind() + " edited");
    return effective(template, lang);
  }

  /** Goes back to the template Tifli ships for the language and kind. */
  public EffectiveTemplate reset(String language, String kind, Actor admin) {
    PostLanguage lang = language(language, kind);
    PostTemplate template = row(lang, kind(language, kind), LockModeType.PESSIMISTIC_WRITE);
    String before = effective(template, lang).text();

    template.reset(admin.name(), clock.instant());
    audit.record(
        admin,
        Subject.TEMPLATE,
        template.id(),
        null,
        "RESET",
        Changes.of("language", lang.code())
            .set("kind", template.kind())
            .change("text", before, PostComposer.shippedTemplate(lang, template.kind())));
    forgetTemplatesAfterCommit();

    LOG.info(() -> "Template " + lang.code() + "/" + template.kind() + " back to the shipped one");
    return effective(template, lang);
  }

  /**
   * What the template (or a draft of it) makes of an active alert, or of a made-up child, on each
   * platform. Nothing is stored.
   *
   * @param draft a text to try instead of the template in use
   * @param alertId an active alert whose facts to use; without one, a made-up child with a photo
   * @throws InvalidRequestException naming field {@code text} when the draft is not a valid
   *     template
   * @throws RecordNotFoundException when the alert does not exist
   * @throws IllegalTransitionException when the alert is not active: what it showed is no longer
   *     public
   */
  public TemplatePreview preview(
      String language, String kind, Optional<String> draft, Optional<Long> alertId) {
    PostLanguage lang = language(language, kind);
    PostKind postKind = kind(language, kind);
    String template = draft.orElseGet(() -> composer.template(lang, postKind));
    List<String> problems = TemplateText.problems(postKind, template);
    if (!problems.isEmpty()) {
      throw InvalidRequestException.of("text", problems);
    }
    Optional<Alert> alert = alertId.map(this::activeAlert);

    long shownAlert = alert.map(Alert::id).orElse(SAMPLE_ALERT);
    boolean withPhoto = postKind.showsTheChild() && alert.map(this::hasPhoto).orElse(true);
    String text = composer.render(postKind, lang, template, alert);
    String link = composer.link(shownAlert);

    return new TemplatePreview(
        lang,
        postKind,
        text,
        alert.map(Alert::id).orElse(null),
        withPhoto,
        link,
        onEachPlatform(text, link, withPhoto));
  }

  /**
   * The alert's own post in one language, as each platform would get it if the alert were approved
   * now: the template in use filled with the case's facts. For the supervisor who decides a request
   * (pending) or follows an alert; unlike {@link #preview}, it is no public view of the case.
   *
   * @throws RecordNotFoundException when the alert does not exist
   */
  public TemplatePreview alertPost(long alertId, PostLanguage language) {
    Alert alert = em.find(Alert.class, alertId);
    if (alert == null) {
      throw new RecordNotFoundException("alert", alertId);
    }

    boolean withPhoto = hasPhoto(alert);
    String text =
        composer.render(
            PostKind.ALERT,
            language,
            composer.template(language, PostKind.ALERT),
            Optional.of(alert));
    String link = composer.link(alertId);

    return new TemplatePreview(
        language,
        PostKind.ALERT,
        text,
        alertId,
        withPhoto,
        link,
        onEachPlatform(text, link, withPhoto));
  }

  /** The text laid out and fitted as each platform's publisher does. */
  private static List<TemplatePreview.PlatformPost> onEachPlatform(
      String text, String link, boolean withPhoto) {
    AlertPost post = new AlertPost(text, link, PostComposer.tag(SAMPLE_DELIVERY));
    AlertPost shown = withPhoto ? post.withPhoto(link + "/photo") : post;
    List<TemplatePreview.PlatformPost> posts = new ArrayList<>();
    for (Platform platform : Platform.values()) {
      String fitted = PostLayout.fitted(platform, shown);
      posts.add(
          new TemplatePreview.PlatformPost(
              platform,
              fitted,
              PostFitting.length(platform, fitted),
              PostLayout.limit(platform, shown),
              !fitted.equals(text + PostLayout.tail(platform, shown))));
    }
    return posts;
  }

  /**
   * One stretch of the template's history, oldest first: at most {@code max} from {@code first}.
   */
  public List<AuditEntry> history(String language, String kind, int first, int max) {
    return audit.of(Subject.TEMPLATE, rowId(language, kind), first, max);
  }

  /** How many edits and resets the template's history holds. */
  public long historyLength(String language, String kind) {
    return audit.countOf(Subject.TEMPLATE, rowId(language, kind));
  }

  private long rowId(String language, String kind) {
    PostLanguage lang = language(language, kind);
    return row(lang, kind(language, kind), LockModeType.NONE).id();
  }

  private Alert activeAlert(long alertId) {
    Alert alert = em.find(Alert.class, alertId);
    if (alert == null) {
      throw new RecordNotFoundException("alert", alertId);
    }
    if (alert.status() != AlertStatus.ACTIVE) {
      throw new IllegalTransitionException(
          "alert "
              + alertId
              + " is "
              + alert.status()
              + ": only an active alert's details are public; preview without an alert instead");
    }
    return alert;
  }

  private boolean hasPhoto(Alert alert) {
    return em.createNamedQuery(CasePhoto.OF_CASE, CasePhoto.class)
        .setParameter("caseId", alert.missingChildCase().id())
        .getResultStream()
        .anyMatch(CasePhoto::forPublication);
  }

  private EffectiveTemplate effective(PostTemplate template, PostLanguage language) {
    String shipped = PostComposer.shippedTemplate(language, template.kind());
    return new EffectiveTemplate(
        template.id(),
        language,
        template.kind(),
        template.text().orElse(shipped),
        template.text().isPresent(),
        shipped,
        template.updatedAt().orElse(null),
        template.updatedBy().orElse(null));
  }

  private PostTemplate row(PostLanguage language, PostKind kind, LockModeType lock) {
    return em.createNamedQuery(PostTemplate.OF, PostTemplate.class)
        .setParameter("language", language.code())
        .setParameter("kind", kind)
        .setLockMode(lock)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new RecordNotFoundException("template", language.code() + "/" + kind));
  }

  private static PostLanguage language(String language, String kind) {
    return PostLanguage.of(language).orElseThrow(() -> notFound(language, kind));
  }

  private static PostKind kind(String language, String kind) {
    return PostKind.named(kind).orElseThrow(() -> notFound(language, kind));
  }

  private static RecordNotFoundException notFound(String language, String kind) {
    return new RecordNotFoundException("template", shown(language) + "/" + shown(kind));
  }

  /** Enough of a name from the path to recognise it, not a whole text echoed back. */
  private static String shown(String name) {
    if (name == null) {
      return "";
    }
    return name.length() <= 20 ? name : name.substring(0, 20) + "…";
  }

  /** Posts written after the commit use the new text; a rolled-back edit changes nothing. */
  private void forgetTemplatesAfterCommit() {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {
            // Only the outcome matters.
          }

          @Override
          public void afterCompletion(int status) {
            composer.forgetTemplates();
          }
        });
  }
}
