package org.tifli.api;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.OptionalLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits how many sightings one client sends: a burst, then a steady rate; a request over the limit
 * is answered {@code 429} with {@code Retry-After} and never reaches the application. Every request
 * counts, well formed or not, so that a flood of garbage is limited too.
 *
 * <ul>
 *   <li>{@code tifli.sightings.rate-limit}: requests a minute per client address, default 10;
 *   <li>{@code tifli.sightings.rate-burst}: how many a client may send at once, default 20;
 *   <li>{@code tifli.sightings.rate-clients}: the most clients remembered, default 100000.
 * </ul>
 *
 * Clients are told apart by {@link ClientAddresses}. Each server instance keeps its own count (see
 * {@link ClientRateLimit}).
 */
@Provider
@RateLimited
@Priority(Priorities.AUTHORIZATION)
@ApplicationScoped
public class SightingRateLimit implements ContainerRequestFilter {

  private static final Logger LOG = Logger.getLogger(SightingRateLimit.class.getName());

  @Inject
  @ConfigProperty(name = "tifli.sightings.rate-limit", defaultValue = "10")
  int perMinute;

  @Inject
  @ConfigProperty(name = "tifli.sightings.rate-burst", defaultValue = "20")
  int burst;

  @Inject
  @ConfigProperty(name = "tifli.sightings.rate-clients", defaultValue = "100000")
  int maxClients;

  @Inject ClientAddresses addresses;

  @Inject HttpServletRequest request;

  private ClientRateLimit limit;

  @PostConstruct
  void read() {
    limit = new ClientRateLimit(burst, perMinute, maxClients, System::nanoTime);
    LOG.info(
        () ->
            "Sightings limited to a burst of "
                + burst
                + ", then "
                + perMinute
                + " a minute, per client address");
  }

  /**
   * Counts a sighting sent some other way (the public page's form) against the same limit.
   *
   * @return empty when it may go ahead, otherwise the seconds to wait
   */
  public OptionalLong refusal(HttpServletRequest from) {
    ClientRateLimit.Verdict verdict = limit.acquire(addresses.of(from));
    return verdict.allowed() ? OptionalLong.empty() : OptionalLong.of(verdict.retryAfterSeconds());
  }

  @Override
  public void filter(ContainerRequestContext context) {
    ClientRateLimit.Verdict verdict = limit.acquire(addresses.of(request));
    if (!verdict.allowed()) {
      long seconds = verdict.retryAfterSeconds();
      context.abortWith(
          Response.fromResponse(
                  Problem.response(
                      429,
                      "Too Many Requests",
                      "too many sightings from your address: try again in " + seconds + " s",
                      List.of()))
              .header("Retry-After", seconds)
              .build());
    }
  }
}
