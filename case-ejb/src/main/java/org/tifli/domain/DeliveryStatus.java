package org.tifli.domain;

/** Where one delivery stands in the ledger. */
public enum DeliveryStatus {
  /** Waiting for its turn, in flight, or waiting to try again. */
  QUEUED,
  /** Posted, with the platform's id; for a retraction, carried out. */
  SENT,
  /** Stopped: needs someone to fix the channel, or tried too often. */
  FAILED,
  /** Posted, then taken down because the alert ended. */
  RETRACTED,
  /** Never posted: the alert ended before its turn came. */
  WITHDRAWN
}
