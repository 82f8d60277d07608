package org.tifli.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Optional;
import org.tifli.domain.CaseReferenceCounter;

/**
 * Hands out case references, sequential per year. The year's counter row is created on its own, in
 * a separate transaction, by the first case of the year, so that two first cases racing each other
 * both succeed; every other case finds it there.
 */
@Stateless
public class CaseReferenceCounters {

  @PersistenceContext private EntityManager em;

  /**
   * The next reference of the year, under a lock held until the caller's transaction ends; empty
   * while the year has no counter ({@link #ensureYear} makes it).
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public Optional<String> next(int year) {
    return Optional.ofNullable(
            em.find(CaseReferenceCounter.class, year, LockModeType.PESSIMISTIC_WRITE))
        .map(CaseReferenceCounter::next);
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
