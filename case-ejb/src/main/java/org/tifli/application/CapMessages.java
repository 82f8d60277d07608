package org.tifli.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tifli.domain.Alert;
import org.tifli.domain.AlertStatus;
import org.tifli.domain.Appearance;
import org.tifli.domain.CapMessage;
import org.tifli.domain.Child;
import org.tifli.domain.LastSeen;
import org.tifli.domain.MissingChildCase;
import org.tifli.geo.AdministrativeArea;
import org.tifli.geo.AreaLevel;
import org.tifli.geo.AreaShape;
import org.tifli.geo.CapShapes;
import org.tifli.geo.GeoPoint;
import org.tifli.geo.StageScope;
import org.tifli.infrastructure.cap.CapDocument;

/**
 * The CAP 1.2 messages of alerts, for any alert aggregator: one when an alert is approved, an
 * update each time its zone widens or its details change, a cancellation when it ends. Each is kept
 * as issued, in the transaction of the change it reports.
 *
 * <p>What a message says is decided here and nowhere else: the child's names, age, sex and
 * appearance, where and when last seen, the areas concerned, the public page and the police number.
 * Never a guardian, a contact, medical needs or anything else of the case. A cancellation describes
 * nobody, and issuing it erases the texts of the alert's earlier messages.
 *
 * <p>Settings: {@code tifli.cap.sender} (default {@code tifli@} and the public URL's host), {@code
 * tifli.cap.languages} (default {@code ar,fr,en}: one {@code info} each; {@code zgh} adds Tamazight
 * in Tifinagh).
 */
@Stateless
public class CapMessages {

  private static final Logger LOG = Logger.getLogger(CapMessages.class.getName());
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** Ended alerts stay in the feed this long, so that aggregators see the cancellation. */
  private static final Duration ENDED_IN_FEED = Duration.ofDays(2);

  private static final int OUTLINE_POINTS = 40;
  private static final CapShapes SHAPES = new CapShapes(OUTLINE_POINTS);

  @PersistenceContext private EntityManager em;

  @Inject AreaDirectory areas;

  @Inject AlertPolicy policy;

  @Inject
  @ConfigProperty(name = "tifli.public-url", defaultValue = "http://localhost:8080/tifli")
  String publicUrl;

  @Inject
  @ConfigProperty(name = "tifli.cap.sender")
  Optional<String> sender;

  @Inject
  @ConfigProperty(name = "tifli.cap.languages", defaultValue = "ar,fr,en")
  String languages;

  @Inject
  @ConfigProperty(name = "tifli.time-zone", defaultValue = "Africa/Casablanca")
  String timeZone;

  private final Clock clock = Clock.systemUTC();

  /** Issues the next message of the alert, which must have been made public. */
  public CapMessage issue(Alert alert, CapMessage.Type type) {
    List<CapMessage> earlier = ofAlert(alert.id());
    Instant now = clock.instant();
    int number = earlier.size() + 1;
    String identifier = "tifli-alert-" + alert.id() + "-" + number;

    CapDocument document =
        new CapDocument(
            identifier,
            senderId(),
            CapDocument.utc(now),
            alert.exercise() ? CapDocument.Status.Exercise : CapDocument.Status.Actual,
            msgType(type),
            earlier.stream()
                .map(
                    m ->
                        new CapDocument.Reference(
                            senderId(), m.identifier(), CapDocument.utc(m.sentAt())))
                .toList(),
            languageTags().stream().map(tag -> info(alert, type, tag)).toList());
    CapMessage message = new CapMessage(alert, number, type, identifier, now, document.toXml());
    em.persist(message);
    if (type == CapMessage.Type.CANCEL) {
      earlier.forEach(CapMessage::erase);
    }

    LOG.info(() -> "CAP message " + identifier + " (" + type + ") issued");
    return message;
  }

  /** The alert's latest message, if it was ever made public. */
  public Optional<CapMessage> latest(long alertId) {
    List<CapMessage> messages = ofAlert(alertId);
    return messages.isEmpty() ? Optional.empty() : Optional.of(messages.get(messages.size() - 1));
  }

  /** The latest message of each active alert and of each alert ended recently, newest first. */
  public List<CapMessage> current() {
    Map<Long, CapMessage> latest = new LinkedHashMap<>();
    em.createNamedQuery(CapMessage.LATEST_SINCE, CapMessage.class)
        .setParameter("since", clock.instant().minus(ENDED_IN_FEED))
        .setParameter("active", AlertStatus.ACTIVE)
        .getResultStream()
        .forEach(m -> latest.put(m.alert().id(), m));
    List<CapMessage> feed = new ArrayList<>(latest.values());
    feed.sort((a, b) -> b.sentAt().compareTo(a.sentAt()));
    return feed;
  }

  private List<CapMessage> ofAlert(long alertId) {
    return em.createNamedQuery(CapMessage.OF_ALERT, CapMessage.class)
        .setParameter("alertId", alertId)
        .getResultList();
  }

