package org.tifli.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.tifli.domain.Appearance;
import org.tifli.domain.CaseDetails;
import org.tifli.domain.Child;
import org.tifli.domain.Guardian;
import org.tifli.domain.LastSeen;
import org.tifli.domain.LikelyPlace;
import org.tifli.domain.MissingChildCase;
import org.tifli.domain.Sex;
import org.tifli.domain.Vehicle;

/** The JSON shapes of a case, as the API contract names their fields. */
public final class CaseJson {

  private CaseJson() {}

  private static final String LATITUDE = "a latitude is between -90 and 90";
  private static final String LONGITUDE = "a longitude is between -180 and 180";
  private static final String TOO_LONG = "at most {max} characters";

  /** A case as a police system or an officer sends it, to open it or to revise it. */
  public record CaseRequest(
      @NotNull(message = "the child is required") @Valid ChildJson child,
      @NotNull(message = "where and when the child was last seen is required") @Valid
          LastSeenJson lastSeen,
      @Size(max = MissingChildCase.CIRCUMSTANCES_LENGTH, message = TOO_LONG) String circumstances,
      Boolean suspectedAbduction,
      @Size(max = CaseDetails.TEXT_LENGTH, message = TOO_LONG) String suspect,
      @Valid VehicleJson vehicle,
      @Size(max = CaseDetails.MAX_HOBBIES, message = "at most {max} hobbies")
          List<
                  @NotBlank(message = "a hobby cannot be blank")
                  @Size(max = CaseDetails.HOBBY_LENGTH, message = TOO_LONG) String>
              hobbies,
      @Size(max = CaseDetails.TEXT_LENGTH, message = TOO_LONG) String personalProblems,
      @Size(max = CaseDetails.MAX_LIKELY_PLACES, message = "at most {max} likely places")
          List<@NotNull(message = "a likely place cannot be null") @Valid LikelyPlaceJson>
              likelyPlaces,
      @Size(max = CaseDetails.TEXT_LENGTH, message = TOO_LONG) String friendsAndContacts,
      @Size(max = CaseDetails.MAX_GUARDIANS, message = "at most {max} guardians")
          List<@NotNull(message = "a guardian cannot be null") @Valid GuardianJson> guardians,
      @Size(max = CaseDetails.UNIT_LENGTH, message = TOO_LONG) String reportingUnit) {

    public CaseDetails toDetails() {
      return new CaseDetails(
          child.toChild(),
          lastSeen.toLastSeen(),
          circumstances,
          Boolean.TRUE.equals(suspectedAbduction),
          suspect,
          vehicle == null ? null : new Vehicle(vehicle.description(), vehicle.plate()),
          hobbies == null ? List.of() : hobbies.stream().map(String::trim).toList(),
          personalProblems,
          likelyPlaces == null
              ? List.of()
              : likelyPlaces.stream()
                  .map(p -> new LikelyPlace(p.description(), p.latitude(), p.longitude()))
                  .toList(),
          friendsAndContacts,
          guardians == null
              ? List.of()
              : guardians.stream()
                  .map(g -> new Guardian(g.name(), g.relation(), g.phone()))
                  .toList(),
          reportingUnit);
    }
  }

  public record ChildJson(
      @NotBlank(message = "the given name is required")
          @Size(max = Child.NAME_LENGTH, message = TOO_LONG)
          String givenName,
      @NotBlank(message = "the family name is required")
          @Size(max = Child.NAME_LENGTH, message = TOO_LONG)
          String familyName,
      @Size(max = Child.NAME_LENGTH, message = TOO_LONG) String givenNameAr,
      @Size(max = Child.NAME_LENGTH, message = TOO_LONG) String familyNameAr,
      @NotNull(message = "the date of birth is required")
          @Past(message = "the date of birth must be in the past")
          LocalDate dateOfBirth,
      @NotNull(message = "the sex is required (FEMALE or MALE)") Sex sex,
      @Min(value = Appearance.MIN_HEIGHT_CM, message = "a height is at least {value} cm")
          @Max(value = Appearance.MAX_HEIGHT_CM, message = "a height is at most {value} cm")
          Integer heightCm,
      @Size(max = Appearance.TRAIT_LENGTH, message = TOO_LONG) String build,
      @Size(max = Appearance.TRAIT_LENGTH, message = TOO_LONG) String hair,
      @Size(max = Appearance.TRAIT_LENGTH, message = TOO_LONG) String eyes,
      @Size(max = Appearance.DESCRIPTION_LENGTH, message = TOO_LONG) String distinguishingMarks,
      @Size(max = Appearance.DESCRIPTION_LENGTH, message = TOO_LONG) String clothing,
      @Size(max = 10, message = "at most {max} languages")
          List<
                  @NotNull(message = "a language is a code such as ar, fr, en, zgh")
                  @Pattern(
                      regexp = "[a-z]{2,3}",
                      message = "a language is a code such as ar, fr, en, zgh")
                  String>
              languages,
      @Size(max = Child.MEDICAL_NEEDS_LENGTH, message = TOO_LONG) String medicalNeeds) {

    Child toChild() {
      return new Child(
          givenName.trim(),
          familyName.trim(),
          trimmed(givenNameAr),
          trimmed(familyNameAr),
          dateOfBirth,
          sex,
          new Appearance(heightCm, build, hair, eyes, distinguishingMarks, clothing),
          languages,
          medicalNeeds);
    }

    static ChildJson of(Child child) {
      Appearance looks = child.appearance();
      return new ChildJson(
          child.givenName(),
          child.familyName(),
          child.givenNameAr(),
          child.familyNameAr(),
          child.dateOfBirth(),
          child.sex(),
          looks.heightCm(),
          looks.build(),
          looks.hair(),
          looks.eyes(),
          looks.distinguishingMarks(),
          looks.clothing(),
          child.languages(),
          child.medicalNeeds());
    }
  }

