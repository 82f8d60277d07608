package org.tifli.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit trail: who changed what, when, and from where.
 *
 * <p>Entries are only ever added. Every column is written once at insert and never updated; the
 * application offers no way to change or remove an entry, and a trigger in the database refuses it
 * too (on PostgreSQL and on the embedded H2). The changes are a JSON object of field names to their
 * {@code from} and {@code to} values; a secret appears only as the fact that it changed.
 */
@Entity
@Table(name = "audit_entry")
@NamedQuery(
    name = AuditEntry.OF_CASE,
    query = "SELECT e FROM AuditEntry e WHERE e.caseId = :caseId ORDER BY e.occurredAt, e.id")
@NamedQuery(
    name = AuditEntry.COUNT_OF_CASE,
    query = "SELECT COUNT(e) FROM AuditEntry e WHERE e.caseId = :caseId")
@NamedQuery(
    name = AuditEntry.OF_SUBJECT,
    query =
        "SELECT e FROM AuditEntry e WHERE e.subjectType = :type AND e.subjectId = :id"
            + " ORDER BY e.occurredAt, e.id")
@NamedQuery(
    name = AuditEntry.COUNT_OF_SUBJECT,
    query = "SELECT COUNT(e) FROM AuditEntry e WHERE e.subjectType = :type AND e.subjectId = :id")
public class AuditEntry {

  public static final String OF_CASE = "AuditEntry.ofCase";
  public static final String COUNT_OF_CASE = "AuditEntry.countOfCase";
  public static final String OF_SUBJECT = "AuditEntry.ofSubject";
  public static final String COUNT_OF_SUBJECT = "AuditEntry.countOfSubject";
  public static final int ACTION_LENGTH = 40;
  public static final int CHANGES_LENGTH = 16000;

  /** What an entry is about. */
  public enum Subject {
    CASE,
    ALERT,
    SIGHTING,
    CHANNEL,
    ACCOUNT,
    /** A message template; its id is the template's row. */
    TEMPLATE
  }

  @Id
  @SequenceGenerator(name = "audit_id_seq", sequenceName = "audit_id_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_id_seq")
  private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(name = "actor", nullable = false, updatable = false, length = Actor.NAME_LENGTH)
  private String actor;

  @Enumerated(EnumType.STRING)
  @Column(name = "actor_kind", nullable = false, updatable = false, length = 10)
  private Actor.Kind actorKind;

  @Column(name = "origin", nullable = false, updatable = false, length = Actor.ORIGIN_LENGTH)
  private String origin;

  @Enumerated(EnumType.STRING)
  @Column(name = "subject_type", nullable = false, updatable = false, length = 20)
  private Subject subjectType;

  @Column(name = "subject_id", nullable = false, updatable = false)
  private long subjectId;

  @Column(name = "case_id", updatable = false)
  private Long caseId;

  @Column(name = "action", nullable = false, updatable = false, length = ACTION_LENGTH)
  private String action;

  @Column(name = "changes", nullable = false, updatable = false, length = CHANGES_LENGTH)
  private String changes;

  protected AuditEntry() {}

  /**
   * @param caseId the case the subject belongs to, so that a case's timeline gathers its alerts and
   *     sightings; null for what belongs to no case (a channel, an account)
   * @param changes a JSON object, see {@link org.tifli.domain.AuditEntry}
   */
  public AuditEntry(
      Instant occurredAt,
      Actor actor,
      Subject subjectType,
      long subjectId,
      Long caseId,
      String action,
      String changes) {
    this.occurredAt = Objects.requireNonNull(occurredAt);
    this.actor = actor.name();
    this.actorKind = actor.kind();
    this.origin = actor.origin();
    this.subjectType = Objects.requireNonNull(subjectType);
    this.subjectId = subjectId;
    this.caseId = caseId;
    this.action = Objects.requireNonNull(action);
    this.changes = Objects.requireNonNull(changes);
  }

  public Long id() {
    return id;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public Actor actor() {
    return new Actor(actor, actorKind, origin);
  }

  public Subject subjectType() {
    return subjectType;
  }

  public long subjectId() {
    return subjectId;
  }

  public Long caseId() {
    return caseId;
  }

  public String action() {
    return action;
  }

  /** The JSON object of changed fields. */
  public String changes() {
    return changes;
  }
}
