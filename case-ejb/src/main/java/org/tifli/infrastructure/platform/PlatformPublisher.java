package org.tifli.infrastructure.platform;

import org.tifli.domain.Platform;

/** Posts alerts on one social platform, through its own HTTP API. */
public interface PlatformPublisher {

  Platform platform();

  /**
   * Publishes the post on the account and returns the platform's id for it.
   *
   * @throws PlatformException classed as retry later or needs a fix
   */
  String publish(ChannelAccount account, AlertPost post);
}
