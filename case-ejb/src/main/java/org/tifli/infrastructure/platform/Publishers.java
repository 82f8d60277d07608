package org.tifli.infrastructure.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.tifli.domain.Platform;

/**
 * Finds the publisher of a channel's platform and calls it through the channel's breaker ({@link
 * ChannelBreaker}): a channel that keeps failing is paused for a while, and its calls fail at once
 * as retry later with the time left as {@code retryAfter}. Each call is bounded as a whole by
 * {@link PlatformTimeLimit}; one that overruns fails as retry later with its outcome unknown, and
 * counts as a failure of its channel.
 *
 * <p>Settings: {@code tifli.platform.breaker.failures} (default 5) retry-later failures in a row
 * pause a channel for {@code tifli.platform.breaker.open} (default {@code PT30S}).
 */
@ApplicationScoped
public class Publishers {

  @Inject Instance<PlatformPublisher> publishers;

  @Inject PlatformTimeLimit timeLimit;

  @Inject
  @ConfigProperty(name = "tifli.platform.breaker.failures", defaultValue = "5")
  int breakerFailures;

  @Inject
  @ConfigProperty(name = "tifli.platform.breaker.open", defaultValue = "PT30S")
  String breakerOpen;

  private ChannelBreaker breaker;

  @PostConstruct
  void makeBreaker() {
    breaker = new ChannelBreaker(breakerFailures, Duration.parse(breakerOpen), Clock.systemUTC());
  }

  /**
   * Publishes through the platform's publisher and returns the platform's post id.
   *
   * @throws PlatformException needing a fix when Tifli has no publisher for that platform
   */
  public String publish(ChannelAccount account, AlertPost post) {
    PlatformPublisher publisher = publisherOf(account.platform());
    return breaker.call(account, () -> limited(account, () -> publisher.publish(account, post)));
  }

  /** Takes an earlier post down: see {@link PlatformPublisher#retract}. */
  public void retract(ChannelAccount account, String postId, AlertPost closing) {
    PlatformPublisher publisher = publisherOf(account.platform());
    breaker.call(
        account,
        () ->
            limited(
                account,
                () -> {
                  publisher.retract(account, postId, closing);
                  return postId;
                }));
  }

  /** Whether posts on the platform can be looked up by tag (Facebook, Instagram, X). */
  public boolean canFindPosts(Platform platform) {
    return publisherOf(platform).canFindPosts();
  }

  /**
   * The id of the account's recent post that carries the tag: see {@link
   * PlatformPublisher#findPostWithTag}. Ask only where {@link #canFindPosts} is true.
   */
  public Optional<String> findPostWithTag(ChannelAccount account, String tag) {
    PlatformPublisher publisher = publisherOf(account.platform());
    return breaker.call(
        account, () -> limited(account, () -> publisher.findPostWithTag(account, tag)));
  }

  /** Makes the call within the time limit of one call. */
  private <T> T limited(ChannelAccount account, Supplier<T> call) {
    try {
      return timeLimit.within(call);
    } catch (TimeoutException e) {
      // Fault Tolerance interrupted this thread to stop the call. The ledger records the outcome
      // next, in a transaction of its own, and must not find its thread interrupted.
      Thread.interrupted();
      if (e.getCause() instanceof PlatformException answered && !answered.outcomeUnknown()) {
        throw answered;
      }
      throw PlatformException.outcomeUnknown(
          account.platform() + " call took too long in all and was stopped");
    }
  }

  private PlatformPublisher publisherOf(Platform platform) {
    for (PlatformPublisher publisher : publishers) {
      if (publisher.platform() == platform) {
        return publisher;
      }
    }
    throw PlatformException.needsFix("no publisher for " + platform + " in this version");
  }
}
