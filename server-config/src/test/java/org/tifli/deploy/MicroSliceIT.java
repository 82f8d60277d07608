package org.tifli.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.tifli.testing.FakeGraphApi;
import org.tifli.testing.SliceContract;

/**
 * The slice against the self-contained WAR on Payara Micro, started by the README's run command
 * with H2 on disk and the embedded broker, posting to a fake Graph API on loopback.
 */
class MicroSliceIT extends SliceContract {

  private static FakeGraphApi graph;
  private static MicroServer server;

  @BeforeAll
  static void start() throws Exception {
    graph = FakeGraphApi.start();
    server =
        MicroServer.start(
            MicroServer.freshDirectory("micro-slice-data"),
            "-Dtifli.platform.facebook.base-url=" + graph.baseUrl());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (graph != null) {
      graph.close();
    }
  }

  @Override
  protected String appUrl() {
    return server.appUrl();
  }

  @Override
  protected FakeGraphApi graph() {
    return graph;
  }
}
