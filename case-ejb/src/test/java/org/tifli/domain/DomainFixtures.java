package org.tifli.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Entities built in memory, as intake and channel registration would build them. */
final class DomainFixtures {

  static final Instant NOW = Instant.parse("2026-03-14T10:15:30Z");

  private DomainFixtures() {}

  static MissingChildCase caseInCasablanca() {
    return new MissingChildCase(
        "MC-2026-000042",
        new Child("Yasmine", "Alaoui", null, null, LocalDate.of(2017, 5, 2), Sex.FEMALE),
        new LastSeen(NOW.minusSeconds(3600), 33.5731, -7.5898, "Derb Ghallef"),
        "Left school alone",
        "MA-CAS",
        "MA-06",
        "officer",
        NOW);
  }

  static Alert pendingAlertRequestedBy(String officer) {
    return new Alert(
        caseInCasablanca(),
        new ActivationCriteria(true, true, true, true),
        null,
        false,
        officer,
        NOW);
  }

  static Channel facebookPage(String areaCode) {
    return new Channel(
        areaCode, Platform.FACEBOOK, "page-" + areaCode, "v1:sealed", List.of("fr"), false, NOW);
  }
}
