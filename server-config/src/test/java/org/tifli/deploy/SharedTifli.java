package org.tifli.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.tifli.testing.FakeGraphApi;
import org.tifli.testing.FakeTelegramApi;
import org.tifli.testing.FakeXApi;
import org.tifli.testing.TifliClient;

/**
 * One Tifli on Payara Micro, started by the run command on a fresh data directory, shared by every
 * HTTP system test of a test run; starting a server per test class would cost a minute each.
 *
 * <p>It runs the embedded default (H2, embedded broker, demo accounts) and posts to fakes of the
 * platforms on loopback: the Graph API (Facebook and Instagram), X and Telegram; tests that need a
 * partner webhook start a receiver of their own. Tests that share it must not depend on what others
 * stored: each works with the cases, alerts and channels it creates itself, in areas or pages it
 * names uniquely. A test that needs a server of its own (a restart, another profile) starts one
 * with {@link MicroServer}.
 *
 * <p>The server stops when the test JVM exits.
 */
public final class SharedTifli {

  private static SharedTifli instance;

  private final FakeGraphApi graph;
  private final FakeXApi x;
  private final FakeTelegramApi telegram;
  private final MicroServer server;
  private final Path dataDir;

  private SharedTifli(
      FakeGraphApi graph, FakeXApi x, FakeTelegramApi telegram, MicroServer server, Path dataDir) {
    this.graph = graph;
    this.x = x;
    this.telegram = telegram;
    this.server = server;
    this.dataDir = dataDir;
  }

  /** The shared server, started on first use. */
  public static synchronized SharedTifli get() {
    if (instance == null) {
      try {
        FakeGraphApi graph = FakeGraphApi.start();
        FakeXApi x = FakeXApi.start();
        FakeTelegramApi telegram = FakeTelegramApi.start();
        Path dataDir = MicroServer.freshDirectory("shared-tifli");
        MicroServer server =
            MicroServer.start(
                dataDir,
                String.join(
                    " ",
                    "-Dtifli.platform.facebook.base-url=" + graph.baseUrl(),
                    "-Dtifli.platform.instagram.base-url=" + graph.baseUrl(),
                    "-Dtifli.platform.x.base-url=" + x.baseUrl(),
                    "-Dtifli.platform.telegram.base-url=" + telegram.baseUrl(),
                    // Slow answers are part of the tests: they should not take ten seconds each.
                    "-Dtifli.platform.timeout=PT2S",
                    "-Dtifli.delivery.retry-base=PT0.5S"));
        instance = new SharedTifli(graph, x, telegram, server, dataDir);
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      server.close();
                      graph.close();
                      x.close();
                      telegram.close();
                    },
                    "stop-shared-tifli"));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the shared Tifli", e);
      }
    }
    return instance;
  }

  /** The application's base URL, such as {@code http://localhost:34567/tifli}. */
  public String appUrl() {
    return server.appUrl();
  }

  /** The embedded default's data directory: its database, broker journal and keys. */
  public Path dataDir() {
    return dataDir;
  }

  /** Facebook and Instagram, which share the Graph API. */
  public FakeGraphApi graph() {
    return graph;
  }

  public FakeXApi x() {
    return x;
  }

  public FakeTelegramApi telegram() {
    return telegram;
  }

  public TifliClient client() {
    return new TifliClient(appUrl());
  }

  /** What the server has logged since it started. */
  public String serverLog() {
    try {
      return server.logSinceStart();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the shared Tifli's log", e);
    }
  }
}
