package org.tifli.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.tifli.domain.Sighting;
import org.tifli.domain.SightingReport;

/** The JSON shapes of sightings: what the public sends, what it gets back, what officers see. */
public final class SightingJson {

  private SightingJson() {}

  private static final String LATITUDE = "a latitude is between -90 and 90";
  private static final String LONGITUDE = "a longitude is between -180 and 180";
  private static final String TOO_LONG = "at most {max} characters";

  /** A phone number (digits, spaces, + ( ) . -) or an email address. */
  private static final String PHONE_OR_EMAIL =
      "\\+?[0-9 ().-]{6,30}|[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+";

  /** A sighting as the public sends it: {@code {"seenAt","latitude","longitude",...}}. */
  public record SightingRequest(
      @NotNull(message = "when you saw the child is required") Instant seenAt,
      @NotNull(message = "the latitude is required")
          @DecimalMin(value = "-90", message = LATITUDE)
          @DecimalMax(value = "90", message = LATITUDE)
          Double latitude,
      @NotNull(message = "the longitude is required")
          @DecimalMin(value = "-180", message = LONGITUDE)
          @DecimalMax(value = "180", message = LONGITUDE)
          Double longitude,
      @NotBlank(message = "say what you saw")
          @Size(max = Sighting.DESCRIPTION_LENGTH, message = TOO_LONG)
          String description,
      @Size(max = Sighting.CONTACT_LENGTH, message = TOO_LONG)
          @Pattern(regexp = PHONE_OR_EMAIL, message = "a phone number or an email address")
          String contact) {

    SightingReport toReport() {
      return new SightingReport(seenAt, latitude, longitude, description, contact);
    }
  }

  /** The public's receipt: which sighting it became and where it stands, nothing personal. */
  public record Receipt(long id, String status) {

    static Receipt of(Sighting sighting) {
      return new Receipt(sighting.id(), sighting.status().name());
    }
  }

  /** An officer's verdict: {@code {"status":"RELEVANT","note":"..."}}. */
  public record Triage(
      @NotNull(message = "RELEVANT or DISMISSED")
          @Pattern(regexp = "RELEVANT|DISMISSED", message = "RELEVANT or DISMISSED")
          String status,
      @Size(max = Sighting.NOTE_LENGTH, message = TOO_LONG) String note) {}

  /** A sighting as the police see it, with the reporter's contact to call them back. */
  public record SightingView(
      long id,
      long alertId,
      long caseId,
      Instant seenAt,
      double latitude,
      double longitude,
      String description,
      String contact,
      List<String> areas,
      Instant receivedAt,
      String clientAddress,
      String status,
      String triagedBy,
      Instant triagedAt,
      String triageNote) {

    static SightingView of(Sighting s) {
      return new SightingView(
          s.id(),
          s.alert().id(),
          s.alert().missingChildCase().id(),
          s.seenAt(),
          s.latitude(),
          s.longitude(),
          s.description(),
          s.contact(),
          s.areaCodes(),
          s.receivedAt(),
          s.clientAddress(),
          s.status().name(),
          s.triagedBy(),
          s.triagedAt(),
          s.triageNote());
    }
  }
}