  public record LastSeenJson(
      @NotNull(message = "the time last seen is required")
          @PastOrPresent(message = "the time last seen cannot be in the future")
          Instant at,
      @NotNull(message = "the latitude is required")
          @DecimalMin(value = "-90", message = LATITUDE)
          @DecimalMax(value = "90", message = LATITUDE)
          Double latitude,
      @NotNull(message = "the longitude is required")
          @DecimalMin(value = "-180", message = LONGITUDE)
          @DecimalMax(value = "180", message = LONGITUDE)
          Double longitude,
      @Size(max = LastSeen.PLACE_LENGTH, message = TOO_LONG) String place,
      @Size(max = LastSeen.SEEN_BY_LENGTH, message = TOO_LONG) String seenBy) {

    LastSeen toLastSeen() {
      return new LastSeen(at, latitude, longitude, place, seenBy);
    }

    static LastSeenJson of(LastSeen seen) {
      return new LastSeenJson(
          seen.at(), seen.latitude(), seen.longitude(), seen.place(), seen.seenBy());
    }
  }

  public record VehicleJson(
      @Size(max = Vehicle.DESCRIPTION_LENGTH, message = TOO_LONG) String description,
      @Size(max = Vehicle.PLATE_LENGTH, message = TOO_LONG) String plate) {}

  public record LikelyPlaceJson(
      @NotBlank(message = "describe the place")
          @Size(max = LikelyPlace.DESCRIPTION_LENGTH, message = TOO_LONG)
          String description,
      @DecimalMin(value = "-90", message = LATITUDE) @DecimalMax(value = "90", message = LATITUDE)
          Double latitude,
      @DecimalMin(value = "-180", message = LONGITUDE)
          @DecimalMax(value = "180", message = LONGITUDE)
          Double longitude) {}

  public record GuardianJson(
      @NotBlank(message = "the guardian's name is required")
          @Size(max = Guardian.NAME_LENGTH, message = TOO_LONG)
          String name,
      @Size(max = Guardian.RELATION_LENGTH, message = TOO_LONG) String relation,
      @Size(max = Guardian.PHONE_LENGTH, message = TOO_LONG)
          @Pattern(
              regexp = "\\+?[0-9 ().-]{6,30}",
              message = "a phone number has digits, spaces and + ( ) . - only")
          String phone) {}

  /** How a case ended, once it has. */
  public record ResolutionJson(
      String outcome, String note, String resolvedBy, Instant resolvedAt) {}

  /** A case as the API returns it to the police; guardians' contacts included, never public. */
  public record CaseView(
      long id,
      String reference,
      String status,
      List<String> areas,
      ChildJson child,
      LastSeenJson lastSeen,
      String circumstances,
      boolean suspectedAbduction,
      String suspect,
      VehicleJson vehicle,
      List<String> hobbies,
      String personalProblems,
      List<LikelyPlaceJson> likelyPlaces,
      String friendsAndContacts,
      List<GuardianJson> guardians,
      String reportingUnit,
      String createdBy,
      Instant createdAt,
      ResolutionJson resolution) {

    static CaseView of(MissingChildCase c) {
      Vehicle vehicle = c.vehicle();
      return new CaseView(
          c.id(),
          c.reference(),
          c.status().name(),
          c.areaCodes(),
          ChildJson.of(c.child()),
          LastSeenJson.of(c.lastSeen()),
          c.circumstances(),
          c.suspectedAbduction(),
          c.suspect(),
          vehicle == null || (vehicle.description() == null && vehicle.plate() == null)
              ? null
              : new VehicleJson(vehicle.description(), vehicle.plate()),
          c.hobbies(),
          c.personalProblems(),
          c.likelyPlaces().stream()
              .map(p -> new LikelyPlaceJson(p.description(), p.latitude(), p.longitude()))
              .toList(),
          c.friendsAndContacts(),
          c.guardians().stream()
              .map(g -> new GuardianJson(g.name(), g.relation(), g.phone()))
              .toList(),
          c.reportingUnit(),
          c.createdBy(),
          c.createdAt(),
          c.outcome() == null
              ? null
              : new ResolutionJson(
                  c.outcome().name(), c.resolutionNote(), c.resolvedBy(), c.resolvedAt()));
    }
  }

  private static String trimmed(String text) {
    return text == null ? null : text.trim();
  }
}
