package org.tifli.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tifli.domain.DomainFixtures.NOW;
import static org.tifli.domain.DomainFixtures.facebookPage;
import static org.tifli.domain.DomainFixtures.pendingAlertRequestedBy;

import org.junit.jupiter.api.Test;

class PostKindTest {

  @Test
  void aDeliveryPostsTheKindItsPurposeCallsFor() {
    Delivery post =
        new Delivery(pendingAlertRequestedBy("officer"), facebookPage("MA-CAS"), 0, NOW);

    assertThat(PostKind.of(post)).isEqualTo(PostKind.ALERT);
    assertThat(PostKind.of(Delivery.update(post, 1, NOW))).isEqualTo(PostKind.UPDATE);
  }

  @Test
  void aClosingMessageSaysHowTheAlertEnded() {
    assertThat(PostKind.closing(AlertStatus.RESOLVED)).isEqualTo(PostKind.CLOSING_RESOLVED);
    assertThat(PostKind.closing(AlertStatus.EXPIRED)).isEqualTo(PostKind.CLOSING_EXPIRED);
    assertThat(PostKind.closing(AlertStatus.CANCELLED)).isEqualTo(PostKind.CLOSING_CANCELLED);
    // An alert still active when its closing is written is being withdrawn.
    assertThat(PostKind.closing(AlertStatus.ACTIVE)).isEqualTo(PostKind.CLOSING_CANCELLED);
  }

  @Test
  void kindsAreNamedInAnyCaseAndUnknownOnesAreNone() {
    assertThat(PostKind.named("alert")).contains(PostKind.ALERT);
    assertThat(PostKind.named("Closing_Resolved")).contains(PostKind.CLOSING_RESOLVED);
    assertThat(PostKind.named("RETRACTION")).isEmpty();
    assertThat(PostKind.named(null)).isEmpty();
  }

  @Test
  void onlyTheAlertAndItsUpdatesShowTheChild() {
    assertThat(PostKind.values())
        .filteredOn(PostKind::showsTheChild)
        .containsExactly(PostKind.ALERT, PostKind.UPDATE);
    assertThat(PostKind.CLOSING_CANCELLED.placeholders()).containsExactly("reference");
  }
}
