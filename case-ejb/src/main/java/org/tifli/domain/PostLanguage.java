package org.tifli.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The languages Tifli writes posts in: Arabic, French, English and Standard Moroccan Tamazight in
 * Tifinagh script. A channel names one or more of them; a message template exists for each.
 */
public enum PostLanguage {
  AR("ar", true),
  FR("fr", false),
  EN("en", false),
  ZGH("zgh", false);

  private final String code;
  private final boolean rightToLeft;

  PostLanguage(String code, boolean rightToLeft) {
    this.code = code;
    this.rightToLeft = rightToLeft;
  }

  /** The language by its code ({@code ar}, {@code fr}, {@code en}, {@code zgh}), if it is one. */
  public static Optional<PostLanguage> of(String code) {
    return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
  }

  /** The codes, for messages: {@code ar, fr, en, zgh}. */
  public static String codes() {
    return Arrays.stream(values()).map(PostLanguage::code).collect(Collectors.joining(", "));
  }

  /** The ISO 639 code, as channels and the API name it. */
  public String code() {
    return code;
  }

  public Locale locale() {
    return Locale.forLanguageTag(code);
  }

  /** Written right to left (Arabic); Tifinagh, as standardised in Morocco, runs left to right. */
  public boolean rightToLeft() {
    return rightToLeft;
  }
}
