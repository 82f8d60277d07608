package org.tifli.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of post Tifli writes, each from a template of its own per language, and the
 * placeholders each may use. A post that shows the child may name them, their age, where and when
 * they were last seen; a closing message names nobody, only the case reference.
 */
public enum PostKind {
  /** The alert itself, when a stage first reaches a channel. */
  ALERT(TemplateText.CHILD_PLACEHOLDERS, List.of(TemplateText.NAME)),
  /** New details of an alert (a photo, a description), on the channels it reached. */
  UPDATE(TemplateText.CHILD_PLACEHOLDERS, List.of(TemplateText.NAME)),
  /** The alert ended because the child was found. */
  CLOSING_RESOLVED(List.of(TemplateText.REFERENCE), List.of(TemplateText.REFERENCE)),
  /** The alert was withdrawn. */
  CLOSING_CANCELLED(List.of(TemplateText.REFERENCE), List.of(TemplateText.REFERENCE)),
  /** The alert ran out its lifetime without renewal. */
  CLOSING_EXPIRED(List.of(TemplateText.REFERENCE), List.of(TemplateText.REFERENCE));

  private final List<String> placeholders;
  private final List<String> required;

  PostKind(List<String> placeholders, List<String> required) {
    this.placeholders = placeholders;
    this.required = required;
  }

  /** The kind by its name, in any case ({@code alert}, {@code CLOSING_RESOLVED}). */
  public static Optional<PostKind> named(String name) {
    String upper = name == null ? "" : name.toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.name().equals(upper)).findFirst();
  }

  /**
   * What a delivery posts: the alert, an update, or the closing message of how its alert ended (a
   * retraction that edits a post instead of deleting it uses the closing text too).
   */
  public static PostKind of(Delivery delivery) {
    return switch (delivery.purpose()) {
      case ALERT -> ALERT;
      case UPDATE -> UPDATE;
      case CLOSING, RETRACTION -> closing(delivery.alert().status());
    };
  }

  /** The closing message for an alert that ended so; one still active is being withdrawn. */
  public static PostKind closing(AlertStatus ending) {
    return switch (ending) {
      case RESOLVED -> CLOSING_RESOLVED;
      case EXPIRED -> CLOSING_EXPIRED;
      default -> CLOSING_CANCELLED;
    };
  }

  /** Whether the post shows the child (their name, age, where last seen). */
  public boolean showsTheChild() {
    return this == ALERT || this == UPDATE;
  }

  /** The placeholders a template of this kind may use, such as {@code name}. */
  public List<String> placeholders() {
    return placeholders;
  }

  /** The placeholders a template of this kind must use. */
  public List<String> required() {
    return required;
  }
}
