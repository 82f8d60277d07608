package org.tifli.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.tifli.domain.Actor;
import org.tifli.domain.AuditEntry;
import org.tifli.domain.AuditEntry.Subject;
import org.tifli.domain.ForbiddenActionException;
import org.tifli.domain.InvalidRequestException;
import org.tifli.domain.RecordExistsException;
import org.tifli.domain.RecordNotFoundException;
import org.tifli.domain.Role;
import org.tifli.domain.UserAccount;
import org.tifli.infrastructure.security.PasswordHashes;

/**
 * The people and systems who sign in: the check of their credentials, and the accounts an
 * administrator creates, disables and enables again.
 *
 * <p>Passwords are kept only as slow salted hashes and are never given back. Every change of an
 * account is in the audit trail. An administrator cannot disable their own account, so an
 * installation cannot lose its last administrator by a slip.
 */
@Stateless
public class Accounts {

  private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

  @PersistenceContext private EntityManager em;

  @EJB AuditTrail audit;

  private final Clock clock = Clock.systemUTC();

  /** The enabled account whose password matches; empty for any wrong or unknown credential. */
  public Optional<UserAccount> authenticate(String username, char[] password) {
    if (username == null || username.isBlank() || password == null) {
      return Optional.empty();
    }
    return find(username)
        .filter(UserAccount::enabled)
        .filter(account -> PasswordHashes.matches(password, account.passwordHash()));
  }

  /** Whether the account exists and may sign in; asked of every token this installation issued. */
  public boolean isEnabled(String username) {
    return find(username).map(UserAccount::enabled).orElse(false);
  }

  /** A new account; the password must follow {@link UserAccount#passwordProblem}. */
  public UserAccount create(String username, char[] password, Set<Role> roles, Actor admin) {
    if (username == null
        || username.length() > UserAccount.USERNAME_LENGTH
        || !username.matches(UserAccount.USERNAME_PATTERN)) {
      throw new InvalidRequestException("username", "lower-case letters, digits, . _ and -");
    }
    String problem = UserAccount.passwordProblem(username, password);
    if (problem != null) {
      throw new InvalidRequestException("password", problem);
    }
    if (roles.isEmpty()) {
      throw new InvalidRequestException("roles", "at least one role");
    }
    if (find(username).isPresent()) {
      throw new RecordExistsException("an account named " + username + " exists");
    }

    UserAccount account = add(username, password, roles, admin);

    LOG.info(() -> "Account " + username + " created by " + admin.name());
    return account;
  }

  /**
   * Creates the account unless one of that name exists; returns whether it was created. For the
   * accounts an installation starts with, whose passwords follow the installation's own rules.
   */
  public boolean createIfAbsent(String username, char[] password, Set<Role> roles, Actor actor) {
    if (find(username).isPresent()) {
      return false;
    }
    add(username, password, roles, actor);
    return true;
  }

  /** Stops the account from signing in; its tokens stop working at their next use. */
  public UserAccount disable(String username, String reason, Actor admin) {
    UserAccount account = get(username);
    if (account.username().equals(admin.name())) {
      throw new ForbiddenActionException("an administrator cannot disable their own account");
    }

    account.disable();
    Changes changes = Changes.none().change("enabled", true, false);
    if (reason != null && !reason.isBlank()) {
      changes.set("reason", reason.trim());
    }
    audit.record(admin, Subject.ACCOUNT, account.id(), null, "DISABLED", changes);

    LOG.info(() -> "Account " + username + " disabled by " + admin.name());
    return account;
  }

  public UserAccount enable(String username, Actor admin) {
    UserAccount account = get(username);

    account.enable();
    audit.record(
        admin,
        Subject.ACCOUNT,
        account.id(),
        null,
        "ENABLED",
        Changes.none().change("enabled", false, true));

    LOG.info(() -> "Account " + username + " enabled by " + admin.name());
    return account;
  }

  public Optional<UserAccount> find(String username) {
    return em.createNamedQuery(UserAccount.NAMED, UserAccount.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  public UserAccount get(String username) {
    return find(username).orElseThrow(() -> new RecordNotFoundException("account", username));
  }

  /** Everything recorded about the account, oldest first. */
  public List<AuditEntry> history(String username) {
    return audit.of(Subject.ACCOUNT, get(username).id());
  }

  /** Every account, by username. */
  public List<UserAccount> list() {
    return list(0, Integer.MAX_VALUE);
  }

  /** One page of the accounts, by username. */
  public List<UserAccount> list(int first, int max) {
    return em.createNamedQuery(UserAccount.ALL, UserAccount.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  public long count() {
    return em.createNamedQuery(UserAccount.COUNT, Long.class).getSingleResult();
  }

  /** One page of what is recorded about the account, oldest first. */
  public List<AuditEntry> history(String username, int first, int max) {
    return audit.of(Subject.ACCOUNT, get(username).id(), first, max);
  }

  public long historySize(String username) {
    return audit.countOf(Subject.ACCOUNT, get(username).id());
  }

  private UserAccount add(String username, char[] password, Set<Role> roles, Actor actor) {
    UserAccount account =
        new UserAccount(username, PasswordHashes.hash(password), roles, clock.instant());
    em.persist(account);
    try {
      em.flush();
    } catch (PersistenceException e) {
      // Every column was checked before; what remains is the same name created at the same moment.
      throw new RecordExistsException("an account named " + username + " exists");
    }
    audit.record(
        actor,
        Subject.ACCOUNT,
        account.id(),
        null,
        "CREATED",
        Changes.of("username", username).set("roles", groups(roles)).secret("password"));
    return account;
  }

  private static String groups(Set<Role> roles) {
    return roles.stream().map(Role::groupName).sorted().collect(Collectors.joining(","));
  }
}
