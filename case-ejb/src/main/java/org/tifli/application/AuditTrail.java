package org.tifli.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.tifli.domain.Actor;
import org.tifli.domain.AuditEntry;
import org.tifli.domain.AuditEntry.Subject;

/**
 * The audit trail of cases, alerts, sightings, channels and accounts. It can only be appended to.
 *
 * <p>A change is recorded in the transaction that makes it, so the change and its entry commit or
 * roll back together. A refusal worth keeping (someone approving their own alert) is recorded in a
 * transaction of its own, since the refused action rolls back.
 */
@Stateless
public class AuditTrail {

  @PersistenceContext private EntityManager em;

  private final Clock clock = Clock.systemUTC();

  /** Records a change, in the caller's transaction. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void record(
      Actor actor, Subject subject, long subjectId, Long caseId, String action, Changes changes) {
    em.persist(
        new AuditEntry(
            clock.instant(), actor, subject, subjectId, caseId, action, changes.toJson()));
  }

  /** Records an action that was refused; kept even though the caller's transaction rolls back. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordRefusal(
      Actor actor, Subject subject, long subjectId, Long caseId, String action, String why) {
    em.persist(
        new AuditEntry(
            clock.instant(),
            actor,
            subject,
            subjectId,
            caseId,
            action,
            Changes.of("refused", why).toJson()));
  }

  /** Everything recorded about a case, its alerts and its sightings, oldest first. */
  public List<AuditEntry> ofCase(long caseId) {
    return em.createNamedQuery(AuditEntry.OF_CASE, AuditEntry.class)
        .setParameter("caseId", caseId)
        .getResultList();
  }

  /** One page of a case's timeline, oldest first. */
  public List<AuditEntry> ofCase(long caseId, int first, int max) {
    return em.createNamedQuery(AuditEntry.OF_CASE, AuditEntry.class)
        .setParameter("caseId", caseId)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  public long countOfCase(long caseId) {
    return em.createNamedQuery(AuditEntry.COUNT_OF_CASE, Long.class)
        .setParameter("caseId", caseId)
        .getSingleResult();
  }

  /** Everything recorded about one subject, oldest first. */
  public List<AuditEntry> of(Subject subject, long subjectId) {
    return of(subject, subjectId, 0, Integer.MAX_VALUE);
  }

  /** One page of what is recorded about one subject, oldest first. */
  public List<AuditEntry> of(Subject subject, long subjectId, int first, int max) {
    return em.createNamedQuery(AuditEntry.OF_SUBJECT, AuditEntry.class)
        .setParameter("type", subject)
        .setParameter("id", subjectId)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  public long countOf(Subject subject, long subjectId) {
    return em.createNamedQuery(AuditEntry.COUNT_OF_SUBJECT, Long.class)
        .setParameter("type", subject)
        .setParameter("id", subjectId)
        .getSingleResult();
  }
}
