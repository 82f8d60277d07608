package org.tifli.infrastructure.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Finds the publisher of a channel's platform. */
@ApplicationScoped
public class Publishers {

  @Inject Instance<PlatformPublisher> publishers;

  /**
   * Publishes through the platform's publisher.
   *
   * @throws PlatformException needing a fix when Tifli has no publisher for that platform yet
   */
  public String publish(ChannelAccount account, AlertPost post) {
    for (PlatformPublisher publisher : publishers) {
      if (publisher.platform() == account.platform()) {
        return publisher.publish(account, post);
      }
    }
    throw PlatformException.needsFix("no publisher for " + account.platform() + " in this version");
  }
}
