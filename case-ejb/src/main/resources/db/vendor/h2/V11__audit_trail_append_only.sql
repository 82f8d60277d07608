-- H2 only: the audit trail refuses updates and deletes, whoever asks, as the trigger of
-- db/vendor/postgresql does on PostgreSQL. The trigger's class is the application's own
-- (org.tifli.infrastructure.persistence.AuditTrailGuard, which says how H2 finds it).

CREATE TRIGGER audit_entry_append_only
  BEFORE UPDATE, DELETE ON audit_entry
  FOR EACH ROW CALL 'org.tifli.infrastructure.persistence.AuditTrailGuard';
