package org.tifli.console;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The language the console speaks to the user, for the whole session: Arabic (written right to
 * left), French or English. It starts as the first of these the browser asks for (French if none)
 * and changes when the user picks another ({@link LanguageChoice}).
 */
@Named("language")
@SessionScoped
public class ConsoleLanguage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A language the console speaks, named in itself. */
  public record Choice(String code, String name) implements Serializable {}

  public static final List<Choice> CHOICES =
      List.of(
          new Choice("ar", "العربية"), new Choice("fr", "Français"), new Choice("en", "English"));

  private static final String FALLBACK = "fr";

  private String code;

  /** The supported language of that code, if it is one. */
  static Optional<String> supported(String code) {
    return CHOICES.stream().map(Choice::code).filter(c -> c.equals(code)).findFirst();
  }

  /** Sets the language, unless already chosen, to the first the browser prefers that we speak. */
  void startFrom(Enumeration<Locale> preferred) {
    if (code != null) {
      return;
    }
    while (preferred.hasMoreElements()) {
      Optional<String> match = supported(preferred.nextElement().getLanguage());
      if (match.isPresent()) {
        code = match.get();
        return;
      }
    }
    code = FALLBACK;
  }

  void choose(String language) {
    supported(language).ifPresent(match -> code = match);
  }

  public Locale getLocale() {
    return Locale.forLanguageTag(getCode());
  }

  public String getCode() {
    return code == null ? FALLBACK : code;
  }

  /** {@code rtl} for Arabic, {@code ltr} otherwise: the page's {@code dir}. */
  public String getDirection() {
    return "ar".equals(getCode()) ? "rtl" : "ltr";
  }

  public List<Choice> getChoices() {
    return CHOICES;
  }
}
