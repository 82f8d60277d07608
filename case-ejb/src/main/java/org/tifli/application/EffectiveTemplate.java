package org.tifli.application;

import java.time.Instant;
import java.util.List;
import org.tifli.domain.PostKind;
import org.tifli.domain.PostLanguage;

/**
 * The message template that applies to one language and kind of post: an administrator's, or the
 * one Tifli ships when nobody has edited it.
 *
 * @param text the template in use
 * @param edited whether an administrator's text applies; false for the shipped one
 * @param shippedText the template Tifli ships, which a reset goes back to
 * @param updatedAt when it was last edited or reset; null if never
 * @param updatedBy who did; null if nobody
 */
public record EffectiveTemplate(
    long id,
    PostLanguage language,
    PostKind kind,
    String text,
    boolean edited,
    String shippedText,
    Instant updatedAt,
    String updatedBy) {

  /** The placeholders the template may use, such as {@code name}. */
  public List<String> placeholders() {
    return kind.placeholders();
  }

  /** The placeholders it must use. */
  public List<String> required() {
    return kind.required();
  }
}
