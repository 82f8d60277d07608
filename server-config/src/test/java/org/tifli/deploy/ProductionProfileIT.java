package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tifli.testing.TifliClient;
import org.tifli.testing.TifliClient.Answer;

/**
 * Tifli in its production profile, as a government installation runs it: PostgreSQL instead of H2,
 * a broker in a process of its own instead of the embedded one, keys given by configuration, and no
 * demo accounts; only the first administrator, from its bootstrap password. The database refuses to
 * change the audit trail, and the server says it is not ready while the broker or the database is
 * away, and ready again when they are back.
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

  @Test
  void theDatabaseRefusesToChangeOrRemoveAnAuditEntryWhoeverAsks() throws Exception {
    try (Connection db = installation.database();
        Statement sql = db.createStatement()) {
      // The first administrator's creation is in the trail from the start.
      long entries = auditEntries(sql);
      assertThat(entries).isPositive();

      for (String change :
          List.of(
              "UPDATE audit_entry SET action = 'FORGED'",
              "DELETE FROM audit_entry",
              "TRUNCATE audit_entry")) {
        SQLException refused = assertThrows(SQLException.class, () -> sql.execute(change));
        assertThat(refused.getMessage()).as(change).contains("can only be appended to");
      }

      assertThat(auditEntries(sql)).isEqualTo(entries);
    }
  }

  @Test
  void isReadyOnlyWhileTheBrokerAndTheDatabaseAnswer() throws Exception {
    Readiness before = readiness();
    Readiness withoutBroker;
    Readiness withoutDatabase;

    installation.stopBroker();
    try {
      withoutBroker = awaitReadiness(503);
    } finally {
      installation.startBrokerAgain();
    }
    Readiness brokerBack = awaitReadiness(200);
    installation.acceptConnections(false);
    try {
      withoutDatabase = awaitReadiness(503);
    } finally {
      installation.acceptConnections(true);
    }
    Readiness databaseBack = awaitReadiness(200);

    assertThat(before.checks()).containsOnly(entry("database", "UP"), entry("broker", "UP"));
    assertThat(withoutBroker.checks())
        .containsOnly(entry("database", "UP"), entry("broker", "DOWN"));
    assertThat(brokerBack.checks()).containsOnly(entry("database", "UP"), entry("broker", "UP"));
    assertThat(withoutDatabase.checks())
        .containsOnly(entry("database", "DOWN"), entry("broker", "UP"));
    assertThat(databaseBack.checks()).containsOnly(entry("database", "UP"), entry("broker", "UP"));
  }

  /** The readiness answer: its status code and each check's status by name. */
  private record Readiness(int status, Map<String, String> checks) {}

  private static Readiness readiness() throws IOException, InterruptedException {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(server.readinessUrl())
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    Map<String, String> checks = new TreeMap<>();
    try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
      for (JsonObject check :
          reader.readObject().getJsonArray("checks").getValuesAs(JsonObject.class)) {
        checks.put(check.getString("name"), check.getString("status"));
      }
    }
    return new Readiness(answer.statusCode(), checks);
  }

  /** Asks for readiness until it answers the status, for a minute at most. */
  private static Readiness awaitReadiness(int status) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Readiness readiness = readiness();
    while (readiness.status() != status && System.nanoTime() < deadline) {
      Thread.sleep(500);
      readiness = readiness();
    }
    assertThat(readiness.status()).as("readiness %s", readiness.checks()).isEqualTo(status);
    return readiness;
  }

  private static long auditEntries(Statement sql) throws SQLException {
    try (var rows = sql.executeQuery("SELECT count(*) FROM audit_entry")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
