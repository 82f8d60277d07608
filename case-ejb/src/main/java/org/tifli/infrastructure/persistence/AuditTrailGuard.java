package org.tifli.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * The H2 trigger that keeps the audit trail append-only, as a PL/pgSQL trigger does on PostgreSQL:
 * it refuses every update and delete of a row of {@code audit_entry}, whoever issues it, so the
 * statement and its transaction fail.
 *
 * <p>H2 creates it by name ({@code db/vendor/h2}). Payara loads H2 from its own class loader, which
 * does not see the application's classes; H2 then tries the calling thread's context class loader,
 * which, for the migration at deployment and for any statement the application issues, is the
 * application's. Should H2 ever fail to load this class, a statement that would fire it fails all
 * the same, so an update or a delete is refused in every case.
 *
 * <p>Like any trigger, it does not stop the database's owner from dropping it, nor H2's {@code
 * TRUNCATE}, which fires no trigger; the embedded database is a file only Tifli's process opens.
 */
public class AuditTrailGuard implements Trigger {

  /** SQL's "insufficient privilege": no one may change what the trail recorded. */
  private static final String REFUSED = "42501";

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException("the audit trail can only be appended to", REFUSED);
  }
}
