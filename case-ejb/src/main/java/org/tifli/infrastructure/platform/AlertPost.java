package org.tifli.infrastructure.platform;

import java.util.Objects;

/**
 * The text of one post, the link to the alert's public page, the delivery's tag and, where there is
 * one, the public address of the publication photo. It carries only what an alert is meant to show:
 * never a guardian's contact.
 *
 * <p>Each publisher joins the text, the link and the tag in its platform's way and fits the result
 * to the platform's limit ({@link PostFitting}): the text may lose its end, the link and the tag
 * never do.
 *
 * @param tag the delivery's own tag, added to the post so that a post can be found again; it must
 *     not occur inside another tag (the brackets of {@code [tifli-77]} see to that)
 * @param photoUrl the publication photo's public URL, or null when the post has none (Instagram
 *     cannot post without one)
 * @param facts the alert's identity, state and texts per language for partner systems, or null
 */
public record AlertPost(String text, String link, String tag, String photoUrl, AlertFacts facts) {

  public AlertPost {
    Objects.requireNonNull(text);
    Objects.requireNonNull(link);
    Objects.requireNonNull(tag);
  }

  /** A post with neither photo nor facts. */
  public AlertPost(String text, String link, String tag) {
    this(text, link, tag, null, null);
  }

  public AlertPost withPhoto(String url) {
    return new AlertPost(text, link, tag, url, facts);
  }

  public AlertPost withFacts(AlertFacts alertFacts) {
    return new AlertPost(text, link, tag, photoUrl, alertFacts);
  }
}
