package org.tifli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tifli.console.AuditHistory.Change;
import org.tifli.console.AuditHistory.Entry;
import org.tifli.domain.Actor;
import org.tifli.domain.AuditEntry;
import org.tifli.domain.AuditEntry.Subject;

/** The audit trail as the administrators' pages show it: each field, before and after. */
class AuditHistoryTest {

  private static final ZoneId CASABLANCA = ZoneId.of("Africa/Casablanca");

  @Test
  void aChangeShowsItsValueBeforeAndAfterAndAFieldSetShowsItsValueOnly() {
    AuditEntry revised =
        new AuditEntry(
            Instant.parse("2026-12-04T09:15:30Z"),
            Actor.user("admin", "127.0.0.1"),
            Subject.CHANNEL,
            7,
            null,
            "REVISED",
            "{\"languages\":{\"from\":\"fr\",\"to\":\"ar,zgh\"},"
                + "\"secret\":{\"from\":null,\"to\":\"(changed)\"},\"resumedDeliveries\":2}");

    List<Entry> history = AuditHistory.of(List.of(revised), CASABLANCA);

    assertThat(history)
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.when()).isEqualTo("2026-12-04 10:15:30");
              assertThat(entry.who()).isEqualTo("admin");
              assertThat(entry.action()).isEqualTo("REVISED");
              assertThat(entry.changes())
                  .containsExactly(
                      new Change("languages", "fr", "ar,zgh"),
                      new Change("secret", null, "(changed)"),
                      new Change("resumedDeliveries", null, "2"));
            });
  }
}
