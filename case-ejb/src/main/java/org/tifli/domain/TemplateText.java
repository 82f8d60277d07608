package org.tifli.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules of a message template: plain text with placeholders in braces, such as {@code {name}},
 * which a post fills with the alert's facts. There is no other syntax: an apostrophe or a percent
 * sign is just itself, and a brace only ever opens or closes a placeholder.
 *
 * <p>A template may use only the placeholders of its kind, must use those its kind requires, is at
 * most {@value #MAX_LENGTH} characters, and has no control characters but line breaks and tabs. The
 * link to the alert's page and the delivery's tag are not placeholders: every post carries them
 * after the text, kept whole whatever the platform's limit, so no template can lose them.
 */
public final class TemplateText {

  /** The longest template: a post of one language fits a Telegram caption with room to spare. */
  public static final int MAX_LENGTH = 1000;

  public static final String NAME = "name";
  public static final String AGE = "age";
  public static final String PLACE = "place";
  public static final String SEEN_AT = "seenAt";
  public static final String REFERENCE = "reference";

  /** What a post of the child may say of them; a closing message may say only the reference. */
  static final List<String> CHILD_PLACEHOLDERS = List.of(NAME, AGE, PLACE, SEEN_AT, REFERENCE);

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]{0,39})\\}");

  private TemplateText() {}

  /** What is wrong with the text as a template of the kind, one message each; empty when valid. */
  public static List<String> problems(PostKind kind, String text) {
    List<String> problems = new ArrayList<>();
    if (text == null || text.isBlank()) {
      problems.add("a template needs some text");
      return problems;
    }
    if (text.length() > MAX_LENGTH) {
      problems.add("at most " + MAX_LENGTH + " characters; this one has " + text.length());
    }
    if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
      problems.add("no control characters but line breaks and tabs");
    }
    if (PLACEHOLDER.matcher(text).replaceAll("").matches("(?s).*[{}].*")) {
      problems.add(
          "braces only surround a placeholder, such as {"
              + kind.placeholders().get(0)
              + "}; one here does not");
    }

    Set<String> used = placeholders(text);
    for (String name : used) {
      if (!kind.placeholders().contains(name)) {
        problems.add(notAllowed(kind, name));
      }
    }
    for (String name : kind.required()) {
      if (!used.contains(name)) {
        problems.add("{" + name + "} is missing: " + whyRequired(kind, name));
      }
    }
    return problems;
  }

  /** The placeholders the text uses, in order of first use. */
  public static Set<String> placeholders(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher placeholder = PLACEHOLDER.matcher(text);
    while (placeholder.find()) {
      names.add(placeholder.group(1));
    }
    return names;
  }

  /**
   * The text with each placeholder replaced by its value; a placeholder without a value stays as it
   * is written (a valid template has none).
   */
  public static String render(String text, Map<String, String> values) {
    Matcher placeholder = PLACEHOLDER.matcher(text);
    StringBuilder rendered = new StringBuilder(text.length() + 64);
    while (placeholder.find()) {
      String value = values.get(placeholder.group(1));
      placeholder.appendReplacement(
          rendered, Matcher.quoteReplacement(value == null ? placeholder.group() : value));
    }
    placeholder.appendTail(rendered);
    return rendered.toString();
  }

  private static String notAllowed(PostKind kind, String name) {
    if (name.equals("link")) {
      return "{link} is not a placeholder: the link to the alert's page follows the text of every"
          + " post, whatever the platform";
    }
    if (!kind.showsTheChild() && CHILD_PLACEHOLDERS.contains(name)) {
      return "a closing message names nobody and says nothing of the child: {"
          + name
          + "} cannot be used here";
    }
    return "{"
        + name
        + "} is not a placeholder of this template; it may use "
        + kind.placeholders().stream().map(p -> "{" + p + "}").collect(Collectors.joining(", "));
  }

  private static String whyRequired(PostKind kind, String name) {
    if (name.equals(NAME)) {
      return "a post of the alert must name the child";
    }
    return kind.showsTheChild()
        ? "this template must use it"
        : "the case reference is how readers tell which alert has ended";
  }
}
