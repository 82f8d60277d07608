package org.tifli.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.tifli.domain.Actor;
import org.tifli.domain.Alert;
import org.tifli.domain.AlertStatus;
import org.tifli.domain.AuditEntry.Subject;
import org.tifli.domain.CapMessage;
import org.tifli.domain.Delivery;
import org.tifli.domain.DeliveryPurpose;
import org.tifli.domain.DeliveryStatus;
import org.tifli.domain.MissingChildCase;
import org.tifli.infrastructure.messaging.DeliveryQueue;

/**
 * Posts an update of a case's active alerts when what they show changes (a new publication photo, a
 * revised description): one update delivery per channel that already carries the alert, queued in
 * the transaction of the change. Channels that a later stage reaches get the new details in the
 * alert's own post, and channels whose post failed for good get nothing until someone fixes them. A
 * retired channel gets no update.
 */
@Stateless
public class AlertUpdates {

  private static final Logger LOG = Logger.getLogger(AlertUpdates.class.getName());

  @PersistenceContext private EntityManager em;

  @EJB DeliveryQueue deliveryQueue;

  @EJB AuditTrail audit;

  @EJB CapMessages cap;

  private final Clock clock = Clock.systemUTC();

  /**
   * Queues an update of every active alert of the case.
   *
   * @param what what changed, in a word or two, for the audit trail
   * @return the number of update deliveries queued
   */
  public int postUpdate(MissingChildCase changed, String what, Actor actor) {
    List<Alert> active =
        em.createNamedQuery(Alert.OF_CASE, Alert.class)
            .setParameter("caseId", changed.id())
            .getResultStream()
            .filter(a -> a.status() == AlertStatus.ACTIVE)
            .toList();
    int queued = 0;
    for (Alert alert : active) {
      queued += update(alert, what, actor);
    }
    return queued;
  }

  private int update(Alert alert, String what, Actor actor) {
    List<Delivery> carried =
        em.createNamedQuery(Delivery.OF_ALERT, Delivery.class)
            .setParameter("alert", alert)
            .getResultStream()
            .filter(d -> d.purpose() == DeliveryPurpose.ALERT)
            .filter(d -> d.status() == DeliveryStatus.QUEUED || d.status() == DeliveryStatus.SENT)
            .filter(d -> !d.channel().isRetired())
            .toList();
    Instant now = clock.instant();

    int number = alert.nextUpdate();
    List<Delivery> updates = carried.stream().map(d -> Delivery.update(d, number, now)).toList();
    updates.forEach(em::persist);
    em.flush();
    cap.issue(alert, CapMessage.Type.UPDATE);
    audit.record(
        actor,
        Subject.ALERT,
        alert.id(),
        alert.missingChildCase().id(),
        "UPDATE_QUEUED",
        Changes.of("update", number).set("what", what).set("deliveries", updates.size()));

    deliveryQueue.enqueue(updates.stream().map(Delivery::id).toList());
    LOG.info(
        () -> "Alert " + alert.id() + " update " + number + ": " + updates.size() + " deliveries");
    return updates.size();
  }
}
