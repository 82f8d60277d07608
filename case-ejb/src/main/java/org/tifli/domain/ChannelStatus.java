package org.tifli.domain;

/** Whether a channel takes deliveries. */
public enum ChannelStatus {
  /** In service: new alerts and updates go to it. */
  ACTIVE,
  /**
   * The platform refused the channel's credential (a bad or expired token, a missing permission):
   * its deliveries wait, without calling the platform, until an administrator replaces the secret.
   */
  NEEDS_FIX,
  /** Taken out of service by an administrator: no new deliveries; its history stays. */
  RETIRED
}
