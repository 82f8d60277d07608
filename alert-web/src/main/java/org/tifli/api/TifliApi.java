package org.tifli.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The JSON API under {@code /api/v1}, for police systems and scripts. Callers authenticate with a
 * bearer token from {@code POST /api/v1/tokens}; every error is {@code application/problem+json}.
 *
 * <p>Resources and providers are found by scanning; the one addition is Jersey's multipart support,
 * which photo uploads ({@code multipart/form-data}) need and which Payara does not enable by
 * itself.
 */
@ApplicationPath("api/v1")
public class TifliApi extends Application {

  @Override
  public Map<String, Object> getProperties() {
    return Map.of(
        "jersey.config.server.provider.classnames",
        "org.glassfish.jersey.media.multipart.MultiPartFeature");
  }
}
