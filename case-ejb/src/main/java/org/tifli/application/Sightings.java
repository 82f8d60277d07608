package org.tifli.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.tifli.domain.Actor;
import org.tifli.domain.Alert;
import org.tifli.domain.AuditEntry.Subject;
import org.tifli.domain.IllegalTransitionException;
import org.tifli.domain.InvalidRequestException;
import org.tifli.domain.RecordNotFoundException;
import org.tifli.domain.Sighting;
import org.tifli.domain.SightingReport;
import org.tifli.domain.SightingStatus;
import org.tifli.geo.InvalidCoordinatesException;
import org.tifli.geo.Placement;

/**
 * Sightings: the public reports them from an active alert's page, officers read them and triage
 * each one as relevant or dismissed.
 *
 * <p>To the public, an alert that was never made public (still pending, or rejected) does not
 * exist: it is answered as an unknown alert, so the public API tells nobody that a request is
 * waiting. An alert that was public and has ended (resolved, cancelled, expired) refuses sightings
 * as a conflict.
 *
 * <p>The reporter's contact is kept for the police only: it is neither logged nor recorded in the
 * audit trail, which records only whether one was given.
 */
@Stateless
public class Sightings {

  private static final Logger LOG = Logger.getLogger(Sightings.class.getName());

  @PersistenceContext private EntityManager em;

  @EJB AlertWorkflow alerts;

  @EJB AuditTrail audit;

  @Inject AreaDirectory areas;

  private final Clock clock = Clock.systemUTC();

  /**
   * Takes a sighting from the public for an active alert, placed in its province and region.
   *
   * @throws RecordNotFoundException if no alert has the id, or it was never made public
   * @throws IllegalTransitionException if the alert has ended
   * @throws InvalidRequestException if the time is impossible or the point lies outside every area
   */
  public Sighting report(long alertId, SightingReport report, Actor reporter) {
    Alert alert =
        alerts
            .find(alertId)
            .filter(Alert::wasMadePublic)
            .orElseThrow(() -> new RecordNotFoundException("alert", alertId));
    Placement placement = place(report);
    Instant now = clock.instant();

    Sighting sighting =
        new Sighting(
            alert,
            report,
            placement.province().orElseThrow().code(),
            placement.region().orElseThrow().code(),
            reporter,
            now);
    em.persist(sighting);
    em.flush();
    audit.record(
        reporter,
        Subject.SIGHTING,
        sighting.id(),
        alert.missingChildCase().id(),
        "REPORTED",
        Changes.of("alert", alertId)
            .set("status", sighting.status())
            .set("seenAt", sighting.seenAt())
            .set("areas", String.join(",", sighting.areaCodes()))
            .set("contactGiven", sighting.contact() != null));

    LOG.info(() -> "Sighting " + sighting.id() + " received for alert " + alertId);
    return sighting;
  }

  /**
   * An officer's verdict on a sighting; a verdict already given can be changed. The audit trail
   * keeps the status before and after.
   */
  public Sighting triage(long sightingId, SightingStatus verdict, String note, Actor officer) {
    Sighting sighting = get(sightingId);
    SightingStatus before = sighting.status();
    String noteBefore = sighting.triageNote();

    sighting.triage(verdict, officer.name(), clock.instant(), note);
    Changes changes =
        before == sighting.status()
            ? Changes.of("status", sighting.status())
            : Changes.none().change("status", before, sighting.status());
    audit.record(
        officer,
        Subject.SIGHTING,
        sightingId,
        sighting.alert().missingChildCase().id(),
        "TRIAGED",
        changes.change("note", noteBefore, sighting.triageNote()));

    LOG.info(() -> "Sighting " + sightingId + " triaged " + before + " -> " + verdict);
    return sighting;
  }

  public Optional<Sighting> find(long sightingId) {
    return Optional.ofNullable(em.find(Sighting.class, sightingId));
  }

  public Sighting get(long sightingId) {
    return find(sightingId).orElseThrow(() -> new RecordNotFoundException("sighting", sightingId));
  }

  /** One page of an alert's sightings, the latest received first. */
  public List<Sighting> ofAlert(long alertId, int first, int max) {
    return em.createNamedQuery(Sighting.OF_ALERT, Sighting.class)
        .setParameter("alertId", alertId)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  public long countOfAlert(long alertId) {
    return em.createNamedQuery(Sighting.COUNT_OF_ALERT, Long.class)
        .setParameter("alertId", alertId)
        .getSingleResult();
  }

  /** One page of the sightings of all the case's alerts, the latest received first. */
  public List<Sighting> ofCase(long caseId, int first, int max) {
    return em.createNamedQuery(Sighting.OF_CASE, Sighting.class)
        .setParameter("caseId", caseId)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  public long countOfCase(long caseId) {
    return em.createNamedQuery(Sighting.COUNT_OF_CASE, Long.class)
        .setParameter("caseId", caseId)
        .getSingleResult();
  }

  /**
   * The sightings no officer has triaged yet, with their alerts and cases, those waiting longest
   * first; at most {@code max}.
   */
  public List<Sighting> awaitingTriage(int max) {
    return em.createNamedQuery(Sighting.WITH_STATUS, Sighting.class)
        .setParameter("status", SightingStatus.NEW)
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * One page of the sightings no officer has triaged yet, those waiting longest first; only those
   * of one case when it is given.
   */
  public List<Sighting> awaitingTriage(Optional<Long> caseId, int first, int max) {
    String jpql =
        "SELECT s FROM Sighting s JOIN FETCH s.alert a JOIN FETCH a.missingChildCase c"
            + " WHERE s.status = :status"
            + (caseId.isPresent() ? " AND c.id = :caseId" : "")
            + " ORDER BY s.receivedAt, s.id";
    TypedQuery<Sighting> query =
        em.createQuery(jpql, Sighting.class).setParameter("status", SightingStatus.NEW);
    caseId.ifPresent(id -> query.setParameter("caseId", id));
    return query.setFirstResult(first).setMaxResults(max).getResultList();
  }

  /** How many sightings wait for triage; only those of one case when it is given. */
  public long countAwaitingTriage(Optional<Long> caseId) {
    String jpql =
        "SELECT COUNT(s) FROM Sighting s WHERE s.status = :status"
            + (caseId.isPresent() ? " AND s.alert.missingChildCase.id = :caseId" : "");
    TypedQuery<Long> query =
        em.createQuery(jpql, Long.class).setParameter("status", SightingStatus.NEW);
    caseId.ifPresent(id -> query.setParameter("caseId", id));
    return query.getSingleResult();
  }

  public long countAwaitingTriage() {
    return em.createNamedQuery(Sighting.COUNT_WITH_STATUS, Long.class)
        .setParameter("status", SightingStatus.NEW)
        .getSingleResult();
  }

  private Placement place(SightingReport report) {
    Placement placement;
    try {
      placement = areas.locate(report.latitude(), report.longitude());
    } catch (InvalidCoordinatesException e) {
      throw new InvalidRequestException("latitude", e.getMessage());
    }
    if (placement.outsideEveryArea()) {
      throw new InvalidRequestException(
          "latitude", "the point lies outside every area this service covers");
    }
    return placement;
  }
}
