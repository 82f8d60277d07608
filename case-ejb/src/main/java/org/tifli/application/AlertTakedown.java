package org.tifli.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.tifli.domain.Actor;
import org.tifli.domain.Alert;
import org.tifli.domain.AuditEntry.Subject;
import org.tifli.domain.Delivery;
import org.tifli.domain.DeliveryPurpose;
import org.tifli.domain.DeliveryStatus;
import org.tifli.infrastructure.messaging.DeliveryQueue;

/**
 * Takes an ended alert off the channels that carried it, in the transaction that ends it: on each
 * such channel a short closing message, then every earlier post of the child taken down (deleted,
 * or edited to the closing text where the platform cannot delete). Posts still waiting for their
 * turn are withdrawn when it comes; a post whose channel needs fixing is listed for a person. A
 * retired channel gets no closing message, but the posts it carries still come down: the child's
 * details must not stay public.
 */
@Stateless
public class AlertTakedown {

  private static final Logger LOG = Logger.getLogger(AlertTakedown.class.getName());

  @PersistenceContext private EntityManager em;

  @EJB DeliveryQueue queue;

  @EJB AuditTrail audit;

  private final Clock clock = Clock.systemUTC();

  /** Queues the closing messages and the retractions of an alert that has just ended. */
  public void begin(Alert ended, Actor actor) {
    List<Delivery> ledger =
        em.createNamedQuery(Delivery.OF_ALERT, Delivery.class)
            .setParameter("alert", ended)
            .getResultList();
    List<Delivery> posts =
        ledger.stream()
            .filter(d -> d.purpose().showsTheChild())
            .filter(d -> d.status() == DeliveryStatus.SENT || d.status() == DeliveryStatus.QUEUED)
            .toList();
    Map<Long, Delivery> carriedBy = new LinkedHashMap<>();
    for (Delivery post : posts) {
      if (post.purpose() == DeliveryPurpose.ALERT && !post.channel().isRetired()) {
        carriedBy.put(post.channel().id(), post);
      }
    }
    Instant now = clock.instant();

    List<Delivery> takedown = new ArrayList<>();
    carriedBy.values().forEach(alertPost -> takedown.add(Delivery.closing(alertPost, now)));
    posts.forEach(post -> takedown.add(Delivery.retraction(post, now)));
    takedown.forEach(em::persist);
    em.flush();
    audit.record(
        actor,
        Subject.ALERT,
        ended.id(),
        ended.missingChildCase().id(),
        "TAKEDOWN_QUEUED",
        Changes.of("closingMessages", carriedBy.size()).set("retractions", posts.size()));

    queue.enqueue(takedown.stream().map(Delivery::id).toList());
    LOG.info(
        () ->
            "Alert "
                + ended.id()
                + ": "
                + carriedBy.size()
                + " closing messages and "
                + posts.size()
                + " retractions queued");
  }
}
