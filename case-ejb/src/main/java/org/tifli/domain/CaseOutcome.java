package org.tifli.domain;

/** How a case ended. Every outcome but {@link #UNFOUNDED} means the child was found. */
public enum CaseOutcome {
  FOUND_SAFE,
  FOUND_HARMED,
  FOUND_DECEASED,
  RETURNED_HOME,
  UNFOUNDED;

  /** The status a case takes when it ends this way. */
  public CaseStatus closingStatus() {
    return this == UNFOUNDED ? CaseStatus.CLOSED_UNFOUNDED : CaseStatus.RESOLVED;
  }
}
