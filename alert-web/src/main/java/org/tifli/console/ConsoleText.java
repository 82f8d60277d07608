package org.tifli.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;
import org.tifli.application.AreaDirectory;
import org.tifli.geo.StageScope;

/**
 * What the console's pages say the same way: a stage's scope, the time since an event, an area's
 * name in the page's language, and messages from the {@code text} bundle.
 */
final class ConsoleText {

  private ConsoleText() {}

  private static final String BUNDLE = "org.tifli.console.text";
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  /** Where a message to show after a redirect waits in the flash. */
  private static final String CARRIED = "org.tifli.console.notice";

  /**
   * The {@code text} bundle in the session's language. The page's own locale is only set when it
   * renders, after the view action has run: a bean reads the language from the session instead.
   */
  static ResourceBundle bundle(FacesContext faces) {
    return ResourceBundle.getBundle(BUNDLE, locale(faces), NO_FALLBACK);
  }

  static Locale locale(FacesContext faces) {
    return faces
        .getApplication()
        .evaluateExpressionGet(faces, "#{language}", ConsoleLanguage.class)
        .getLocale();
  }

  /** A stage's scope: "20 km around", "whole regions", "national". */
  static String scope(StageScope scope, ResourceBundle text) {
    if (scope instanceof StageScope.Radius radius) {
      return MessageFormat.format(
          text.getString("dashboard.scope.radius"), Math.round(radius.km()));
    }
    return text.getString(
        scope instanceof StageScope.Regions
            ? "dashboard.scope.regions"
            : "dashboard.scope.national");
  }

  /** Hours and minutes, or days and hours past a day. */
  static String elapsed(Duration since, ResourceBundle text) {
    Duration positive = since.isNegative() ? Duration.ZERO : since;
    if (positive.toDays() > 0) {
      return MessageFormat.format(
          text.getString("dashboard.elapsed.days"), positive.toDays(), positive.toHoursPart());
    }
    return MessageFormat.format(
        text.getString("dashboard.elapsed.hours"), positive.toHours(), positive.toMinutesPart());
  }

  /** The area's name in the console's language: Arabic for Arabic, French otherwise. */
  static String areaName(AreaDirectory areas, String code) {
    if (code == null) {
      return "";
    }
    boolean arabic = "ar".equals(locale(FacesContext.getCurrentInstance()).getLanguage());
    return areas.find(code).map(area -> arabic ? area.nameAr() : area.nameFr()).orElse(code);
  }

  /** A message for the whole page from the bundle, with its parameters. */
  static void info(FacesContext faces, String key, Object... parameters) {
    faces.addMessage(
        null,
        new FacesMessage(
            FacesMessage.SEVERITY_INFO,
            MessageFormat.format(bundle(faces).getString(key), parameters),
            null));
  }

  /** A message for the whole page that comes after a redirect, and is shown there once. */
  static void infoAfterRedirect(FacesContext faces, String key, Object... parameters) {
    faces
        .getExternalContext()
        .getFlash()
        .put(CARRIED, MessageFormat.format(bundle(faces).getString(key), parameters));
  }

  /** Shows the message carried over a redirect, if there is one; called by the view actions. */
  static void showCarried(FacesContext faces) {
    Object notice = faces.getExternalContext().getFlash().get(CARRIED);
    if (notice != null) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, notice.toString(), null));
    }
  }

  /**
   * An error from the bundle, beside the field of that client id (or for the whole page when it is
   * null); the request counts as failed, so that a dialog stays open and the form keeps its input.
   */
  static void error(FacesContext faces, String clientId, String key, Object... parameters) {
    faces.addMessage(
        clientId,
        new FacesMessage(
            FacesMessage.SEVERITY_ERROR,
            MessageFormat.format(bundle(faces).getString(key), parameters),
            null));
    faces.validationFailed();
  }

  /** A message already put in words, for the whole page. */
  static void say(FacesContext faces, String message) {
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
  }

  /**
   * A refusal already put in words, beside the field of that client id (or for the whole page when
   * it is null); the request counts as failed, as with {@link #error}.
   */
  static void refuse(FacesContext faces, String clientId, String message) {
    faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    faces.validationFailed();
  }
}
