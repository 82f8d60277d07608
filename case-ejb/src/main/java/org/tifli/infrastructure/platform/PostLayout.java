package org.tifli.infrastructure.platform;

import org.tifli.domain.Platform;

/**
 * How each platform's publisher lays out a post: what follows the text (the link and the tag, or
 * the tag alone where the link goes as a field of its own) and the limit the whole must fit, so
 * that a preview shows what each platform would get.
 *
 * <p>Facebook takes the link as the post's {@code link} field, so its message carries only the tag;
 * Instagram, X and Telegram carry the link and the tag in the text; a webhook sends the text alone,
 * the link and the tag as fields. Telegram's limit is a caption's when the post has a photo.
 */
public final class PostLayout {

  private PostLayout() {}

  /**
   * The text as the platform would receive it, fitted to its limit ({@link PostFitting}).
   *
   * @throws PlatformException needing a fix when the link and the tag alone are over the limit
   */
  public static String fitted(Platform platform, AlertPost post) {
    return PostFitting.fit(platform, limit(platform, post), post.text(), tail(platform, post));
  }

  /** The limit the platform sets to this post's text, as it counts ({@link PostFitting#length}). */
  public static int limit(Platform platform, AlertPost post) {
    return platform == Platform.TELEGRAM && post.photoUrl() != null
        ? platform.captionLimit()
        : platform.textLimit();
  }

  /** What the platform's publisher puts after the text, kept whole. */
  public static String tail(Platform platform, AlertPost post) {
    return switch (platform) {
      case FACEBOOK -> "\n\n" + post.tag();
      case INSTAGRAM -> "\n\n" + post.link() + "\n\n" + post.tag();
      case X, TELEGRAM -> "\n\n" + post.link() + "\n" + post.tag();
      case WEBHOOK -> "";
    };
  }
}
