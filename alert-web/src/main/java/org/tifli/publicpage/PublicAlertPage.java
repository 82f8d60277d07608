package org.tifli.publicpage;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tifli.api.ClientAddresses;
import org.tifli.api.SightingRateLimit;
import org.tifli.application.PublicAlerts;
import org.tifli.application.PublicAlerts.ChildDescription;
import org.tifli.application.PublicAlerts.PublicAlert;
import org.tifli.application.Sightings;
import org.tifli.domain.Actor;
import org.tifli.domain.IllegalTransitionException;
import org.tifli.domain.InvalidRequestException;
import org.tifli.domain.RecordNotFoundException;
import org.tifli.domain.SightingReport;
import org.tifli.domain.TemplateText;

/**
 * Backs the public page of an alert: loads what the public may see of it ({@link PublicAlerts}) and
 * the language the visitor chose ({@code ?lang=ar|fr|en}, else the browser's), and takes the
 * sighting form, counted against the same per-address limit as the API's sightings.
 */
@Named
@ViewScoped
public class PublicAlertPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(PublicAlertPage.class.getName());
  private static final Set<String> LANGUAGES = Set.of("ar", "fr", "en");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @EJB PublicAlerts alerts;

  @EJB Sightings sightings;

  @Inject SightingRateLimit rateLimit;

  @Inject ClientAddresses addresses;

  @Inject PublicPageSettings settings;

  private Long id;
  private String lang;
  private PublicAlert alert;

  private String seenAt;
  private Double latitude;
  private Double longitude;
  private String description;
  private String contact;
  private boolean sent;

  /** Loads the alert named by the view parameter; an unknown one is a 404. */
  public void load() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    Optional<PublicAlert> found = id == null ? Optional.empty() : alerts.find(id);
    if (found.isEmpty()) {
      faces.getExternalContext().responseSendError(404, "no such alert");
      faces.responseComplete();
      return;
    }
    alert = found.get();
    if (lang != null && LANGUAGES.contains(lang)) {
      faces.getViewRoot().setLocale(Locale.forLanguageTag(lang));
    }
  }

  /** Sends the sighting form; field errors are shown beside the fields, nothing is half-sent. */
  public void report() {
    FacesContext faces = FacesContext.getCurrentInstance();
    HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
    ResourceBundle text = faces.getApplication().getResourceBundle(faces, "text");
    OptionalLong wait = rateLimit.refusal(request);
    if (wait.isPresent()) {
      error(faces, null, text.getString("public.sighting.tooMany"));
      return;
    }
    LocalDateTime when;
    try {
      when = LocalDateTime.parse(seenAt);
    } catch (DateTimeParseException | NullPointerException e) {
      error(faces, "sighting:seenAt", text.getString("public.sighting.seenAt.invalid"));
      return;
    }

    try {
      sightings.report(
          id,
          new SightingReport(
              when.atZone(settings.timeZone()).toInstant(),
              latitude,
              longitude,
              description.strip(),
              contact == null || contact.isBlank() ? null : contact.strip()),
          Actor.thePublic(addresses.of(request)));
    } catch (RuntimeException e) {
      refused(faces, text, e);
      return;
    }

    sent = true;
    seenAt = null;
    latitude = null;
    longitude = null;
    description = null;
    contact = null;
  }

  private void refused(FacesContext faces, ResourceBundle text, Exception failure) {
    Throwable cause =
        failure instanceof EJBException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof InvalidRequestException invalid) {
      String field = invalid.field().startsWith("seenAt") ? "sighting:seenAt" : "sighting:latitude";
      error(faces, field, text.getString("public.sighting.invalid." + fieldKey(invalid.field())));
    } else if (cause instanceof IllegalTransitionException
        || cause instanceof RecordNotFoundException) {
      error(faces, null, text.getString("public.sighting.ended"));
    } else {
      LOG.log(Level.WARNING, "A sighting from the public page failed", cause);
      error(faces, null, text.getString("public.sighting.failed"));
    }
  }

  private static String fieldKey(String field) {
    return field.startsWith("seenAt") ? "seenAt" : "place";
  }

  private static void error(FacesContext faces, String clientId, String message) {
    faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  public boolean isSent() {
    return sent;
  }

  public String getSeenAt() {
    return seenAt;
  }

  public void setSeenAt(String seenAt) {
    this.seenAt = seenAt;
  }

  public Double getLatitude() {
    return latitude;
  }

  public void setLatitude(Double latitude) {
    this.latitude = latitude;
  }

  public Double getLongitude() {
    return longitude;
  }

  public void setLongitude(Double longitude) {
    this.longitude = longitude;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getContact() {
    return contact;
  }

  public void setContact(String contact) {
    this.contact = contact;
  }

  public PublicAlert getAlert() {
    return alert;
  }

  public ChildDescription getChild() {
    return alert == null ? null : alert.child().orElse(null);
  }

  /** The child's name in the page's script: Arabic where recorded and the page is Arabic. */
  public String getName() {
    ChildDescription child = getChild();
    if (child == null) {
      return "";
    }
    boolean arabic = "ar".equals(language()) && child.givenNameAr() != null;
    return arabic
        ? (child.givenNameAr() + " " + Optional.ofNullable(child.familyNameAr()).orElse("")).trim()
        : child.givenName() + " " + child.familyName();
  }

  public String getLastSeenAt() {
    ChildDescription child = getChild();
    return child == null ? "" : WHEN.format(child.lastSeenAt().atZone(settings.timeZone()));
  }

  /** What the map script draws, as JSON in a data attribute: no inline script on the page. */
  public String getMapData() {
    JsonObjectBuilder map =
        Json.createObjectBuilder()
            .add("tiles", settings.tileUrl())
            .add("latitudeInput", "sighting:latitude")
            .add("longitudeInput", "sighting:longitude");
    ChildDescription child = getChild();
    if (child != null) {
      map.add("latitude", child.lastSeenLatitude()).add("longitude", child.lastSeenLongitude());
    }
    return map.build().toString();
  }

  /** The page's address as the public reaches it, for link previews. */
  public String getShareUrl() {
    return alert == null ? "" : settings.publicUrl() + "/alerts/" + alert.id();
  }

  /** The title of a link preview: the child's name while active, how it ended afterwards. */
  public String getShareTitle() {
    if (alert == null) {
      return "";
    }
    ResourceBundle text = text();
    if (alert.active()) {
      return text.getString("public.missing") + ": " + getName();
    }
    return text.getString(alert.found() ? "public.found.title" : "public.ended.title");
  }

  /**
   * The description of a link preview: while active, what the page itself shows of the child's age
   * and where and when they were last seen, and whom to call; afterwards, nothing of the child.
   */
  public String getShareDescription() {
    if (alert == null) {
      return "";
    }
    ResourceBundle text = text();
    ChildDescription child = getChild();
    if (child == null) {
      return text.getString(alert.found() ? "public.found.text" : "public.ended.text");
    }
    return TemplateText.render(
        text.getString("public.share.description"),
        Map.of(
            TemplateText.AGE, Integer.toString(child.age()),
            TemplateText.PLACE, Optional.ofNullable(child.lastSeenPlace()).orElse(""),
            TemplateText.SEEN_AT, getLastSeenAt()));
  }

  /**
   * The publication photo's public address, which platforms show in a link preview, while the alert
   * is active and has one; empty otherwise.
   */
  public String getShareImage() {
    ChildDescription child = getChild();
    return child != null && child.hasPhoto()
        ? settings.publicUrl() + "/alerts/" + alert.id() + "/photo"
        : "";
  }

  private static ResourceBundle text() {
    FacesContext faces = FacesContext.getCurrentInstance();
    return faces.getApplication().getResourceBundle(faces, "text");
  }

  public String getLanguage() {
    return language();
  }

  private String language() {
    return FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage();
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getLang() {
    return lang;
  }

  public void setLang(String lang) {
    this.lang = lang;
  }
}
