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
 * Writes the post of a delivery in each of the channel's languages, from the {@code posts} bundle:
 * the child's name and age, where and when they were last seen, and the link to the alert's public
 * page; an update says that the page has new details; a closing message says only how the alert
 * ended. Nothing else of the case goes into a post. The post's facts carry the text in each of the
 * channel's languages, with the alert's id, case reference and status, for partner systems.
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

  /**
   * The post of a delivery: its text in each of the channel's languages, one after the other, the
   * link, the delivery's tag and, for a post that shows the child, the photo's public address.
   *
   * @param photoUrl the publication photo's public URL, or null
   */
  public AlertPost compose(Delivery delivery, Channel channel, String photoUrl) {
    Alert alert = delivery.alert();
    List<String> languages = channel.languages().isEmpty() ? List.of("fr") : channel.languages();

    Map<String, String> texts = new LinkedHashMap<>();
    for (String language : languages) {
      Locale locale = Locale.forLanguageTag(language);
      texts.put(
          language,
          delivery.purpose().showsTheChild() ? text(delivery, locale) : closing(alert, locale));
    }

    AlertFacts facts =
        new AlertFacts(
            alert.id(), alert.missingChildCase().reference(), alert.status().name(), texts);
    AlertPost post =
        new AlertPost(
                String.join("\n\n", texts.values()),
                publicUrl + "/alerts/" + alert.id(),
                "[tifli-" + delivery.id() + "]")
            .withFacts(facts);
    return photoUrl == null ? post : post.withPhoto(photoUrl);
  }

  /** The alert has ended: how, and the case reference; nobody is named. */
  private static String closing(Alert alert, Locale locale) {
    ResourceBundle bundle = ResourceBundle.getBundle("org.tifli.application.posts", locale);
    String ending = alert.isActive() ? "CANCELLED" : alert.status().name();
    return new MessageFormat(bundle.getString("closing." + ending), locale)
        .format(new Object[] {alert.missingChildCase().reference()});
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
    return purpose == DeliveryPurpose.UPDATE ? "update.text" : "alert.text";
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
