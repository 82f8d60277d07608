package org.tifli.deploy;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Tifli on Payara Micro, started for a test exactly as the README's run command starts it ({@code
 * server-config/bin/tifli-micro}), on a free port and a fresh data directory.
 */
final class MicroServer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(MicroServer.class.getName());

  /** Far above the usual start (10 to 30 s): a busy machine with two cores can take minutes. */
  private static final Duration START_LIMIT = Duration.ofMinutes(6);

  private final Process process;
  private final int port;
  private final Path log;

  /** Where this start's output begins in the log, which earlier starts may have written to. */
  private final long logStart;

  private MicroServer(Process process, int port, Path log, long logStart) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.logStart = logStart;
  }

  /**
   * Starts the packaged WAR and waits until it is ready.
   *
   * @param dataDir the data directory; kept between starts, so a restart sees the same data
   * @param javaOptions extra JVM options, such as the fake platforms' base URLs
   */
  static MicroServer start(Path dataDir, String javaOptions) throws IOException {
    return start(dataDir, javaOptions, Map.of());
  }

  /** Starts with more settings in the environment, as an installation would give them. */
  static MicroServer start(Path dataDir, String javaOptions, Map<String, String> settings)
      throws IOException {
    int port = freePort();
    Path log = build().resolve("micro-" + dataDir.getFileName() + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(serverConfig().resolve("bin/tifli-micro").toString(), "--no-build")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = builder.environment();
    env.put("TIFLI_DATA_DIR", dataDir.toString());
    env.put("TIFLI_PORT", Integer.toString(port));
    env.put("TIFLI_RUNTIME_DIR", System.getProperty("tifli.runtime.dir"));
    env.put("TIFLI_JAVA_OPTS", javaOptions);
    env.putAll(settings);
    LOG.info(() -> "Starting Payara Micro on port " + port + ", log in " + log);
    long logStart = Files.exists(log) ? Files.size(log) : 0;
    MicroServer server = new MicroServer(builder.start(), port, log, logStart);
    server.awaitReady();
    return server;
  }

  String appUrl() {
    return "http://localhost:" + port + "/tifli";
  }

  /** MicroProfile Health's readiness: 200 when the database and the broker answer, else 503. */
  URI readinessUrl() {
    return URI.create("http://localhost:" + port + "/health/ready");
  }

  private void awaitReady() throws IOException {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready =
        HttpRequest.newBuilder(readinessUrl()).timeout(Duration.ofSeconds(30)).build();
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        HttpResponse<String> answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
        // Both checks must be there: an empty list is "up" before the application is deployed.
        if (answer.statusCode() == 200
            && answer.body().contains("\"database\"")
            && answer.body().contains("\"broker\"")) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      if (deploymentFailed()) {
        break;
      }
      sleep(Duration.ofSeconds(1));
    }
    close();
    throw new IOException("Payara Micro did not become ready; see " + log);
  }

  /** Payara says so when the application cannot deploy; waiting longer would change nothing. */
  private boolean deploymentFailed() throws IOException {
    return logSinceStart().contains("Exception while loading the app");
  }

  /** What the server has written to its log since this start. */
  String logSinceStart() throws IOException {
    if (!Files.exists(log) || Files.size(log) <= logStart) {
      return "";
    }
    try (var channel = Files.newByteChannel(log)) {
      channel.position(logStart);
      return new String(Channels.newInputStream(channel).readAllBytes(), UTF_8);
    }
  }

  /** Kills the server outright, as a power cut or {@code kill -9} would: nothing is shut down. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the server the way Ctrl-C would. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static Path build() {
    return Path.of(System.getProperty("tifli.build.dir", "target"));
  }

  static Path serverConfig() {
    return Path.of(System.getProperty("tifli.server-config.dir", "."));
  }

  static Path freshDirectory(String name) throws IOException {
    Path dir = build().resolve(name);
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return Files.createDirectories(dir);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
