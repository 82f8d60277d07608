package org.tifli.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tifli.domain.Alert;
import org.tifli.domain.Channel;
import org.tifli.domain.Child;
import org.tifli.domain.Delivery;
import org.tifli.domain.DeliveryPurpose;
import org.tifli.domain.LastSeen;
import org.tifli.domain.MissingChildCase;
import org.tifli.infrastructure.platform.AlertFacts;
import org.tifli.infrastructure.platform.AlertPost;

/**
 * Writes the post of a delivery in the channel's first language, from the {@code posts} bundle: the
 * child's name and age, where and when they were last seen, and the link to the alert's public
 * page; an update says that the page has new details. Nothing else of the case goes into a post.
 * The post's facts carry the text in each of the channel's languages, with the alert's id, case
 * reference and status, for partner systems.
 */
@ApplicationScoped
public class PostComposer {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Inject
  @ConfigProperty(name = "tifli.public-url", defaultValue = "http://localhost:8080/tifli")
  String publicUrl;

  @Inject
  @ConfigProperty(name = "tifli.time-zone", defaultValue = "Africa/Casablanca")
  String timeZone;

  public AlertPost compose(Delivery delivery, Channel channel) {
    Alert alert = delivery.alert();
    List<String> languages = channel.languages().isEmpty() ? List.of("fr") : channel.languages();

    Map<String, String> texts = new LinkedHashMap<>();
    for (String language : languages) {
      texts.put(language, text(delivery, Locale.forLanguageTag(language)));
    }

    AlertFacts facts =
        new AlertFacts(
            alert.id(), alert.missingChildCase().reference(), alert.status().name(), texts);
    return new AlertPost(
            texts.get(languages.get(0)),
            publicUrl + "/alerts/" + alert.id(),
            "[tifli-" + delivery.id() + "]")
        .withFacts(facts);
  }

  private String text(Delivery delivery, Locale locale) {
    Alert alert = delivery.alert();
    MissingChildCase missingChildCase = alert.missingChildCase();
    Child child = missingChildCase.child();
    LastSeen lastSeen = missingChildCase.lastSeen();
    ResourceBundle bundle = ResourceBundle.getBundle("org.tifli.application.posts", locale);

    boolean arabic = "ar".equals(locale.getLanguage()) && child.givenNameAr() != null;
    String name =
        arabic
            ? child.givenNameAr() + " " + nullToEmpty(child.familyNameAr())
            : child.givenName() + " " + child.familyName();
    return new MessageFormat(bundle.getString(textKey(delivery.purpose())), locale)
        .format(
            new Object[] {
              (alert.exercise() ? bundle.getString("alert.exercise") + " " : ""),
              name.trim(),
              child.ageOn(LocalDate.now(ZoneId.of(timeZone))),
              nullToEmpty(lastSeen.place()),
              WHEN.format(lastSeen.at().atZone(ZoneId.of(timeZone))),
              missingChildCase.reference()
            });
  }

  private static String textKey(DeliveryPurpose purpose) {
    return switch (purpose) {
      case ALERT -> "alert.text";
      case UPDATE -> "update.text";
    };
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
