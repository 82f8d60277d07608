package org.tifli.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tifli.domain.DomainFixtures.NOW;
import static org.tifli.domain.DomainFixtures.pendingAlertRequestedBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AlertTest {

  @Test
  void aNewAlertWaitsForADecision() {
    Alert alert = pendingAlertRequestedBy("officer");

    assertThat(alert.status()).isEqualTo(AlertStatus.PENDING_APPROVAL);
    assertThat(alert.decidedBy()).isNull();
    assertThat(alert.targetAreas()).isEmpty();
  }

  @Test
  void approvalByAnotherUserActivatesTheAlertAndRecordsItsFirstStageAreas() {
    Alert alert = pendingAlertRequestedBy("officer");

    alert.approve("supervisor", NOW, List.of("MA-CAS", "MA-06"));

    assertThat(alert.status()).isEqualTo(AlertStatus.ACTIVE);
    assertThat(alert.decidedBy()).isEqualTo("supervisor");
    assertThat(alert.decidedAt()).isEqualTo(NOW);
    assertThat(alert.targetAreas())
        .extracting(TargetArea::areaCode, TargetArea::stage)
        .containsExactly(tuple("MA-CAS", 0), tuple("MA-06", 0));
  }

  @Test
  void theRequesterCannotApproveTheirOwnAlert() {
    Alert alert = pendingAlertRequestedBy("sergeant");

    assertThrows(
        ForbiddenActionException.class, () -> alert.approve("sergeant", NOW, List.of("MA-CAS")));

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
    alert.approve("supervisor", NOW, List.of("MA-CAS"));

    assertThrows(
        IllegalTransitionException.class,
        () -> alert.approve("other-supervisor", NOW, List.of("MA-06")));
    assertThrows(
        IllegalTransitionException.class, () -> alert.reject("other-supervisor", NOW, "late"));

    assertThat(alert.status()).isEqualTo(AlertStatus.ACTIVE);
    assertThat(alert.decidedBy()).isEqualTo("supervisor");
    assertThat(alert.targetAreas()).extracting(TargetArea::areaCode).containsExactly("MA-CAS");
  }

  @Test
  void aRejectedAlertCannotBeApprovedAfterwards() {
    Alert alert = pendingAlertRequestedBy("officer");
    alert.reject("supervisor", NOW, "the child was found");

    assertThrows(
        IllegalTransitionException.class,
        () -> alert.approve("other-supervisor", NOW, List.of("MA-CAS")));

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
