package org.tifli.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import org.tifli.infrastructure.messaging.DeliveryQueue;

/**
 * One batch of {@link DeliveryRetries}, in a transaction of its own: the due deliveries leave the
 * schedule and their messages are sent, together or not at all.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryRetryBatch {

  @EJB DeliveryLedger ledger;

  @EJB DeliveryQueue queue;

  /** Hands back at most {@code max} due deliveries; returns how many. */
  public int handBack(int max) {
    List<Long> due = ledger.takeDueRetries(max);
    queue.enqueue(due);
    return due.size();
  }

  public int scheduleInterrupted() {
    return ledger.scheduleInterrupted();
  }
}
