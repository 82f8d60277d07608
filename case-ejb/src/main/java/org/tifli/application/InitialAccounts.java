package org.tifli.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tifli.domain.Actor;
import org.tifli.domain.RecordExistsException;
import org.tifli.domain.Role;
import org.tifli.domain.UserAccount;
import org.tifli.infrastructure.config.DeploymentProfile;

/**
 * The accounts an installation starts with.
 *
 * <p>The embedded default seeds three demonstration accounts, {@code officer}, {@code supervisor}
 * and {@code admin}, each with the password {@value #DEMO_PASSWORD}, and says so in the log. A
 * production installation seeds none of them; its first administrator, {@code admin}, is created
 * only when {@code tifli.bootstrap.admin-password} is configured (for instance through the
 * environment variable {@code TIFLI_BOOTSTRAP_ADMIN_PASSWORD}) and no such account exists yet.
 *
 * <p>Several instances on one database may start at the same moment and seed the same account: each
 * account is created in a transaction of its own, and one that another instance created in the
 * meantime counts as there.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class InitialAccounts {

  static final String DEMO_PASSWORD = "tifli-demo";
  private static final Logger LOG = Logger.getLogger(InitialAccounts.class.getName());
  private static final Map<String, Role> DEMO_ACCOUNTS =
      Map.of("officer", Role.OFFICER, "supervisor", Role.SUPERVISOR, "admin", Role.ADMIN);
  private static final Actor SEEDING = Actor.system("initial-accounts");

  @Inject DeploymentProfile profile;

  @Inject
  @ConfigProperty(name = "tifli.bootstrap.admin-password")
  Optional<String> bootstrapAdminPassword;

  @EJB Accounts accounts;

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void seed() {
    if (profile.isEmbedded()) {
      DEMO_ACCOUNTS.forEach((name, role) -> createIfAbsent(name, DEMO_PASSWORD, role));
      LOG.warning(
          "Embedded default: demo accounts officer, supervisor and admin are ready, with the demo"
              + " password of the README. Never use this profile in production.");
      return;
    }
    bootstrapAdminPassword.ifPresent(this::createFirstAdministrator);
  }

  private void createFirstAdministrator(String password) {
    if (password.length() < UserAccount.MINIMUM_PASSWORD_LENGTH) {
      throw new IllegalStateException(
          "tifli.bootstrap.admin-password must have at least "
              + UserAccount.MINIMUM_PASSWORD_LENGTH
              + " characters");
    }
    if (createIfAbsent("admin", password, Role.ADMIN)) {
      LOG.info("Created the first administrator account, admin");
    }
  }

  /** Whether this instance created the account (each call is a transaction of its own). */
  private boolean createIfAbsent(String username, String password, Role role) {
    try {
      return accounts.createIfAbsent(username, password.toCharArray(), Set.of(role), SEEDING);
    } catch (RecordExistsException createdMeanwhile) {
      LOG.fine(() -> "Account " + username + " was created by another instance meanwhile");
      return false;
    }
  }
}
