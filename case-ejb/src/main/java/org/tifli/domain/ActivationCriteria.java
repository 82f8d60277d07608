package org.tifli.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The checklist an officer fills in when asking for an alert, and that the supervisor sees. A
 * request that fails any criterion must carry a written justification.
 */
@Embeddable
public class ActivationCriteria {

  @Column(name = "criterion_minor", nullable = false)
  private boolean minor;

  @Column(name = "criterion_danger", nullable = false)
  private boolean danger;

  @Column(name = "criterion_description", nullable = false)
  private boolean descriptionSufficient;

  @Column(name = "criterion_consent", nullable = false)
  private boolean guardianConsent;

  protected ActivationCriteria() {}

  public ActivationCriteria(
      boolean minor, boolean danger, boolean descriptionSufficient, boolean guardianConsent) {
    this.minor = minor;
    this.danger = danger;
    this.descriptionSufficient = descriptionSufficient;
    this.guardianConsent = guardianConsent;
  }

  public boolean allMet() {
    return minor && danger && descriptionSufficient && guardianConsent;
  }

  public boolean minor() {
    return minor;
  }

  public boolean danger() {
    return danger;
  }

  public boolean descriptionSufficient() {
    return descriptionSufficient;
  }

  public boolean guardianConsent() {
    return guardianConsent;
  }

  /** The checklist as the audit trail keeps it, such as {@code minor=yes danger=no ...}. */
  @Override
  public String toString() {
    return "minor="
        + yesNo(minor)
        + " danger="
        + yesNo(danger)
        + " descriptionSufficient="
        + yesNo(descriptionSufficient)
        + " guardianConsent="
        + yesNo(guardianConsent);
  }

  private static String yesNo(boolean met) {
    return met ? "yes" : "no";
  }
}
