package org.tifli.api;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request of the public comes from: what the rate limit counts and the audit trail
 * keeps.
 *
 * <p>It is the address of the connection, and a header the client writes (such as {@code
 * X-Forwarded-For}) is never believed by default, since anyone could then pose as anyone. Only when
 * the connection comes from a reverse proxy listed in {@code tifli.sightings.trusted-proxies}
 * (comma-separated addresses) is the client taken from that header: its last address that is not
 * one of those proxies, since each proxy appends the address it received from.
 */
@ApplicationScoped
public class ClientAddresses {

  private static final Logger LOG = Logger.getLogger(ClientAddresses.class.getName());
  private static final String FORWARDED_FOR = "X-Forwarded-For";

  @Inject
  @ConfigProperty(name = "tifli.sightings.trusted-proxies")
  Optional<String> trustedProxiesSetting;

  private Set<String> trustedProxies;

  @PostConstruct
  void read() {
    trustedProxies =
        Set.copyOf(
            Arrays.stream(trustedProxiesSetting.orElse("").split(","))
                .map(String::trim)
                .filter(a -> !a.isEmpty())
                .toList());
    if (!trustedProxies.isEmpty()) {
      LOG.info(
          () -> "Client addresses are taken from " + FORWARDED_FOR + " behind " + trustedProxies);
    }
  }

  /** The client's address. */
  public String of(HttpServletRequest request) {
    String peer = request.getRemoteAddr();
    String forwarded = request.getHeader(FORWARDED_FOR);
    if (!trustedProxies.contains(peer) || forwarded == null) {
      return peer;
    }
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
        return hop;
      }
    }
    return peer;
  }
}
