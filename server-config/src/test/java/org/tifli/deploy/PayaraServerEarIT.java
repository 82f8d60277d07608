package org.tifli.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.tifli.testing.FakeGraphApi;
import org.tifli.testing.SliceContract;

/**
 * The slice against {@code tifli.ear} on Payara Server Full, deployed by the README's second
 * command ({@code server-config/bin/tifli-server}) with the embedded database and broker, posting
 * to a fake Graph API on loopback.
 *
 * <p>The domain is created afresh under the build directory, on a port base whose ports are free,
 * and stopped by the same script afterwards.
 */
class PayaraServerEarIT extends SliceContract {

  private static final Logger LOG = Logger.getLogger(PayaraServerEarIT.class.getName());

  /** The offsets from the port base that a Payara Server domain listens on. */
  private static final List<Integer> DOMAIN_PORTS = List.of(9, 37, 38, 39, 48, 66, 76, 80, 81, 86);

  private static FakeGraphApi graph;
  private static Path domains;
  private static int http;

  @BeforeAll
  static void deploy() throws Exception {
    graph = FakeGraphApi.start();
    Path dir = MicroServer.freshDirectory("server-ear-it");
    domains = dir.resolve("domains");
    int portbase = freePortBase();
    http = portbase + 80;
    int exit =
        script(
            dir.resolve("tifli-server.log"),
            Map.of(
                "TIFLI_DATA_DIR", dir.resolve("data").toString(),
                "TIFLI_PORTBASE", Integer.toString(portbase),
                "TIFLI_JAVA_OPTS", "-Dtifli.platform.facebook.base-url=" + graph.baseUrl()),
            "--no-build");
    if (exit != 0) {
      throw new IOException(
          "tifli-server failed (exit " + exit + "); see " + dir.resolve("tifli-server.log"));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (domains != null) {
      script(domains.resolveSibling("tifli-server-stop.log"), Map.of(), "stop");
    }
    if (graph != null) {
      graph.close();
    }
  }

  @Override
  protected String appUrl() {
    return "http://localhost:" + http + "/tifli";
  }

  @Override
  protected FakeGraphApi graph() {
    return graph;
  }

  private static int script(Path log, Map<String, String> settings, String... arguments)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of(MicroServer.serverConfig().resolve("bin/tifli-server").toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = builder.environment();
    env.put("TIFLI_DOMAIN_DIR", domains.toString());
    env.put("TIFLI_RUNTIME_DIR", System.getProperty("tifli.runtime.dir"));
    // The developer's shell may point Tifli elsewhere; this test runs the embedded default.
    env.keySet().removeIf(name -> name.startsWith("TIFLI_DB_") || name.startsWith("TIFLI_BROKER"));
    env.remove("TIFLI_PROFILE");
    env.putAll(settings);
    LOG.info(() -> "Running tifli-server " + String.join(" ", arguments) + ", log in " + log);
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IOException("tifli-server did not finish in 10 minutes; see " + log);
    }
    return process.exitValue();
  }

  /** A port base in the unprivileged range with every port a domain takes free. */
  private static int freePortBase() throws IOException {
    for (int candidate = 20000; candidate < 60000; candidate += 1000) {
      int base = candidate;
      if (DOMAIN_PORTS.stream().allMatch(offset -> isFree(base + offset))) {
        return base;
      }
    }
    throw new IOException("no free port base for a Payara Server domain");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
