package org.tifli.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What someone of the public tells about a sighting, as sent from the alert's page.
 *
 * @param seenAt when they saw the child
 * @param latitude where, in degrees
 * @param longitude where, in degrees
 * @param description what they saw
 * @param contact a phone number or an email address to call them back, or null; personal data
 */
public record SightingReport(
    Instant seenAt, double latitude, double longitude, String description, String contact) {

  public SightingReport {
    Objects.requireNonNull(seenAt);
    Objects.requireNonNull(description);
  }
}
