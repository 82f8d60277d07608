package org.tifli.publicpage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This installation's settings for what the public sees: {@code tifli.map.tile-url}, the tile
 * server of the maps (none by default: the shapes draw on a plain background), and {@code
 * tifli.time-zone}, in which times are shown.
 */
@ApplicationScoped
public class PublicPageSettings {

  @Inject
  @ConfigProperty(name = "tifli.map.tile-url")
  Optional<String> tileUrl;

  @Inject
  @ConfigProperty(name = "tifli.time-zone", defaultValue = "Africa/Casablanca")
  String timeZone;

  /** A URL template such as {@code https://tiles.example/{z}/{x}/{y}.png}, or empty. */
  public String tileUrl() {
    return tileUrl.orElse("");
  }

  public ZoneId timeZone() {
    return ZoneId.of(timeZone);
  }
}
