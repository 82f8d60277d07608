package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
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

  private static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
  private static final String DATABASE = "tifli_production_it";
  private static final String ADMIN_PASSWORD =
      "first-admin-" + Long.toHexString(new SecureRandom().nextLong());

  private static ExternalBroker broker;
  private static MicroServer server;

  @BeforeAll
  static void start() throws Exception {
    Path dir = MicroServer.freshDirectory("production-it");
    recreateDatabase();
    broker = ExternalBroker.start(dir.resolve("broker"), dir.resolve("broker.log"));

    KeyPair keys = KeyPairGenerator.getInstance("RSA").genKeyPair();
    Path privateKey =
        writePem(dir.resolve("jwt-private.pem"), "PRIVATE KEY", keys.getPrivate().getEncoded());
    Path publicKey =
        writePem(dir.resolve("jwt-public.pem"), "PUBLIC KEY", keys.getPublic().getEncoded());
    byte[] sealing = new byte[32];
    new SecureRandom().nextBytes(sealing);

    server =
        MicroServer.start(
            dir.resolve("data"),
            "",
            Map.of(
                "TIFLI_PROFILE",
                "production",
                "TIFLI_DB_URL",
                PG + DATABASE,
                "TIFLI_DB_USER",
                "postgres",
                "TIFLI_DB_PASSWORD",
                "unused-with-trust-authentication",
                "TIFLI_BROKER_URL",
                broker.url(),
                "TIFLI_JWT_PRIVATE_KEY_FILE",
                privateKey.toString(),
                "TIFLI_JWT_PUBLIC_KEY_FILE",
                publicKey.toString(),
                "TIFLI_SECRETS_KEY",
                Base64.getEncoder().encodeToString(sealing),
                "TIFLI_BOOTSTRAP_ADMIN_PASSWORD",
                ADMIN_PASSWORD));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void isReadyOnPostgresqlAndTheExternalBroker() throws Exception {
    try (Connection db = DriverManager.getConnection(PG + DATABASE, "postgres", "");
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
    String admin = api.token("admin", ADMIN_PASSWORD);
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
    String admin = api.token("admin", ADMIN_PASSWORD);
    api.post(
        "/channels",
        admin,
        "{\"area\":\"MA-TNG\",\"platform\":\"FACEBOOK\",\"accountId\":\"tanger-page\","
            + "\"secret\":\"tanger-page-token\",\"languages\":[\"fr\"],\"exercise\":false}");
    try (Connection db = DriverManager.getConnection(PG + DATABASE, "postgres", "");
        Statement sql = db.createStatement();
        var rows =
            sql.executeQuery(
                "SELECT sealed_secret FROM channel WHERE account_id = 'tanger-page'")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).startsWith("v1:").doesNotContain("tanger-page-token");
    }
  }

  private static void recreateDatabase() throws SQLException {
    try (Connection db = DriverManager.getConnection(PG + "test", "postgres", "");
        Statement sql = db.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      sql.execute("CREATE DATABASE " + DATABASE);
    }
  }

  private static Path writePem(Path file, String type, byte[] der) throws Exception {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    Files.writeString(
        file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    return file;
  }
}
