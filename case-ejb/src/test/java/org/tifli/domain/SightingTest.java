package org.tifli.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tifli.domain.DomainFixtures.NOW;
import static org.tifli.domain.DomainFixtures.pendingAlertRequestedBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SightingTest {

  private static final Actor PUBLIC = Actor.thePublic("203.0.113.7");

  /** The fixtures' child was last seen an hour before NOW. */
  private static final Instant LAST_SEEN = NOW.minus(Duration.ofHours(1));

  @Test
  void aNewSightingWaitsForTriageAndKeepsWhereItCameFrom() {
    Sighting sighting = sightingSeenAt(NOW.minusSeconds(600), " +212 611 223 344 ");

    assertThat(sighting.status()).isEqualTo(SightingStatus.NEW);
    assertThat(sighting.triagedBy()).isNull();
    assertThat(sighting.areaCodes()).containsExactly("MA-CAS", "MA-06");
    assertThat(sighting.clientAddress()).isEqualTo("203.0.113.7");
    assertThat(sighting.receivedAt()).isEqualTo(NOW);
    assertThat(sighting.contact()).isEqualTo("+212 611 223 344");
    assertThat(sighting.description()).isEqualTo("a girl in a red coat at the tram stop");
  }

  @Test
  void aBlankContactIsNoContact() {
    assertThat(sightingSeenAt(NOW, "  ").contact()).isNull();
    assertThat(sightingSeenAt(NOW, null).contact()).isNull();
  }

  @Test
  void aNewSightingIsJudgedRelevantOrDismissed() {
    Sighting relevant = sightingSeenAt(NOW, null);
    Sighting dismissed = sightingSeenAt(NOW, null);

    relevant.triage(SightingStatus.RELEVANT, "officer", NOW.plusSeconds(60), " call back ");
    dismissed.triage(SightingStatus.DISMISSED, "officer", NOW.plusSeconds(60), null);

    assertThat(relevant.status()).isEqualTo(SightingStatus.RELEVANT);
    assertThat(relevant.triagedBy()).isEqualTo("officer");
    assertThat(relevant.triagedAt()).isEqualTo(NOW.plusSeconds(60));
    assertThat(relevant.triageNote()).isEqualTo("call back");
    assertThat(dismissed.status()).isEqualTo(SightingStatus.DISMISSED);
    assertThat(dismissed.triageNote()).isNull();
  }

  @Test
  void aVerdictCanBeChangedBetweenRelevantAndDismissed() {
    Sighting sighting = sightingSeenAt(NOW, null);
    sighting.triage(SightingStatus.DISMISSED, "officer", NOW, "too far away");

    sighting.triage(SightingStatus.RELEVANT, "sergeant", NOW.plusSeconds(120), "seen again there");

    assertThat(sighting.status()).isEqualTo(SightingStatus.RELEVANT);
    assertThat(sighting.triagedBy()).isEqualTo("sergeant");
    assertThat(sighting.triageNote()).isEqualTo("seen again there");

    sighting.triage(SightingStatus.DISMISSED, "officer", NOW.plusSeconds(240), null);
    assertThat(sighting.status()).isEqualTo(SightingStatus.DISMISSED);
  }

  @Test
  void aSightingNeverGoesBackToNew() {
    Sighting fresh = sightingSeenAt(NOW, null);
    Sighting judged = sightingSeenAt(NOW, null);
    judged.triage(SightingStatus.RELEVANT, "officer", NOW, "call back");

    InvalidRequestException refused =
        assertThrows(
            InvalidRequestException.class,
            () -> judged.triage(SightingStatus.NEW, "officer", NOW, null));
    assertThrows(
        InvalidRequestException.class,
        () -> fresh.triage(SightingStatus.NEW, "officer", NOW, null));

    assertThat(refused.field()).isEqualTo("status");
    assertThat(judged.status()).isEqualTo(SightingStatus.RELEVANT);
    assertThat(judged.triageNote()).isEqualTo("call back");
    assertThat(fresh.status()).isEqualTo(SightingStatus.NEW);
    assertThat(fresh.triagedBy()).isNull();
  }

  @Test
  void onlyAnActiveAlertTakesSightings() {
    Alert pending = pendingAlertRequestedBy("officer");
    Alert resolved = activeAlert();
    resolved.endWithCase("supervisor", NOW, "FOUND_SAFE");

    for (Alert alert : new Alert[] {pending, resolved}) {
      assertThrows(
          IllegalTransitionException.class,
          () -> new Sighting(alert, report(NOW, null), "MA-CAS", "MA-06", PUBLIC, NOW));
    }
  }

  @Test
  void onlyAnApprovedAlertWasEverPublic() {
    Alert pending = pendingAlertRequestedBy("officer");
    Alert rejected = pendingAlertRequestedBy("officer");
    rejected.reject("supervisor", NOW, "not in danger");
    Alert withdrawnBeforeApproval = pendingAlertRequestedBy("officer");
    withdrawnBeforeApproval.cancel("supervisor", NOW, "duplicate");
    Alert resolved = activeAlert();
    resolved.endWithCase("supervisor", NOW, "FOUND_SAFE");

    assertThat(pending.wasMadePublic()).isFalse();
    assertThat(rejected.wasMadePublic()).isFalse();
    assertThat(withdrawnBeforeApproval.wasMadePublic()).isFalse();
    assertThat(activeAlert().wasMadePublic()).isTrue();
    assertThat(resolved.wasMadePublic()).isTrue();
  }

  @Test
  void aSightingCannotBeInTheFutureBeyondTheClockSkew() {
    Instant skewed = NOW.plus(Sighting.CLOCK_SKEW);

    assertThat(sightingSeenAt(skewed, null).seenAt()).isEqualTo(skewed);
    InvalidRequestException refused =
        assertThrows(
            InvalidRequestException.class, () -> sightingSeenAt(skewed.plusSeconds(1), null));
    assertThat(refused.field()).isEqualTo("seenAt");
  }

  @Test
  void aSightingCannotBeLongBeforeTheChildWentMissing() {
    Instant earliest = LAST_SEEN.minus(Sighting.EARLY_TOLERANCE);

    assertThat(sightingSeenAt(earliest, null).seenAt()).isEqualTo(earliest);
    for (Instant tooEarly :
        new Instant[] {earliest.minusSeconds(1), Instant.parse("1900-01-01T00:00:00Z")}) {
      InvalidRequestException refused =
          assertThrows(InvalidRequestException.class, () -> sightingSeenAt(tooEarly, null));
      assertThat(refused.field()).isEqualTo("seenAt");
    }
  }

  private static Sighting sightingSeenAt(Instant seenAt, String contact) {
    return new Sighting(activeAlert(), report(seenAt, contact), "MA-CAS", "MA-06", PUBLIC, NOW);
  }

  private static SightingReport report(Instant seenAt, String contact) {
    return new SightingReport(
        seenAt, 33.5890, -7.6030, " a girl in a red coat at the tram stop ", contact);
  }

  private static Alert activeAlert() {
    Alert alert = pendingAlertRequestedBy("officer");
    alert.approve("supervisor", NOW, NOW.plus(Duration.ofHours(72)));
    return alert;
  }
}
