package org.tifli.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.tifli.domain.CaseReferenceCounter;

/**
 * Hands out case references, sequential per year. The year's counter row is created on its own, in
 * a separate transaction, so that two first cases of a year racing each other both succeed.
 */
@Stateless
public class CaseReferenceCounters {

  @PersistenceContext private EntityManager em;

  /** The next reference of the year, under a lock held until the caller's transaction ends. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public String next(int year) {
    CaseReferenceCounter counter =
        em.find(CaseReferenceCounter.class, year, LockModeType.PESSIMISTIC_WRITE);
    return counter.next();
  }

  /** Makes sure the year has a counter; a concurrent creation by another request is fine. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void ensureYear(int year) {
    if (em.find(CaseReferenceCounter.class, year) != null) {
      return;
    }
    try {
      em.persist(new CaseReferenceCounter(year));
      em.flush();
    } catch (PersistenceException raced) {
      // Another server or request created it first: that row serves as well.
    }
  }
}
