package org.tifli.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tifli.domain.DomainFixtures.NOW;
import static org.tifli.domain.DomainFixtures.facebookPage;
import static org.tifli.domain.DomainFixtures.pendingAlertRequestedBy;

import org.junit.jupiter.api.Test;

class DeliveryTest {

  private final Delivery delivery =
      new Delivery(pendingAlertRequestedBy("officer"), facebookPage("MA-CAS"), 0, NOW);

  @Test
  void aNewDeliveryIsQueuedForItsChannelsAreaAndPlatform() {
    assertThat(delivery.isQueued()).isTrue();
    assertThat(delivery.status()).isEqualTo(DeliveryStatus.QUEUED);
    assertThat(delivery.areaCode()).isEqualTo("MA-CAS");
    assertThat(delivery.platform()).isEqualTo(Platform.FACEBOOK);
    assertThat(delivery.attempts()).isZero();
  }

  @Test
  void markSentKeepsThePlatformPostIdAndClearsTheLastError() {
    delivery.recordAttempt();
    delivery.recordError("Facebook HTTP 503");
    delivery.recordAttempt();

    delivery.markSent("page-MA-CAS_1001", NOW.plusSeconds(5));

    assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(delivery.isQueued()).isFalse();
    assertThat(delivery.externalId()).isEqualTo("page-MA-CAS_1001");
    assertThat(delivery.sentAt()).isEqualTo(NOW.plusSeconds(5));
    assertThat(delivery.lastError()).isNull();
    assertThat(delivery.attempts()).isEqualTo(2);
  }

  @Test
  void aDeliveryIsSentOnlyOnce() {
    delivery.markSent("page-MA-CAS_1001", NOW);

    assertThrows(
        IllegalTransitionException.class, () -> delivery.markSent("page-MA-CAS_1002", NOW));

    // The first post id is what a takedown deletes: it must survive the refused second one.
    assertThat(delivery.externalId()).isEqualTo("page-MA-CAS_1001");
    assertThat(delivery.sentAt()).isEqualTo(NOW);
  }

  @Test
  void aFailedDeliveryCannotBeMarkedSent() {
    delivery.markFailed("Facebook HTTP 400, code 190: token expired");

    assertThrows(IllegalTransitionException.class, () -> delivery.markSent("page_1", NOW));
    assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(delivery.lastError()).isEqualTo("Facebook HTTP 400, code 190: token expired");
  }

  @Test
  void aTryWithoutAnAnswerMakesTheNextOneLookForThePostFirst() {
    assertThat(delivery.beginAttempt(NOW)).isEmpty();
    delivery.retryAt(NOW.plusSeconds(2), "Facebook did not answer in time", true, true);

    assertThat(delivery.beginAttempt(NOW.plusSeconds(2))).contains(NOW);
  }

  @Test
  void aPostWhoseFateIsUnknownIsLookedForUntilItIsSent() {
    delivery.beginAttempt(NOW);
    delivery.retryAt(NOW.plusSeconds(2), "Facebook did not answer in time", true, true);
    // The look itself fails (the platform answers 500): the post may still exist.
    delivery.beginAttempt(NOW.plusSeconds(2));
    delivery.retryAt(NOW.plusSeconds(6), "Facebook HTTP 500", true, false);

    assertThat(delivery.beginAttempt(NOW.plusSeconds(6))).isPresent();
    delivery.markSent("page-MA-CAS_1001", NOW.plusSeconds(7));
    assertThat(delivery.inFlightSince()).isEmpty();
  }

  @Test
  void aTryThatFailsWithAnAnswerLeavesNothingToLookFor() {
    delivery.beginAttempt(NOW);
    delivery.retryAt(NOW.plusSeconds(2), "Facebook HTTP 503", true, false);

    assertThat(delivery.beginAttempt(NOW.plusSeconds(2))).isEmpty();
  }

  @Test
  void aRecordedErrorLeavesTheDeliveryQueuedForTheNextTry() {
    delivery.recordError("Facebook unreachable: HttpTimeoutException");

    assertThat(delivery.isQueued()).isTrue();
    assertThat(delivery.lastError()).isEqualTo("Facebook unreachable: HttpTimeoutException");
  }

  @Test
  void errorsLongerThanTheColumnAreTruncated() {
    delivery.markFailed("x".repeat(Delivery.ERROR_LENGTH + 100));

    assertThat(delivery.lastError()).hasSize(Delivery.ERROR_LENGTH);
  }

  @Test
  void anUpdateFollowsTheAlertsOwnPostOnTheSameChannel() {
    Delivery update = Delivery.update(delivery, 1, NOW.plusSeconds(60));

    assertThat(update.purpose()).isEqualTo(DeliveryPurpose.UPDATE);
    assertThat(update.updateNumber()).isEqualTo(1);
    assertThat(update.channel()).isSameAs(delivery.channel());
    assertThat(update.stage()).isEqualTo(delivery.stage());
    assertThat(update.isQueued()).isTrue();
    assertThat(delivery.purpose()).isEqualTo(DeliveryPurpose.ALERT);
    assertThat(delivery.updateNumber()).isZero();
  }

  @Test
  void anUpdateIsNumberedFromOneAndNeverFollowsAnotherUpdate() {
    Delivery update = Delivery.update(delivery, 1, NOW);

    assertThrows(IllegalArgumentException.class, () -> Delivery.update(delivery, 0, NOW));
    assertThrows(IllegalArgumentException.class, () -> Delivery.update(update, 2, NOW));
  }

  @Test
  void aDeliveryStoppedByItsChannelFailsWaitingForTheFixAndIsQueuedAgainAfterIt() {
    delivery.beginAttempt(NOW);

    delivery.stopForChannel("Facebook HTTP 400, code 190: token revoked");

    assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(delivery.awaitingFix()).isTrue();
    assertThat(delivery.inFlightSince()).isEmpty();
    assertThat(delivery.lastError()).contains("code 190");

    delivery.resumeAfterFix();

    assertThat(delivery.status()).isEqualTo(DeliveryStatus.QUEUED);
    assertThat(delivery.awaitingFix()).isFalse();
    assertThat(delivery.attempts()).isOne();
  }

  @Test
  void onlyADeliveryStoppedByItsChannelResumesAfterAFix() {
    assertThrows(IllegalTransitionException.class, delivery::resumeAfterFix);

    delivery.markFailed("gave up after 12 attempts: HTTP 503");

    assertThrows(IllegalTransitionException.class, delivery::resumeAfterFix);
    assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
  }

  @Test
  void aDeliveryAlreadyDoneIsNotStoppedByItsChannel() {
    delivery.markSent("page_1", NOW);

    assertThrows(IllegalTransitionException.class, () -> delivery.stopForChannel("code 190"));
    assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
  }

  @Test
  void aWithdrawnDeliverySaysWhy() {
    delivery.withdraw("channel 7 was retired");

    assertThat(delivery.status()).isEqualTo(DeliveryStatus.WITHDRAWN);
    assertThat(delivery.lastError()).isEqualTo("channel 7 was retired");
  }
}
