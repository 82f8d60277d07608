package org.tifli.infrastructure.platform;

import java.util.Objects;

/**
 * The text of one post and the link to the alert's public page. It carries only what an alert is
 * meant to show: never a guardian's contact.
 *
 * @param tag the delivery's own tag, added to the post so that a post can be found again
 */
public record AlertPost(String text, String link, String tag) {

  public AlertPost {
    Objects.requireNonNull(text);
    Objects.requireNonNull(link);
    Objects.requireNonNull(tag);
  }
}
