package org.tifli.domain;

/**
 * Where an officer's triage of a sighting stands: not looked at yet, worth following up, or set
 * aside. A verdict can be changed between the last two; a sighting never goes back to new.
 */
public enum SightingStatus {
  NEW,
  RELEVANT,
  DISMISSED;

  /** Whether an officer may give this as a verdict. */
  public boolean isVerdict() {
    return this != NEW;
  }
}
