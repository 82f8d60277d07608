package org.tifli.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tifli.domain.DomainFixtures.NOW;
import static org.tifli.domain.DomainFixtures.pendingAlertRequestedBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertTest {

  private static final Duration LIFETIME = Duration.ofHours(72);

  @Test
  void aNewAlertWaitsForADecision() {
    Alert alert = pendingAlertRequestedBy("officer");

    assertThat(alert.status()).isEqualTo(AlertStatus.PENDING_APPROVAL);
    assertThat(alert.decidedBy()).isNull();
    assertThat(alert.targetAreas()).isEmpty();
  }

  @Test
  void approvalByAnotherUserActivatesTheAlertForItsLifetime() {
    Alert alert = pendingAlertRequestedBy("officer");

    alert.approve("supervisor", NOW, NOW.plus(LIFETIME));

    assertThat(alert.status()).isEqualTo(AlertStatus.ACTIVE);
    assertThat(alert.decidedBy()).isEqualTo("supervisor");
    assertThat(alert.decidedAt()).isEqualTo(NOW);
    assertThat(alert.expiresAt()).isEqualTo(NOW.plus(LIFETIME));
    assertThat(alert.stagesDone()).isZero();
  }

  @Test
  void eachStageRecordsItsNewAreasAndMovesProgressOn() {
    Alert alert = activeAlert();

    alert.applyStage(0, List.of("MA-06", "MA-CAS"), 1);
    alert.applyStage(2, List.of("MA-07", "MA-MAR"), 3);

    assertThat(alert.targetAreas())
        .extracting(TargetArea::areaCode, TargetArea::stage)
        .containsExactly(
            tuple("MA-06", 0), tuple("MA-CAS", 0), tuple("MA-07", 2), tuple("MA-MAR", 2));
    assertThat(alert.stagesDone()).isEqualTo(3);
    assertThat(alert.reaches("MA-MAR")).isTrue();
    assertThat(alert.reaches("MA-FES")).isFalse();
  }

  @Test
  void aStageAlreadyDoneIsNotAppliedTwice() {
    Alert alert = activeAlert();
    alert.applyStage(0, List.of("MA-CAS"), 1);

    assertThrows(IllegalTransitionException.class, () -> alert.applyStage(0, List.of("MA-NOU"), 1));

    assertThat(alert.targetAreas()).extracting(TargetArea::areaCode).containsExactly("MA-CAS");
    assertThat(alert.stagesDone()).isEqualTo(1);
  }

  @Test
  void anAreaIsNeverReachedByTwoStages() {
    Alert alert = activeAlert();
    alert.applyStage(0, List.of("MA-CAS"), 1);

    assertThrows(IllegalStateException.class, () -> alert.applyStage(1, List.of("MA-CAS"), 2));
  }

  @Test
  void onlyAnActiveAlertWidensIsHeldOrRenewed() {
    Alert pending = pendingAlertRequestedBy("officer");

    assertThrows(IllegalTransitionException.class, () -> pending.applyStage(0, List.of(), 1));
    assertThrows(IllegalTransitionException.class, () -> pending.hold(true));
    assertThrows(IllegalTransitionException.class, () -> pending.renew(NOW, LIFETIME));
  }

  @Test
  void onlyAnActiveAlertPostsUpdatesNumberedFromOne() {
    Alert alert = pendingAlertRequestedBy("officer");
    assertThrows(IllegalTransitionException.class, alert::nextUpdate);
    alert.approve("supervisor", NOW, NOW.plus(LIFETIME));

    assertThat(alert.nextUpdate()).isEqualTo(1);
    assertThat(alert.nextUpdate()).isEqualTo(2);
    assertThat(alert.updatesPosted()).isEqualTo(2);

    alert.cancel("supervisor", NOW, "withdrawn");
    assertThrows(IllegalTransitionException.class, alert::nextUpdate);
  }

  @Test
  void holdingAndReleasing() {
    Alert alert = activeAlert();

    alert.hold(true);
    assertThat(alert.held()).isTrue();
    alert.hold(false);
    assertThat(alert.held()).isFalse();
  }

  @Test
  void anAlertExpiresOnlyOnceItsLifetimeHasRunOut() {
    Alert alert = activeAlert();
    Instant end = NOW.plus(LIFETIME);

    assertThat(alert.isDueToExpire(end.minusSeconds(1))).isFalse();
    assertThrows(IllegalTransitionException.class, () -> alert.expire(end.minusSeconds(1)));
    assertThat(alert.isDueToExpire(end)).isTrue();

    alert.expire(end);

    assertThat(alert.status()).isEqualTo(AlertStatus.EXPIRED);
    assertThat(alert.endedBy()).isEqualTo("system");
    assertThat(alert.isDueToExpire(end.plusSeconds(60))).isFalse();
  }

  @Test
  void renewalStartsAnotherLifetimeFromNow() {
    Alert alert = activeAlert();
    Instant later = NOW.plus(Duration.ofHours(70));

    alert.renew(later, LIFETIME);

    assertThat(alert.expiresAt()).isEqualTo(later.plus(LIFETIME));
    assertThat(alert.isDueToExpire(NOW.plus(LIFETIME))).isFalse();
  }

  @Test
  void aPendingOrActiveAlertCanBeCancelledWithAReason() {
    Alert pending = pendingAlertRequestedBy("officer");
    Alert active = activeAlert();

    pending.cancel("supervisor", NOW, "duplicate request");
    active.cancel("supervisor", NOW, "the report was withdrawn");

    assertThat(pending.status()).isEqualTo(AlertStatus.CANCELLED);
    assertThat(active.status()).isEqualTo(AlertStatus.CANCELLED);
    assertThat(active.endReason()).isEqualTo("the report was withdrawn");
    assertThat(active.endedBy()).isEqualTo("supervisor");
  }

  @Test
  void anEndedAlertNeverComesBack() {
    Alert expired = activeAlert();
    expired.expire(NOW.plus(LIFETIME));
    Alert rejected = pendingAlertRequestedBy("officer");
    rejected.reject("supervisor", NOW, "not enough description");
    Alert cancelled = activeAlert();
    cancelled.cancel("supervisor", NOW, "withdrawn");

    for (Alert ended : List.of(expired, rejected, cancelled)) {
      AlertStatus status = ended.status();
      assertThrows(IllegalTransitionException.class, () -> ended.cancel("s", NOW, "again"));
      assertThrows(IllegalTransitionException.class, () -> ended.renew(NOW, LIFETIME));
      assertThrows(IllegalTransitionException.class, () -> ended.hold(true));
      assertThrows(IllegalTransitionException.class, () -> ended.applyStage(0, List.of(), 1));
      assertThrows(
          IllegalTransitionException.class, () -> ended.approve("other", NOW, NOW.plus(LIFETIME)));
      assertThat(ended.endWithCase("s", NOW, "FOUND_SAFE")).isFalse();
      assertThat(ended.status()).isEqualTo(status);
    }
  }

  @Test
  void resolvingTheCaseResolvesAnActiveAlertAndCancelsAPendingOne() {
    Alert active = activeAlert();
    Alert pending = pendingAlertRequestedBy("officer");

    assertThat(active.endWithCase("supervisor", NOW, "FOUND_SAFE")).isTrue();
    assertThat(pending.endWithCase("supervisor", NOW, "FOUND_SAFE")).isTrue();

    assertThat(active.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(active.endReason()).isEqualTo("FOUND_SAFE");
    assertThat(pending.status()).isEqualTo(AlertStatus.CANCELLED);
  }

  private static Alert activeAlert() {
    Alert alert = pendingAlertRequestedBy("officer");
    alert.approve("supervisor", NOW, NOW.plus(LIFETIME));
    return alert;
  }

  @Test
  void theRequesterCannotApproveTheirOwnAlert() {
    Alert alert = pendingAlertRequestedBy("sergeant");

    assertThrows(
        ForbiddenActionException.class, () -> alert.approve("sergeant", NOW, NOW.plus(LIFETIME)));

    assertThat(alert.status()).isEqualTo(AlertStatus.PENDING_APPROVAL);
    assertThat(alert.decidedBy()).isNull();
    assertThat(alert.targetAreas()).isEmpty();
  }

  @Test
  void theRequesterCannotRejectTheirOwnAlert() {
    Alert alert = pendingAlertRequestedBy("sergeant");

    assertThrows(ForbiddenActionException.class, () -> alert.reject("sergeant", NOW, "changed"));

    assertThat(alert.status()).isEqualTo(AlertStatus.PENDING_APPROVAL);
    assertThat(alert.rejectionReason()).isNull();
  }

  @Test
  void anApprovedAlertCannotBeDecidedAgain() {
    Alert alert = pendingAlertRequestedBy("officer");
    alert.approve("supervisor", NOW, NOW.plus(LIFETIME));

    assertThrows(
        IllegalTransitionException.class,
        () -> alert.approve("other-supervisor", NOW, NOW.plus(LIFETIME)));
    assertThrows(
        IllegalTransitionException.class, () -> alert.reject("other-supervisor", NOW, "late"));

    assertThat(alert.status()).isEqualTo(AlertStatus.ACTIVE);
    assertThat(alert.decidedBy()).isEqualTo("supervisor");
    assertThat(alert.expiresAt()).isEqualTo(NOW.plus(LIFETIME));
  }

  @Test
  void aRejectedAlertCannotBeApprovedAfterwards() {
    Alert alert = pendingAlertRequestedBy("officer");
    alert.reject("supervisor", NOW, "the child was found");

    assertThrows(
        IllegalTransitionException.class,
        () -> alert.approve("other-supervisor", NOW, NOW.plus(LIFETIME)));

    assertThat(alert.status()).isEqualTo(AlertStatus.REJECTED);
    assertThat(alert.rejectionReason()).isEqualTo("the child was found");
  }

  @Test
  void rejectionKeepsTheReasonForTheRequestingOfficer() {
    Alert alert = pendingAlertRequestedBy("officer");

    alert.reject("supervisor", NOW, "criteria not met: no sign of danger");

    assertThat(alert.status()).isEqualTo(AlertStatus.REJECTED);
    assertThat(alert.decidedBy()).isEqualTo("supervisor");
    assertThat(alert.rejectionReason()).isEqualTo("criteria not met: no sign of danger");
  }

  @Test
  void rejectionWithoutAReasonIsRefused() {
    Alert alert = pendingAlertRequestedBy("officer");

    assertThrows(NullPointerException.class, () -> alert.reject("supervisor", NOW, null));
  }
}
