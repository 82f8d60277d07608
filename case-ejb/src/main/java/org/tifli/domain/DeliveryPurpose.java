package org.tifli.domain;

/** Why a delivery posts: the alert itself, or an update of an alert the channel already carries. */
public enum DeliveryPurpose {
  /** The alert, posted to a channel when a stage first reaches the channel's area. */
  ALERT,
  /** New details (a photo, a description), posted to a channel the alert already reached. */
  UPDATE
}
