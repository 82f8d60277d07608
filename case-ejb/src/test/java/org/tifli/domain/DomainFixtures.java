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
        "MC-2026-000042", detailsInCasablanca(), "MA-CAS", "MA-06", "officer", NOW);
  }

  static CaseDetails detailsInCasablanca() {
    return new CaseDetails(
        new Child(
            "Yasmine",
            "Alaoui",
            "ياسمين",
            "العلوي",
            LocalDate.of(2017, 5, 2),
            Sex.FEMALE,
            new Appearance(120, "slim", "black, long", "brown", "scar on the chin", "red coat"),
            List.of("ar", "fr"),
            null),
        new LastSeen(NOW.minusSeconds(3600), 33.5731, -7.5898, "Derb Ghallef", "her teacher"),
        "Left school alone",
        false,
        null,
        null,
        List.of("football"),
        null,
        List.of(new LikelyPlace("grandmother's house", 33.60, -7.62)),
        null,
        List.of(new Guardian("Samira Alaoui", "mother", "+212 600 000 000")),
        "Sûreté préfectorale de Casablanca");
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
