package org.tifli.infrastructure.platform;

import org.tifli.domain.Platform;

/** The account a post goes to and its opened credential. Its text form never shows the secret. */
public record ChannelAccount(Platform platform, String accountId, String secret) {

  @Override
  public String toString() {
    return "ChannelAccount[" + platform + " " + accountId + "]";
  }
}
