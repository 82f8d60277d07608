package org.tifli.domain;

/**
 * The life of an alert: requested by an officer, approved (or rejected) by another supervisor, then
 * public until the case is solved, it is withdrawn or its lifetime runs out.
 */
public enum AlertStatus {
  PENDING_APPROVAL,
  REJECTED,
  ACTIVE,
  RESOLVED,
  CANCELLED,
  EXPIRED
}
