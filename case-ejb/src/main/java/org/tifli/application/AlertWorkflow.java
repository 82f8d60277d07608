package org.tifli.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.tifli.domain.ActivationCriteria;
import org.tifli.domain.Actor;
import org.tifli.domain.Alert;
import org.tifli.domain.AlertStatus;
import org.tifli.domain.AuditEntry.Subject;
import org.tifli.domain.Channel;
import org.tifli.domain.Delivery;
import org.tifli.domain.ForbiddenActionException;
import org.tifli.domain.IllegalTransitionException;
import org.tifli.domain.InvalidRequestException;
import org.tifli.domain.MissingChildCase;
import org.tifli.domain.RecordNotFoundException;
import org.tifli.infrastructure.messaging.DeliveryQueue;

/**
 * An alert from request to publication: an officer asks, a different supervisor approves or
 * rejects, and approval turns the alert into one delivery per channel of the areas it reaches, each
 * queued for the publisher in the same transaction.
 */
@Stateless
public class AlertWorkflow {

  private static final Logger LOG = Logger.getLogger(AlertWorkflow.class.getName());

  @PersistenceContext private EntityManager em;

  @EJB CaseIntake cases;

  @EJB DeliveryQueue deliveryQueue;

  @EJB AuditTrail audit;

  private final Clock clock = Clock.systemUTC();

  /** An officer's request for an alert; a failed criterion needs a written justification. */
  public Alert request(
      long caseId,
      ActivationCriteria criteria,
      String justification,
      boolean exercise,
      Actor officer) {
    MissingChildCase missingChildCase = cases.get(caseId);
    if (!missingChildCase.isOpen()) {
      throw new IllegalTransitionException("case " + caseId + " is " + missingChildCase.status());
    }
    if (!criteria.allMet() && (justification == null || justification.isBlank())) {
      throw new InvalidRequestException(
          "justification", "a criterion is not met: say why the alert is still needed");
    }

    Alert alert =
        new Alert(
            missingChildCase, criteria, justification, exercise, officer.name(), clock.instant());
    em.persist(alert);
    em.flush();
    audit.record(
        officer,
        Subject.ALERT,
        alert.id(),
        caseId,
        "REQUESTED",
        Changes.of("status", alert.status())
            .set("criteria", criteria)
            .set("justification", justification)
            .set("exercise", exercise));

    LOG.info(() -> "Alert " + alert.id() + " requested for case " + missingChildCase.reference());
    return alert;
  }

  /**
   * Approves the alert and queues its first deliveries: one per channel serving the case's province
   * or region. Exercise alerts go only to channels that take exercises.
   */
  public Alert approve(long alertId, Actor supervisor) {
    Alert alert = get(alertId);
    refuseSelfDecision(alert, supervisor, "APPROVE_REFUSED");
    List<String> areas = alert.missingChildCase().areaCodes();
    Instant now = clock.instant();

    alert.approve(supervisor.name(), now, areas);
    List<Channel> channels =
        areas.isEmpty()
            ? List.of()
            : em.createNamedQuery(Channel.IN_AREAS, Channel.class)
                .setParameter("areas", areas)
                .getResultList();
    List<Delivery> deliveries =
        channels.stream()
            .filter(channel -> !alert.exercise() || channel.exercise())
            .map(channel -> new Delivery(alert, channel, 0, now))
            .toList();
    deliveries.forEach(em::persist);
    em.flush();
    audit.record(
        supervisor,
        Subject.ALERT,
        alertId,
        alert.missingChildCase().id(),
        "APPROVED",
        Changes.none()
            .change("status", AlertStatus.PENDING_APPROVAL, alert.status())
            .set("areas", String.join(",", areas))
            .set("deliveries", deliveries.size()));

    deliveryQueue.enqueue(deliveries.stream().map(Delivery::id).toList());
    LOG.info(() -> "Alert " + alertId + " approved; " + deliveries.size() + " deliveries queued");
    return alert;
  }

  public Alert reject(long alertId, Actor supervisor, String reason) {
    Alert alert = get(alertId);
    refuseSelfDecision(alert, supervisor, "REJECT_REFUSED");

    alert.reject(supervisor.name(), clock.instant(), reason);
    audit.record(
        supervisor,
        Subject.ALERT,
        alertId,
        alert.missingChildCase().id(),
        "REJECTED",
        Changes.none()
            .change("status", AlertStatus.PENDING_APPROVAL, alert.status())
            .set("reason", reason));

    LOG.info(() -> "Alert " + alertId + " rejected");
    return alert;
  }

  /** Four eyes: the refusal is kept in the audit trail, then the caller gets a 403. */
  private void refuseSelfDecision(Alert alert, Actor supervisor, String action) {
    if (alert.requestedBy().equals(supervisor.name())) {
      audit.recordRefusal(
          supervisor,
          Subject.ALERT,
          alert.id(),
          alert.missingChildCase().id(),
          action,
          "the requester cannot decide their own alert");
      throw new ForbiddenActionException("an alert cannot be decided by the one who requested it");
    }
  }

  public Optional<Alert> find(long alertId) {
    return Optional.ofNullable(em.find(Alert.class, alertId));
  }

  public Alert get(long alertId) {
    return find(alertId).orElseThrow(() -> new RecordNotFoundException("alert", alertId));
  }

  /** The delivery ledger of an alert. */
  public List<Delivery> deliveries(long alertId) {
    return em.createNamedQuery(Delivery.OF_ALERT, Delivery.class)
        .setParameter("alert", get(alertId))
        .getResultList();
  }
}
