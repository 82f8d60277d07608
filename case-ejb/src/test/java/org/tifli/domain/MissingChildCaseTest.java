package org.tifli.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tifli.domain.DomainFixtures.NOW;
import static org.tifli.domain.DomainFixtures.caseInCasablanca;
import static org.tifli.domain.DomainFixtures.detailsInCasablanca;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MissingChildCaseTest {

  @Test
  void aNewCaseIsOpenWithEveryIntakeDetail() {
    MissingChildCase opened = caseInCasablanca();

    assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(opened.child().appearance().heightCm()).isEqualTo(120);
    assertThat(opened.child().languages()).containsExactly("ar", "fr");
    assertThat(opened.lastSeen().seenBy()).isEqualTo("her teacher");
    assertThat(opened.likelyPlaces()).singleElement().matches(LikelyPlace::hasCoordinates);
    assertThat(opened.guardians()).extracting(Guardian::relation).containsExactly("mother");
    assertThat(opened.areaCodes()).containsExactly("MA-CAS", "MA-06");
  }

  @ParameterizedTest
  @EnumSource(CaseOutcome.class)
  void resolutionEndsTheCaseWithItsOutcome(CaseOutcome outcome) {
    MissingChildCase missing = caseInCasablanca();

    missing.resolve(outcome, "note", "supervisor", NOW);

    assertThat(missing.status())
        .isEqualTo(
            outcome == CaseOutcome.UNFOUNDED ? CaseStatus.CLOSED_UNFOUNDED : CaseStatus.RESOLVED);
    assertThat(missing.outcome()).isEqualTo(outcome);
    assertThat(missing.resolvedBy()).isEqualTo("supervisor");
    assertThat(missing.isOpen()).isFalse();
  }

  @Test
  void anEndedCaseIsNeitherResolvedAgainNorRevised() {
    MissingChildCase missing = caseInCasablanca();
    missing.resolve(CaseOutcome.FOUND_SAFE, null, "supervisor", NOW);

    assertThrows(
        IllegalTransitionException.class,
        () -> missing.resolve(CaseOutcome.RETURNED_HOME, null, "supervisor", NOW));
    assertThrows(
        IllegalTransitionException.class,
        () -> missing.revise(detailsInCasablanca(), "MA-CAS", "MA-06"));
    assertThat(missing.outcome()).isEqualTo(CaseOutcome.FOUND_SAFE);
  }

  @Test
  void theAuditedFieldsNameEachChangeButNeverAGuardiansPhone() {
    MissingChildCase missing = caseInCasablanca();
    CaseDetails details = detailsInCasablanca();
    var before = missing.auditedFields();

    missing.revise(
        new CaseDetails(
            details.child(),
            new LastSeen(NOW, 33.6, -7.6, "Maarif", "a neighbour"),
            details.circumstances(),
            true,
            "a man in his thirties",
            new Vehicle("white van", "12345-A-6"),
            details.hobbies(),
            details.personalProblems(),
            details.likelyPlaces(),
            details.friendsAndContacts(),
            List.of(new Guardian("Samira Alaoui", "mother", "+212 611 111 111")),
            details.reportingUnit()),
        "MA-CAS",
        "MA-06");
    var after = missing.auditedFields();

    assertThat(after.get("lastSeen.place")).isEqualTo("Maarif");
    assertThat(after.get("vehicle.plate")).isEqualTo("12345-A-6");
    assertThat(before.get("suspectedAbduction")).isEqualTo("false");
    assertThat(after.get("suspectedAbduction")).isEqualTo("true");
    assertThat(after.get("guardians[0].phone")).isEqualTo("(recorded)");
    assertThat(after.values()).noneMatch(v -> v != null && v.contains("611"));
    assertThat(before.values()).noneMatch(v -> v != null && v.contains("600"));
  }

  @Test
  void aChildCannotBeLastSeenBeforeBeingBorn() {
    CaseDetails details = detailsInCasablanca();
    Child child = details.child();
    CaseDetails impossible =
        new CaseDetails(
            child,
            new LastSeen(Instant.parse("2010-01-01T00:00:00Z"), 33.5, -7.5, null, null),
            null,
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, impossible::checkConsistency);
    assertThat(e.field()).isEqualTo("lastSeen.at");
    assertThat(child.dateOfBirth()).isAfter(LocalDate.of(2010, 1, 1));
  }

  @Test
  void aLikelyPlaceNeedsBothCoordinatesOrNeither() {
    CaseDetails details = detailsInCasablanca();
    CaseDetails halfPlaced =
        new CaseDetails(
            details.child(),
            details.lastSeen(),
            null,
            false,
            null,
            null,
            null,
            null,
            List.of(new LikelyPlace("the beach", 33.6, null)),
            null,
            null,
            null);

    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, halfPlaced::checkConsistency);
    assertThat(e.field()).isEqualTo("likelyPlaces[0]");
  }
}
