package org.tifli.infrastructure.platform;

import java.util.Optional;
import org.tifli.domain.Platform;

/**
 * Posts alerts on one social platform, through its own HTTP API, takes them down again, and finds a
 * post by its delivery's tag.
 *
 * <p>Every method throws {@link PlatformException}, classed as retry later (timeouts, connection
 * failures, server errors, rate limits, with the platform's retry-after when it gave one) or needs
 * a fix (bad or expired credential, missing permission, rejected parameter). A message never holds
 * the channel's secret.
 */
public interface PlatformPublisher {

  Platform platform();

  /**
   * Publishes the post on the account and returns the platform's id for it.
   *
   * @throws PlatformException classed as retry later or needs a fix
   */
  String publish(ChannelAccount account, AlertPost post);

  /**
   * Takes an earlier post down: deletes it where the platform lets Tifli, otherwise edits it to the
   * closing text. A post that is already gone counts as taken down.
   *
   * @param postId the id {@link #publish} returned
   * @param closing the short closing message (the child was found, the alert was withdrawn)
   * @throws PlatformException needing a fix when the platform can neither delete nor edit the post
   *     (Instagram), with a message saying what to do by hand
   */
  void retract(ChannelAccount account, String postId, AlertPost closing);

  /** Whether {@link #findPostWithTag} can ask this platform; false for Telegram and webhooks. */
  boolean canFindPosts();

  /**
   * Looks through the account's recent posts (the latest hundred or so) for one whose text carries
   * the tag, to learn whether a post whose answer was lost was made after all.
   *
   * @return the post's id, or empty when none of the recent posts carries the tag
   * @throws UnsupportedOperationException when {@link #canFindPosts} is false: an empty answer
   *     would wrongly say that the post was never made
   */
  Optional<String> findPostWithTag(ChannelAccount account, String tag);
}
