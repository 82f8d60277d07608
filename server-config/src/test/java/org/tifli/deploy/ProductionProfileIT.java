package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tifli.testing.TifliClient;
import org.tifli.testing.TifliClient.Answer;

/**
 * Tifli in its production profile, as a government installation runs it: PostgreSQL instead of H2,
 * a broker in a process of its own instead of the embedded one, keys given by configuration, and no
 * demo accounts; only the first administrator, from its bootstrap password.
 *
 * <p>Needs PostgreSQL on 127.0.0.1:5432 with trust authentication (user {@code postgres}).
 */
class ProductionProfileIT {

  private static ProductionInstallation installation;
  private static MicroServer server;

  @BeforeAll
  static void start() throws Exception {
    installation = ProductionInstallation.create("production-it", "tifli_production_it");
    server = MicroServer.start(installation.instanceDirectory("data"), "", installation.settings());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (installation != null) {
      installation.close();
    }
  }

  @Test
  void isReadyOnPostgresqlAndTheExternalBroker() throws Exception {
    try (Connection db = installation.database();
        Statement sql = db.createStatement();
        var rows = sql.executeQuery("SELECT max(version) FROM flyway_schema_history")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isNotBlank();
    }
  }

  @Test
  void seedsNoDemoAccountsButTheFirstAdministrator() {
    TifliClient api = new TifliClient(server.appUrl());
    for (String demo : new String[] {"officer", "supervisor", "admin"}) {
      Answer refused =
          api.post("/tokens", null, "{\"username\":\"" + demo + "\",\"password\":\"tifli-demo\"}");
      assertThat(refused.status()).isEqualTo(401);
    }
    String admin = api.token("admin", installation.adminPassword());
    Answer channel =
        api.post(
            "/channels",
            admin,
            "{\"area\":\"MA-RAB\",\"platform\":\"FACEBOOK\",\"accountId\":\"rabat-page\","
                + "\"secret\":\"page-token\",\"languages\":[\"fr\",\"ar\"],\"exercise\":false}");
    assertThat(channel.status()).isEqualTo(201);
    assertThat(channel.json().toString()).doesNotContain("page-token");
  }

  @Test
  void keepsChannelCredentialsSealedInTheDatabase() throws Exception {
    TifliClient api = new TifliClient(server.appUrl());
    String admin = api.token("admin", installation.adminPassword());
    api.post(
        "/channels",
        admin,
        "{\"area\":\"MA-TNG\",\"platform\":\"FACEBOOK\",\"accountId\":\"tanger-page\","
            + "\"secret\":\"tanger-page-token\",\"languages\":[\"fr\"],\"exercise\":false}");
    try (Connection db = installation.database();
        Statement sql = db.createStatement();
        var rows =
            sql.executeQuery(
                "SELECT sealed_secret FROM channel WHERE account_id = 'tanger-page'")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).startsWith("v1:").doesNotContain("tanger-page-token");
    }
  }
}
