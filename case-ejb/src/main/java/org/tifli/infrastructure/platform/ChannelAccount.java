package org.tifli.infrastructure.platform;

import java.net.URI;
import org.tifli.domain.Platform;

/**
 * The account a post goes to and its opened credential. Its text form never shows the secret, nor
 * more of a webhook's address than its host (a partner's address may carry a key of its own).
 */
public record ChannelAccount(Platform platform, String accountId, String secret) {

  @Override
  public String toString() {
    return "ChannelAccount[" + platform + " " + shownAccount() + "]";
  }

  private String shownAccount() {
    if (platform != Platform.WEBHOOK) {
      return accountId;
    }
    try {
      String host = URI.create(accountId).getHost();
      return host == null ? "(address)" : host;
    } catch (IllegalArgumentException e) {
      return "(address)";
    }
  }
}
