package org.tifli.publicpage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This installation's settings for what the public sees: {@code tifli.map.tile-url}, the tile
 * server of the maps (none by default: the shapes draw on a plain background), {@code
 * tifli.time-zone}, in which times are shown, and {@code tifli.public-url}, the address the public
 * reaches, which link previews name.
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
  @Inject
  @ConfigProperty(name = "tifli.public-url", defaultValue = "http://localhost:8080/tifli")
  String publicUrl;

  /**
   * The public address of Tifli, such as {@code https://tifli.example/tifli}, without end slash.
   */
  public String publicUrl() {
    return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  public String tileUrl() {
    return tileUrl.orElse("");
  }

  public ZoneId timeZone() {
    return ZoneId.of(timeZone);
  }
}
