package org.tifli.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.tifli.domain.Actor;
import org.tifli.domain.AuditEntry.Subject;
import org.tifli.domain.CaseDetails;
import org.tifli.domain.CaseStatus;
import org.tifli.domain.InvalidRequestException;
import org.tifli.domain.LastSeen;
import org.tifli.domain.LikelyPlace;
import org.tifli.domain.MissingChildCase;
import org.tifli.domain.RecordNotFoundException;
import org.tifli.geo.AdministrativeArea;
import org.tifli.geo.InvalidCoordinatesException;
import org.tifli.geo.Placement;

/** Opening cases and reading them back. */
@Stateless
public class CaseIntake {

  private static final Logger LOG = Logger.getLogger(CaseIntake.class.getName());

  @PersistenceContext private EntityManager em;

  @Inject AreaDirectory areas;

  @EJB CaseReferenceCounters counters;

  @EJB AuditTrail audit;

  @EJB AlertUpdates updates;

  private final Clock clock = Clock.systemUTC();

  /** Records a new case, gives it the next reference of the year and places it in its areas. */
  public MissingChildCase open(CaseDetails details, Actor officer) {
    details.checkConsistency();
    Placement placement = place(details.lastSeen());
    checkLikelyPlaces(details);
    Instant now = clock.instant();

    int year = now.atZone(ZoneOffset.UTC).getYear();
    String reference =
        counters
            .next(year)
            .orElseGet(
                () -> {
                  counters.ensureYear(year);
                  return counters.next(year).orElseThrow();
                });
    MissingChildCase opened =
        new MissingChildCase(
            reference,
            details,
            placement.province().map(AdministrativeArea::code).orElse(null),
            placement.region().map(AdministrativeArea::code).orElse(null),
            officer.name(),
            now);
    em.persist(opened);
    em.flush();
    audit.record(
        officer,
        Subject.CASE,
        opened.id(),
        opened.id(),
        "OPENED",
        Changes.of("reference", reference)
            .set("areas", String.join(",", opened.areaCodes()))
            .set("reportingUnit", details.reportingUnit()));

    LOG.info(() -> "Case " + opened.reference() + " opened, id " + opened.id());
    return opened;
  }

  /**
   * Replaces an open case's details with a revised version; the audit trail keeps each changed
   * field with its old and new value. When what an alert shows has changed, the case's active
   * alerts post an update.
   */
  public MissingChildCase revise(long id, CaseDetails details, Actor officer) {
    details.checkConsistency();
    Placement placement = place(details.lastSeen());
    checkLikelyPlaces(details);
    MissingChildCase revised = get(id);
    Map<String, String> before = revised.auditedFields();

    // The lists are written afresh rather than renumbered in place: see emptyLists.
    revised.emptyLists();
    em.flush();
    revised.revise(
        details,
        placement.province().map(AdministrativeArea::code).orElse(null),
        placement.region().map(AdministrativeArea::code).orElse(null));
    Map<String, String> after = revised.auditedFields();
    Changes changes = Changes.between(before, after);
    if (!changes.isEmpty()) {
      audit.record(officer, Subject.CASE, id, id, "REVISED", changes);
    }
    boolean shownChanged =
        MissingChildCase.PUBLISHED_FIELDS.stream()
            .anyMatch(field -> !Objects.equals(before.get(field), after.get(field)));
    if (shownChanged) {
      updates.postUpdate(revised, "description", officer);
    }

    LOG.info(() -> "Case " + revised.reference() + " revised");
    return revised;
  }

  public Optional<MissingChildCase> find(long id) {
    return Optional.ofNullable(em.find(MissingChildCase.class, id));
  }

  public MissingChildCase get(long id) {
    return find(id).orElseThrow(() -> new RecordNotFoundException("case", id));
  }

  /** One page of cases, newest first, optionally only those in a status or an area. */
  public List<MissingChildCase> list(
      Optional<CaseStatus> status, Optional<String> areaCode, int first, int max) {
    StringBuilder jpql = new StringBuilder("SELECT c FROM MissingChildCase c WHERE 1 = 1");
    status.ifPresent(s -> jpql.append(" AND c.status = :status"));
    areaCode.ifPresent(a -> jpql.append(" AND (c.provinceCode = :area OR c.regionCode = :area)"));
    jpql.append(" ORDER BY c.createdAt DESC, c.id DESC");

    TypedQuery<MissingChildCase> query = em.createQuery(jpql.toString(), MissingChildCase.class);
    status.ifPresent(s -> query.setParameter("status", s));
    areaCode.ifPresent(a -> query.setParameter("area", a));
    return query.setFirstResult(first).setMaxResults(max).getResultList();
  }

  /** How many cases there are, optionally only those in a status or an area. */
  public long count(Optional<CaseStatus> status, Optional<String> areaCode) {
    StringBuilder jpql = new StringBuilder("SELECT COUNT(c) FROM MissingChildCase c WHERE 1 = 1");
    status.ifPresent(s -> jpql.append(" AND c.status = :status"));
    areaCode.ifPresent(a -> jpql.append(" AND (c.provinceCode = :area OR c.regionCode = :area)"));

    TypedQuery<Long> query = em.createQuery(jpql.toString(), Long.class);
    status.ifPresent(s -> query.setParameter("status", s));
    areaCode.ifPresent(a -> query.setParameter("area", a));
    return query.getSingleResult();
  }

  private Placement place(LastSeen lastSeen) {
    try {
      return areas.locate(lastSeen.latitude(), lastSeen.longitude());
    } catch (InvalidCoordinatesException e) {
      throw new InvalidRequestException("lastSeen", e.getMessage());
    }
  }

  private void checkLikelyPlaces(CaseDetails details) {
    for (int i = 0; i < details.likelyPlaces().size(); i++) {
      LikelyPlace place = details.likelyPlaces().get(i);
      if (place.hasCoordinates()) {
        try {
          areas.locate(place.latitude(), place.longitude());
        } catch (InvalidCoordinatesException e) {
          throw new InvalidRequestException("likelyPlaces[" + i + "]", e.getMessage());
        }
      }
    }
  }
}
