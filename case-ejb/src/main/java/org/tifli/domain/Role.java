package org.tifli.domain;

import java.util.Locale;

/**
 * What a user or a system may do. The lower-case name is the group in a token's {@code groups}
 * claim and the role name the container checks.
 */
public enum Role {
  OFFICER,
  SUPERVISOR,
  ADMIN,
  SYSTEM;

  /** The role name used in tokens and in {@code @RolesAllowed}. */
  public String groupName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