  private CapDocument.Info info(Alert alert, CapMessage.Type type, String tag) {
    Locale locale = Locale.forLanguageTag(tag);
    // Without fallback, a language with no bundle of its own (English) gets the base bundle, never
    // the one of the server's default locale.
    ResourceBundle text =
        ResourceBundle.getBundle(
            "org.tifli.application.cap",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    MissingChildCase missing = alert.missingChildCase();
    String exercise = alert.exercise() ? text.getString("exercise") + " " : "";
    String web = publicUrl + "/alerts/" + alert.id();
    List<CapDocument.Area> reached = areasOf(alert, locale);

    if (type == CapMessage.Type.CANCEL) {
      String ending = alert.status().name();
      return new CapDocument.Info(
          tag,
          text.getString("event"),
          text.getString("sender.name"),
          exercise + text.getString("headline." + ending),
          format(text, "description." + ending, locale, missing.reference()),
          null,
          web,
          null,
          null,
          reached);
    }
    Child child = missing.child();
    String name = nameIn(child, locale);
    String age = Integer.toString(child.ageOn(LocalDate.now(ZoneId.of(timeZone))));
    return new CapDocument.Info(
        tag,
        text.getString("event"),
        text.getString("sender.name"),
        format(text, "headline." + type.name(), locale, exercise, name, age),
        description(text, locale, child, name, age, missing.lastSeen()),
        text.getString("instruction"),
        web,
        text.getString("contact"),
        alert.expiresAt() == null ? null : CapDocument.utc(alert.expiresAt()),
        withLastSeenCircle(alert, reached, text));
  }

  private String description(
      ResourceBundle text, Locale locale, Child child, String name, String age, LastSeen seen) {
    Appearance looks = child.appearance();
    List<String> parts = new ArrayList<>();
    parts.add(
        format(text, "description.child", locale, name, text.getString("sex." + child.sex()), age));
    addIfPresent(parts, text, locale, "label.height", looks.heightCm());
    addIfPresent(parts, text, locale, "label.build", looks.build());
    addIfPresent(parts, text, locale, "label.hair", looks.hair());
    addIfPresent(parts, text, locale, "label.eyes", looks.eyes());
    addIfPresent(parts, text, locale, "label.marks", looks.distinguishingMarks());
    addIfPresent(parts, text, locale, "label.clothing", looks.clothing());
    parts.add(
        format(
            text,
            "description.lastSeen",
            locale,
            seen.place() == null ? "?" : seen.place(),
            WHEN.format(seen.at().atZone(ZoneId.of(timeZone)))));
    return String.join(" ", parts);
  }

  /**
   * The areas the alert reaches: a whole region when all its provinces are reached, otherwise each
   * province, with names in the info's language and ISO 3166-2 codes.
   */
  private List<CapDocument.Area> areasOf(Alert alert, Locale locale) {
    Set<String> provinces = new LinkedHashSet<>();
    for (var target : alert.targetAreas()) {
      areas
          .find(target.areaCode())
          .filter(a -> a.level() == AreaLevel.PROVINCE)
          .ifPresent(a -> provinces.add(a.code()));
    }
    boolean arabic = "ar".equals(locale.getLanguage());
    List<CapDocument.Area> result = new ArrayList<>();
    Set<String> covered = new LinkedHashSet<>();
    for (AdministrativeArea region : regions()) {
      List<String> inRegion =
          areas.areas().stream()
              .filter(a -> region.code().equals(a.parentCode()))
              .map(AdministrativeArea::code)
              .toList();
      if (!inRegion.isEmpty() && provinces.containsAll(inRegion)) {
        result.add(area(region, arabic));
        covered.addAll(inRegion);
      }
    }
    for (String code : provinces) {
      if (!covered.contains(code)) {
        areas.find(code).ifPresent(province -> result.add(area(province, arabic)));
      }
    }
    return result;
  }

  private List<AdministrativeArea> regions() {
    return areas.areas().stream().filter(a -> a.level() == AreaLevel.REGION).toList();
  }

  private static CapDocument.Area area(AdministrativeArea area, boolean arabic) {
    return new CapDocument.Area(
        arabic ? area.nameAr() : area.nameFr(),
        List.of(SHAPES.outline(area)),
        List.of(area.code()));
  }

  /** While the zone is a radius, the circle around the last-seen point leads the areas. */
  private List<CapDocument.Area> withLastSeenCircle(
      Alert alert, List<CapDocument.Area> reached, ResourceBundle text) {
    Optional<Double> radius = currentRadiusKm(alert);
    if (radius.isEmpty()) {
      return reached;
    }
    LastSeen seen = alert.missingChildCase().lastSeen();
    AreaShape.Circle circle =
        CapShapes.circle(new GeoPoint(seen.latitude(), seen.longitude()), radius.get());
    List<CapDocument.Area> all = new ArrayList<>();
    all.add(new CapDocument.Area(text.getString("area.lastSeen"), List.of(circle), List.of()));
    all.addAll(reached);
    return all;
  }

  private Optional<Double> currentRadiusKm(Alert alert) {
    int done = alert.stagesDone();
    var stages = policy.schedule().stages();
    if (done < 1 || done > stages.size()) {
      return Optional.empty();
    }
    return stages.get(done - 1).scope() instanceof StageScope.Radius r
        ? Optional.of(r.km())
        : Optional.empty();
  }

  private static void addIfPresent(
      List<String> parts, ResourceBundle text, Locale locale, String key, Object value) {
    if (value != null && !value.toString().isBlank()) {
      parts.add(format(text, key, locale, value.toString()));
    }
  }

  private static String format(ResourceBundle text, String key, Locale locale, Object... args) {
    return new MessageFormat(text.getString(key), locale).format(args);
  }

  private static String nameIn(Child child, Locale locale) {
    if ("ar".equals(locale.getLanguage()) && child.givenNameAr() != null) {
      String family = child.familyNameAr() == null ? "" : " " + child.familyNameAr();
      return child.givenNameAr() + family;
    }
    return child.givenName() + " " + child.familyName();
  }

  private String senderId() {
    return sender.orElseGet(() -> "tifli@" + URI.create(publicUrl).getHost());
  }

  private List<String> languageTags() {
    return Arrays.stream(languages.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static CapDocument.MsgType msgType(CapMessage.Type type) {
    return switch (type) {
      case ALERT -> CapDocument.MsgType.Alert;
      case UPDATE -> CapDocument.MsgType.Update;
      case CANCEL -> CapDocument.MsgType.Cancel;
    };
  }
}
