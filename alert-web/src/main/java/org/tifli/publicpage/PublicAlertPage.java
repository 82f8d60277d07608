package org.tifli.publicpage;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tifli.application.PublicAlerts;
import org.tifli.application.PublicAlerts.ChildDescription;
import org.tifli.application.PublicAlerts.PublicAlert;

/**
 * Backs the public page of an alert: loads what the public may see of it ({@link PublicAlerts}) and
 * the language the visitor chose ({@code ?lang=ar|fr|en}, else the browser's).
 */
@Named
@RequestScoped
public class PublicAlertPage {

  private static final Set<String> LANGUAGES = Set.of("ar", "fr", "en");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @EJB PublicAlerts alerts;

  @Inject
  @ConfigProperty(name = "tifli.map.tile-url", defaultValue = "")
  String tileUrl;

  @Inject
  @ConfigProperty(name = "tifli.time-zone", defaultValue = "Africa/Casablanca")
  String timeZone;

  private Long id;
  private String lang;
  private PublicAlert alert;

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
    return child == null ? "" : WHEN.format(child.lastSeenAt().atZone(ZoneId.of(timeZone)));
  }

  /** What the map script draws, as JSON in a data attribute: no inline script on the page. */
  public String getMapData() {
    JsonObjectBuilder map = Json.createObjectBuilder().add("tiles", tileUrl);
    ChildDescription child = getChild();
    if (child != null) {
      map.add("latitude", child.lastSeenLatitude()).add("longitude", child.lastSeenLongitude());
    }
    return map.build().toString();
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
