package org.tifli.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which kind of installation this is. The embedded default ({@code tifli.profile=embedded}) is for
 * trying Tifli and for tests: it seeds demo accounts and makes its own keys in the data directory.
 * Anything else is production, which seeds nothing and refuses to start without configured keys.
 * Production is what an unset profile means, so that a forgotten setting fails safe.
 */
@ApplicationScoped
public class DeploymentProfile {

  @Inject
  @ConfigProperty(name = "tifli.profile", defaultValue = "production")
  String profile;

  @Inject
  @ConfigProperty(name = "tifli.data-dir")
  Optional<String> dataDir;

  public boolean isEmbedded() {
    return "embedded".equals(profile.trim().toLowerCase(Locale.ROOT));
  }

  /** The folder where the embedded default keeps its database, broker journal and keys. */
  public Path dataDirectory() {
    return Path.of(
        dataDir.orElseThrow(() -> new IllegalStateException("tifli.data-dir is not configured")));
  }
}
