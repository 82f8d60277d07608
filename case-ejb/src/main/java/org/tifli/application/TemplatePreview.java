package org.tifli.application;

import java.util.List;
import org.tifli.domain.Platform;
import org.tifli.domain.PostKind;
import org.tifli.domain.PostLanguage;

/**
 * What a template makes of an alert (or of a made-up child), and what each platform would get of
 * it: the text with the link and the tag laid out as the platform's publisher does, shortened to
 * its limit where need be.
 *
 * @param text the template filled in, before any platform's layout
 * @param alertId the alert whose facts were used; null for the made-up child
 * @param withPhoto whether the post has a photo, which makes Telegram's limit a caption's
 * @param link the link to the alert's page, which Facebook sends beside the text
 */
public record TemplatePreview(
    PostLanguage language,
    PostKind kind,
    String text,
    Long alertId,
    boolean withPhoto,
    String link,
    List<PlatformPost> posts) {

  /**
   * One platform's post.
   *
   * @param length its length as the platform counts (X counts a link as 23, say)
   * @param shortened whether the text had to be cut to fit
   */
  public record PlatformPost(
      Platform platform, String text, int length, int limit, boolean shortened) {}
}
