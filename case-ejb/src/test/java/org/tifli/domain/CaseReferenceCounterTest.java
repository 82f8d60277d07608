package org.tifli.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseReferenceCounterTest {

  @Test
  void theFirstReferenceOfAYearIsNumberOneOnSixDigits() {
    assertThat(new CaseReferenceCounter(2026).next()).isEqualTo("MC-2026-000001");
  }

  @Test
  void referencesFollowEachOtherWithinTheYear() {
    CaseReferenceCounter counter = new CaseReferenceCounter(2027);

    assertThat(counter.next()).isEqualTo("MC-2027-000001");
    assertThat(counter.next()).isEqualTo("MC-2027-000002");
    assertThat(counter.next()).isEqualTo("MC-2027-000003");
  }

  @Test
  void eachYearCountsFromOne() {
    CaseReferenceCounter thisYear = new CaseReferenceCounter(2026);
    thisYear.next();
    thisYear.next();

    assertThat(new CaseReferenceCounter(2027).next()).isEqualTo("MC-2027-000001");
  }
}
