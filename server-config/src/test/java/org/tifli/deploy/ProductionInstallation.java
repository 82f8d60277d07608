package org.tifli.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * What a government installation gives Tifli in its production profile, made afresh for a test: a
 * PostgreSQL database of its own (on 127.0.0.1:5432, trust authentication, user {@code postgres}),
 * a broker in a process of its own, the token signing keys and the credential sealing key, and the
 * first administrator's password. Every instance started with {@link #settings} shares them.
 */
final class ProductionInstallation implements AutoCloseable {

  static final String POSTGRESQL = "jdbc:postgresql://127.0.0.1:5432/";

  private final Path dir;
  private final String database;
  private ExternalBroker broker;
  private final Map<String, String> settings;
  private final String adminPassword;

  private ProductionInstallation(
      Path dir,
      String database,
      ExternalBroker broker,
      Map<String, String> settings,
      String adminPassword) {
    this.dir = dir;
    this.database = database;
    this.broker = broker;
    this.settings = settings;
    this.adminPassword = adminPassword;
  }

  /**
   * Creates the database (dropping one left by an earlier run), starts the broker and writes the
   * keys, all under the build directory's {@code name}.
   */
  static ProductionInstallation create(String name, String database)
      throws IOException, SQLException, InterruptedException, NoSuchAlgorithmException {
    Path dir = MicroServer.freshDirectory(name);
    try (Connection db = DriverManager.getConnection(POSTGRESQL + "test", "postgres", "");
        Statement sql = db.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      sql.execute("CREATE DATABASE " + database);
    }
    ExternalBroker broker = ExternalBroker.start(dir.resolve("broker"), dir.resolve("broker.log"));

    KeyPair keys = KeyPairGenerator.getInstance("RSA").genKeyPair();
    Path privateKey =
        writePem(dir.resolve("jwt-private.pem"), "PRIVATE KEY", keys.getPrivate().getEncoded());
    Path publicKey =
        writePem(dir.resolve("jwt-public.pem"), "PUBLIC KEY", keys.getPublic().getEncoded());
    byte[] sealing = new byte[32];
    SecureRandom random = new SecureRandom();
    random.nextBytes(sealing);
    String adminPassword = "first-admin-" + Long.toHexString(random.nextLong());

    Map<String, String> settings = new HashMap<>();
    settings.put("TIFLI_PROFILE", "production");
    settings.put("TIFLI_DB_URL", POSTGRESQL + database);
    settings.put("TIFLI_DB_USER", "postgres");
    settings.put("TIFLI_DB_PASSWORD", "unused-with-trust-authentication");
    settings.put("TIFLI_BROKER_URL", broker.url());
    settings.put("TIFLI_JWT_PRIVATE_KEY_FILE", privateKey.toString());
    settings.put("TIFLI_JWT_PUBLIC_KEY_FILE", publicKey.toString());
    settings.put("TIFLI_SECRETS_KEY", Base64.getEncoder().encodeToString(sealing));
    settings.put("TIFLI_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
    return new ProductionInstallation(dir, database, broker, Map.copyOf(settings), adminPassword);
  }

  /** The environment of an instance of this installation. */
  Map<String, String> settings() {
    return settings;
  }

  /** Where the {@code n}th instance keeps what it writes locally (its log's name follows it). */
  Path instanceDirectory(String name) {
    return dir.resolve(name);
  }

  String adminPassword() {
    return adminPassword;
  }

  /** A connection to the installation's database, as its database administrator. */
  Connection database() throws SQLException {
    return DriverManager.getConnection(POSTGRESQL + database, "postgres", "");
  }

  /** Stops the broker, as when its host goes away; the instances lose their connections. */
  void stopBroker() throws InterruptedException {
    broker.close();
  }

  /** Starts the broker again on the same port and journal. */
  void startBrokerAgain() throws IOException, InterruptedException {
    broker = broker.startAgain();
  }

  /**
   * Lets the instances' database take connections, or not: as if the database server went away, the
   * connections it holds are cut and new ones are refused.
   */
  void acceptConnections(boolean accept) throws SQLException {
    try (Connection db = DriverManager.getConnection(POSTGRESQL + "test", "postgres", "");
        Statement sql = db.createStatement()) {
      sql.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS " + accept);
      if (!accept) {
        sql.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + database
                + "'");
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    broker.close();
  }

  private static Path writePem(Path file, String type, byte[] der) throws IOException {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    Files.writeString(
        file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    return file;
  }
}
