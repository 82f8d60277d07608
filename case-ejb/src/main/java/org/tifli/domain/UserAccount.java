package org.tifli.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Someone, or some system, who signs in to Tifli, with the roles they hold.
 *
 * <p>The username identifies the account to people and never changes; the number identifies it to
 * the audit trail. Both are unique. A disabled account keeps its name and history but can no longer
 * sign in, and the tokens it was given stop working.
 */
@Entity
@Table(name = "user_account")
@NamedQuery(name = UserAccount.ALL, query = "SELECT a FROM UserAccount a ORDER BY a.username")
@NamedQuery(name = UserAccount.COUNT, query = "SELECT COUNT(a) FROM UserAccount a")
@NamedQuery(
    name = UserAccount.NAMED,
    query = "SELECT a FROM UserAccount a WHERE a.username = :username")
public class UserAccount {

  public static final String ALL = "UserAccount.all";
  public static final String NAMED = "UserAccount.named";
  public static final String COUNT = "UserAccount.count";
  public static final int USERNAME_LENGTH = 64;

  /** Lower-case letters, digits, dots, dashes and underscores, starting with a letter or digit. */
  public static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]*";

  /** The shortest password an account may have; long passphrases beat clever rules. */
  public static final int MINIMUM_PASSWORD_LENGTH = 12;

  public static final int MAXIMUM_PASSWORD_LENGTH = 200;

  @Id
  @SequenceGenerator(name = "account_id_seq", sequenceName = "account_id_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_id_seq")
  private Long id;

  @Column(name = "username", nullable = false, updatable = false, length = USERNAME_LENGTH)
  private String username;

  /** A salted, slow hash; see {@code PasswordHashes}. Never the password itself. */
  @Column(name = "password_hash", nullable = false, length = 200)
  private String passwordHash;

  @Column(name = "roles", nullable = false, length = 200)
  private String roles;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected UserAccount() {}

  public UserAccount(String username, String passwordHash, Set<Role> roles, Instant createdAt) {
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("an account holds at least one role");
    }
    this.username = Objects.requireNonNull(username);
    this.passwordHash = Objects.requireNonNull(passwordHash);
    this.roles = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    this.enabled = true;
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  /** The rule on new passwords, as a message for the caller, or null when the password is fine. */
  public static String passwordProblem(String username, char[] password) {
    if (password.length < MINIMUM_PASSWORD_LENGTH) {
      return "at least " + MINIMUM_PASSWORD_LENGTH + " characters";
    }
    if (password.length > MAXIMUM_PASSWORD_LENGTH) {
      return "at most " + MAXIMUM_PASSWORD_LENGTH + " characters";
    }
    if (new String(password).toLowerCase(Locale.ROOT).contains(username)) {
      return "must not contain the username";
    }
    return null;
  }

  /** Stops the account from signing in; see {@link #enabled()}. */
  public void disable() {
    if (!enabled) {
      throw new IllegalTransitionException("the account " + username + " is already disabled");
    }
    enabled = false;
  }

  public void enable() {
    if (enabled) {
      throw new IllegalTransitionException("the account " + username + " is already enabled");
    }
    enabled = true;
  }

  public Long id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Set<Role> roles() {
    Set<Role> set = EnumSet.noneOf(Role.class);
    Arrays.stream(roles.split(",")).filter(r -> !r.isEmpty()).map(Role::valueOf).forEach(set::add);
    return set;
  }

  public boolean enabled() {
    return enabled;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
