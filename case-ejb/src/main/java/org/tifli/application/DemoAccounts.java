package org.tifli.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.tifli.domain.Role;
import org.tifli.infrastructure.config.DeploymentProfile;

/**
 * Seeds the three demonstration accounts of the embedded default, {@code officer}, {@code
 * supervisor} and {@code admin}, each with the password {@value #PASSWORD}, and says so. A
 * production installation seeds nothing.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DemoAccounts {

  static final String PASSWORD = "tifli-demo";
  private static final Logger LOG = Logger.getLogger(DemoAccounts.class.getName());
  private static final Map<String, Role> ACCOUNTS =
      Map.of("officer", Role.OFFICER, "supervisor", Role.SUPERVISOR, "admin", Role.ADMIN);

  @Inject DeploymentProfile profile;

  @EJB Accounts accounts;

  @PostConstruct
  void seed() {
    if (!profile.isEmbedded()) {
      return;
    }
    ACCOUNTS.forEach(
        (name, role) -> accounts.createIfAbsent(name, PASSWORD.toCharArray(), Set.of(role)));
    LOG.warning(
        "Embedded default: demo accounts officer, supervisor and admin are ready, with the demo"
            + " password of the README. Never use this profile in production.");
  }
}
