package org.tifli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.tifli.testing.FakeGraphApi;

/**
 * Points the deployed application's Facebook publisher at a {@link FakeGraphApi} running in the
 * server's own JVM.
 *
 * <p>ServerSideIT runs inside Payara Micro, so the fake it inspects must live there too; and the
 * fake takes a free port only when it starts, after Micro was launched. The application reads
 * {@value #BASE_URL} through MicroProfile Config like any other setting; this source, registered as
 * a service of the test deployment, starts the fake on first use and answers with its URL. Its
 * ordinal is above the system properties' so that no stray {@code -D} can send test posts to the
 * real Graph API.
 */
public final class FakeGraphApiConfigSource implements ConfigSource {

  static final String BASE_URL = "tifli.platform.facebook.base-url";

  private static FakeGraphApi graph;

  /** The fake, started on first use and kept for the life of the server. */
  public static synchronized FakeGraphApi graph() {
    if (graph == null) {
      try {
        graph = FakeGraphApi.start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the fake Graph API", e);
      }
    }
    return graph;
  }

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(BASE_URL);
  }

  @Override
  public Map<String, String> getProperties() {
    return Map.of(BASE_URL, graph().baseUrl());
  }

  @Override
  public String getValue(String propertyName) {
    return BASE_URL.equals(propertyName) ? graph().baseUrl() : null;
  }

  @Override
  public String getName() {
    return "tifli-test-fake-graph-api";
  }

  @Override
  public int getOrdinal() {
    return 1000;
  }
}
