package org.tifli.domain;

/** Why a delivery exists: to post something on a channel, or to take a post down. */
public enum DeliveryPurpose {
  /** The alert, posted to a channel when a stage first reaches the channel's area. */
  ALERT,
  /** New details (a photo, a description), posted to a channel the alert already reached. */
  UPDATE,
  /** The short message that the alert has ended, posted before the earlier posts come down. */
  CLOSING,
  /** Taking one earlier post down (or, where the platform cannot delete, editing it). */
  RETRACTION;

  /** Whether this delivery shows the child: it must not go out once the alert has ended. */
  public boolean showsTheChild() {
    return this == ALERT || this == UPDATE;
  }
}
