package org.tifli.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.tifli.domain.Role;
import org.tifli.domain.UserAccount;
import org.tifli.infrastructure.security.PasswordHashes;

/** The people and systems who sign in, and the check of their credentials. */
@Stateless
public class Accounts {

  @PersistenceContext private EntityManager em;

  /** The enabled account whose password matches; empty for any wrong or unknown credential. */
  public Optional<UserAccount> authenticate(String username, char[] password) {
    if (username == null || username.isBlank() || password == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(UserAccount.class, username))
        .filter(UserAccount::enabled)
        .filter(account -> PasswordHashes.matches(password, account.passwordHash()));
  }

  /** Creates the account unless one of that name exists; returns whether it was created. */
  public boolean createIfAbsent(String username, char[] password, Set<Role> roles) {
    if (em.find(UserAccount.class, username) != null) {
      return false;
    }
    em.persist(new UserAccount(username, PasswordHashes.hash(password), roles, Instant.now()));
    return true;
  }
}
