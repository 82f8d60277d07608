package org.tifli.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.tifli.application.NewCase;
import org.tifli.domain.Child;
import org.tifli.domain.LastSeen;
import org.tifli.domain.MissingChildCase;
import org.tifli.domain.Sex;

/** The JSON shapes of a case, as the API contract names their fields. */
public final class CaseJson {

  private CaseJson() {}

  /** A case as a police system or an officer sends it. */
  public record CaseRequest(
      @NotNull(message = "the child is required") @Valid ChildJson child,
      @NotNull(message = "where and when the child was last seen is required") @Valid
          LastSeenJson lastSeen,
      @Size(max = MissingChildCase.CIRCUMSTANCES_LENGTH) String circumstances) {

    NewCase toNewCase() {
      return new NewCase(
          child.givenName().trim(),
          child.familyName().trim(),
          child.givenNameAr(),
          child.familyNameAr(),
          child.dateOfBirth(),
          child.sex(),
          lastSeen.at(),
          lastSeen.latitude(),
          lastSeen.longitude(),
          lastSeen.place(),
          circumstances);
    }
  }

  public record ChildJson(
      @NotBlank(message = "the given name is required") @Size(max = Child.NAME_LENGTH)
          String givenName,
      @NotBlank(message = "the family name is required") @Size(max = Child.NAME_LENGTH)
          String familyName,
      @Size(max = Child.NAME_LENGTH) String givenNameAr,
      @Size(max = Child.NAME_LENGTH) String familyNameAr,
      @NotNull(message = "the date of birth is required")
          @Past(message = "the date of birth must be in the past")
          LocalDate dateOfBirth,
      @NotNull(message = "the sex is required (FEMALE or MALE)") Sex sex) {}

  public record LastSeenJson(
      @NotNull(message = "the time last seen is required")
          @PastOrPresent(message = "the time last seen cannot be in the future")
          Instant at,
      @NotNull(message = "the latitude is required")
          @DecimalMin(value = "-90", message = "a latitude is between -90 and 90")
          @DecimalMax(value = "90", message = "a latitude is between -90 and 90")
          Double latitude,
      @NotNull(message = "the longitude is required")
          @DecimalMin(value = "-180", message = "a longitude is between -180 and 180")
          @DecimalMax(value = "180", message = "a longitude is between -180 and 180")
          Double longitude,
      @Size(max = LastSeen.PLACE_LENGTH) String place) {}

  /** A case as the API returns it. */
  public record CaseView(
      long id,
      String reference,
      String status,
      List<String> areas,
      ChildJson child,
      LastSeenJson lastSeen,
      String circumstances,
      String createdBy,
      Instant createdAt) {

    static CaseView of(MissingChildCase c) {
      Child child = c.child();
      LastSeen seen = c.lastSeen();
      return new CaseView(
          c.id(),
          c.reference(),
          c.status().name(),
          c.areaCodes(),
          new ChildJson(
              child.givenName(),
              child.familyName(),
              child.givenNameAr(),
              child.familyNameAr(),
              child.dateOfBirth(),
              child.sex()),
          new LastSeenJson(seen.at(), seen.latitude(), seen.longitude(), seen.place()),
          c.circumstances(),
          c.createdBy(),
          c.createdAt());
    }
  }
}
