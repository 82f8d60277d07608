package org.tifli.domain;

/** Where one post of an alert to one channel stands in the ledger. */
public enum DeliveryStatus {
  QUEUED,
  SENT,
  FAILED,
  RETRACTED
}
