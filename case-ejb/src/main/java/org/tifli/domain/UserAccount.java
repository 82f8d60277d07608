package org.tifli.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Someone, or some system, who signs in to Tifli, with the roles they hold. */
@Entity
@Table(name = "user_account")
public class UserAccount {

  public static final int USERNAME_LENGTH = 64;

  @Id
  @Column(name = "username", length = USERNAME_LENGTH)
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
    this.username = Objects.requireNonNull(username);
    this.passwordHash = Objects.requireNonNull(passwordHash);
    this.roles = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    this.enabled = true;
    this.createdAt = Objects.requireNonNull(createdAt);
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
}
