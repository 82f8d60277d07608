package org.tifli.domain;

/** Where a case stands. A case is {@link #OPEN} until the child is found or it proves unfounded. */
public enum CaseStatus {
  OPEN,
  RESOLVED,
  CLOSED_UNFOUNDED
}
