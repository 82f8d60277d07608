package org.tifli.domain;

import java.util.List;
import java.util.Objects;

/**
 * Everything the intake procedure records about a missing child, as an officer or a police system
 * sends it when opening a case and later when revising it. Checked for form by the caller's layer
 * (Bean Validation on the API's shapes); the rules between fields are checked by {@link
 * #checkConsistency()}.
 *
 * @param child who the child is and how they look
 * @param lastSeen when, where and by whom the child was last seen
 * @param circumstances what happened
 * @param suspectedAbduction whether an abduction is suspected
 * @param suspect a description of a suspect, if any
 * @param vehicle a vehicle involved, if any
 * @param hobbies the child's hobbies and habits
 * @param personalProblems problems at school, in the family, of health
 * @param likelyPlaces places the child may go
 * @param friendsAndContacts friends and contacts who may know something
 * @param guardians the guardians who reported it, with their contacts (never published)
 * @param reportingUnit the police unit that recorded the case
 */
public record CaseDetails(
    Child child,
    LastSeen lastSeen,
    String circumstances,
    boolean suspectedAbduction,
    String suspect,
    Vehicle vehicle,
    List<String> hobbies,
    String personalProblems,
    List<LikelyPlace> likelyPlaces,
    String friendsAndContacts,
    List<Guardian> guardians,
    String reportingUnit) {

  public static final int TEXT_LENGTH = 4000;
  public static final int HOBBY_LENGTH = 200;
  public static final int MAX_HOBBIES = 20;
  public static final int MAX_LIKELY_PLACES = 20;
  public static final int MAX_GUARDIANS = 10;
  public static final int UNIT_LENGTH = 200;

  public CaseDetails {
    Objects.requireNonNull(child);
    Objects.requireNonNull(lastSeen);
    hobbies = hobbies == null ? List.of() : List.copyOf(hobbies);
    likelyPlaces = likelyPlaces == null ? List.of() : List.copyOf(likelyPlaces);
    guardians = guardians == null ? List.of() : List.copyOf(guardians);
  }

  /**
   * The rules that span fields.
   *
   * @throws InvalidRequestException naming the first field that breaks one
   */
  public void checkConsistency() {
    if (!lastSeen
        .at()
        .isAfter(child.dateOfBirth().atStartOfDay(java.time.ZoneOffset.UTC).toInstant())) {
      throw new InvalidRequestException(
          "lastSeen.at", "the child cannot be last seen before their date of birth");
    }
    if (child.dateOfBirth().getYear() < 1900) {
      throw new InvalidRequestException("child.dateOfBirth", "the date of birth is too far back");
    }
    for (int i = 0; i < likelyPlaces.size(); i++) {
      LikelyPlace place = likelyPlaces.get(i);
      if ((place.latitude() == null) != (place.longitude() == null)) {
        throw new InvalidRequestException(
            "likelyPlaces[" + i + "]", "give both latitude and longitude, or neither");
      }
    }
  }
}
