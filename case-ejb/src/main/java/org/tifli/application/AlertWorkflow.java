package org.tifli.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.tifli.domain.ActivationCriteria;
import org.tifli.domain.Actor;
import org.tifli.domain.Alert;
import org.tifli.domain.AlertStatus;
import org.tifli.domain.AuditEntry.Subject;
import org.tifli.domain.CapMessage;
import org.tifli.domain.Channel;
import org.tifli.domain.Delivery;
import org.tifli.domain.ForbiddenActionException;
import org.tifli.domain.IllegalTransitionException;
import org.tifli.domain.InvalidRequestException;
import org.tifli.domain.LikelyPlace;
import org.tifli.domain.MissingChildCase;
import org.tifli.domain.RecordNotFoundException;
import org.tifli.geo.AdministrativeArea;
import org.tifli.geo.GeoPoint;
import org.tifli.geo.SearchOrigin;
import org.tifli.geo.WideningSchedule;
import org.tifli.geo.WideningStage;
import org.tifli.geo.WideningStep;
import org.tifli.infrastructure.messaging.DeliveryQueue;

/**
 * An alert from request to its end: an officer asks, a different supervisor approves or rejects;
 * approval applies the first stage of the widening schedule, and each later stage (on time, or
 * early at a supervisor's word) reaches only areas no earlier stage reached. Each stage turns into
 * one delivery per channel of its new areas, queued for the publisher in the same transaction.
 *
 * <p>A stage is applied at most once: the alert's progress is part of its row, guarded by its
 * version, so two servers, or a timer and a supervisor, racing for the same stage cannot both
 * commit it.
 *
 * <p>The areas of a stage are provinces; a region's own channels are reached with the first of its
 * provinces.
 */
@Stateless
public class AlertWorkflow {

  private static final Logger LOG = Logger.getLogger(AlertWorkflow.class.getName());

  @PersistenceContext private EntityManager em;

  @EJB CaseIntake cases;

  @EJB DeliveryQueue deliveryQueue;

  @EJB AuditTrail audit;

  @Inject AreaDirectory areas;

  @Inject AlertPolicy policy;

  @EJB CapMessages cap;

  @EJB AlertTakedown takedown;

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
   * Approves the alert, makes it public for the configured lifetime, and applies the first stage of
   * the widening schedule. Exercise alerts go only to channels that take exercises.
   */
  public Alert approve(long alertId, Actor supervisor) {
    Alert alert = get(alertId);
    refuseSelfDecision(alert, supervisor, "APPROVE_REFUSED");
    Instant now = clock.instant();

    alert.approve(supervisor.name(), now, now.plus(policy.lifetime()));
    audit.record(
        supervisor,
        Subject.ALERT,
        alertId,
        caseOf(alert),
        "APPROVED",
        Changes.none()
            .change("status", AlertStatus.PENDING_APPROVAL, alert.status())
            .set("expiresAt", alert.expiresAt()));
    areas
        .zones()
        .dueStep(policy.schedule(), origin(alert), now, 0, now)
        .ifPresent(step -> apply(alert, step, supervisor, "STAGE_APPLIED"));
    cap.issue(alert, CapMessage.Type.ALERT);

    LOG.info(() -> "Alert " + alertId + " approved");
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
        caseOf(alert),
        "REJECTED",
        Changes.none()
            .change("status", AlertStatus.PENDING_APPROVAL, alert.status())
            .set("reason", reason));

    LOG.info(() -> "Alert " + alertId + " rejected");
    return alert;
  }

  /**
   * A supervisor's "widen now": the next stage of the schedule, whatever the time.
   *
   * @throws IllegalTransitionException if the alert is not active or every stage is done
   */
  public Alert widenNow(long alertId, Actor supervisor) {
    Alert alert = get(alertId);
    if (!alert.isActive()) {
      throw new IllegalTransitionException("alert " + alertId + " is " + alert.status());
    }

    WideningStep step =
        areas
            .zones()
            .widenNow(policy.schedule(), origin(alert), alert.stagesDone())
            .orElseThrow(
                () ->
                    new IllegalTransitionException(
                        "alert " + alertId + " has already reached its last stage"));
    apply(alert, step, supervisor, "WIDENED_NOW");
    cap.issue(alert, CapMessage.Type.UPDATE);
    return alert;
  }

  /**
   * Applies the stage that has fallen due, if any and unless a supervisor holds the zone. Called by
   * the widening timer for each active alert, in a transaction of its own.
   *
   * @return whether a stage was applied
   */
  public boolean applyDueStage(long alertId) {
    Alert alert = get(alertId);
    if (!alert.isActive() || alert.held() || alert.decidedAt() == null) {
      return false;
    }

    Optional<WideningStep> due =
        areas
            .zones()
            .dueStep(
                policy.schedule(),
                origin(alert),
                alert.decidedAt(),
                alert.stagesDone(),
                clock.instant());
    due.ifPresent(
        step -> {
          apply(alert, step, Actor.system("widening-timer"), "STAGE_APPLIED");
          cap.issue(alert, CapMessage.Type.UPDATE);
        });
    return due.isPresent();
  }

  /** Holds the alert's zone where it is, or lets it widen again on schedule. */
  public Alert hold(long alertId, boolean hold, Actor supervisor) {
    Alert alert = get(alertId);
    boolean before = alert.held();

    alert.hold(hold);
    audit.record(
        supervisor,
        Subject.ALERT,
        alertId,
        caseOf(alert),
        hold ? "HELD" : "RELEASED",
        Changes.none().change("held", before, hold));

    LOG.info(() -> "Alert " + alertId + (hold ? " held" : " released"));
    return alert;
  }

  /** Keeps an active alert public for another lifetime from now. */
  public Alert renew(long alertId, Actor supervisor) {
    Alert alert = get(alertId);
    Instant before = alert.expiresAt();

    alert.renew(clock.instant(), policy.lifetime());
    audit.record(
        supervisor,
        Subject.ALERT,
        alertId,
        caseOf(alert),
        "RENEWED",
        Changes.none().change("expiresAt", before, alert.expiresAt()));

    LOG.info(() -> "Alert " + alertId + " renewed until " + alert.expiresAt());
    return alert;
  }

  /**
   * Ends an active alert whose lifetime ran out. Called by the timer in a transaction of its own.
   *
   * @return whether it expired now
   */
  public boolean expireIfDue(long alertId) {
    Alert alert = get(alertId);
    Instant now = clock.instant();
    if (!alert.isDueToExpire(now)) {
      return false;
    }

    alert.expire(now);
    cap.issue(alert, CapMessage.Type.CANCEL);
    takedown.begin(alert, Actor.system("alert-lifetime"));
    audit.record(
        Actor.system("alert-lifetime"),
        Subject.ALERT,
        alertId,
        caseOf(alert),
        "EXPIRED",
        Changes.none().change("status", AlertStatus.ACTIVE, alert.status()));

    LOG.info(() -> "Alert " + alertId + " expired");
    return true;
  }

  /** Withdraws a pending or active alert. */
  public Alert cancel(long alertId, String reason, Actor supervisor) {
    Alert alert = get(alertId);
    AlertStatus before = alert.status();

    alert.cancel(supervisor.name(), clock.instant(), reason);
    if (before == AlertStatus.ACTIVE) {
      cap.issue(alert, CapMessage.Type.CANCEL);
      takedown.begin(alert, supervisor);
    }
    audit.record(
        supervisor,
        Subject.ALERT,
        alertId,
        caseOf(alert),
        "CANCELLED",
        Changes.none().change("status", before, alert.status()).set("reason", reason));

    LOG.info(() -> "Alert " + alertId + " cancelled");
    return alert;
  }

  /**
   * Ends every alert of a case that is being resolved; part of the resolution's transaction. Public
   * because the container only lets another bean call business methods of this no-interface view.
   */
  public void endAlertsOf(MissingChildCase resolved, String outcome, Actor supervisor) {
    for (Alert alert : ofCase(resolved.id())) {
      AlertStatus before = alert.status();
      if (alert.endWithCase(supervisor.name(), clock.instant(), outcome)) {
        if (before == AlertStatus.ACTIVE) {
          cap.issue(alert, CapMessage.Type.CANCEL);
          takedown.begin(alert, supervisor);
        }
        audit.record(
            supervisor,
            Subject.ALERT,
            alert.id(),
            resolved.id(),
            "ENDED_WITH_CASE",
            Changes.none().change("status", before, alert.status()));
        LOG.info(() -> "Alert " + alert.id() + " ended with its case");
      }
    }
  }

  /** Identifiers of the alerts now active, for the timer to look at one by one. */
  public List<Long> activeAlertIds() {
    return em.createNamedQuery(Alert.IDS_IN_STATUS, Long.class)
        .setParameter("status", AlertStatus.ACTIVE)
        .getResultList();
  }

  /** The requests waiting for a supervisor's decision, with their cases, the latest first. */
  public List<Alert> pending() {
    return em.createNamedQuery(Alert.IN_STATUS_BY_REQUEST, Alert.class)
        .setParameter("status", AlertStatus.PENDING_APPROVAL)
        .getResultList();
  }

  /**
   * One page of the alerts a supervisor decided (approved, then perhaps ended, or rejected), with
   * their cases, the latest decision first.
   */
  public List<Alert> decided(int first, int max) {
    return em.createNamedQuery(Alert.DECIDED, Alert.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  public long countDecided() {
    return em.createNamedQuery(Alert.COUNT_DECIDED, Long.class).getSingleResult();
  }

  /**
   * One stage of the widening schedule as it would be carried out for an alert approved now: the
   * areas it would reach for the first time and the channels it would post to.
   *
   * @param newAreas provinces new at this stage, and the regions they reach first
   * @param channels the channels serving those areas, only those taking exercises for an exercise
   */
  public record PlannedStage(
      int index, WideningStage stage, List<String> newAreas, List<Channel> channels) {}

  /**
   * What approving the alert now would reach, stage by stage, by the same rules approval and each
   * widening follow; nothing is stored. Channels registered or retired before a stage falls due
   * change what that stage really reaches.
   */
  public List<PlannedStage> plan(long alertId) {
    Alert alert = get(alertId);
    WideningSchedule schedule = policy.schedule();
    SearchOrigin origin = origin(alert);
    Set<String> reached = new LinkedHashSet<>();

    List<PlannedStage> plan = new ArrayList<>();
    for (int i = 0; i < schedule.stages().size(); i++) {
      WideningStep step = areas.zones().step(schedule, i, i, origin);
      Set<String> newAreas = newAreasOf(step, reached::contains);
      reached.addAll(newAreas);
      plan.add(
          new PlannedStage(
              i, step.stage(), List.copyOf(newAreas), channelsFor(newAreas, alert.exercise())));
    }
    return plan;
  }

  /** The alerts now public, with their cases, the most recently approved first. */
  public List<Alert> active() {
    return em.createNamedQuery(Alert.IN_STATUS_BY_DECISION, Alert.class)
        .setParameter("status", AlertStatus.ACTIVE)
        .getResultList();
  }

  public List<Alert> ofCase(long caseId) {
    return em.createNamedQuery(Alert.OF_CASE, Alert.class)
        .setParameter("caseId", caseId)
        .getResultList();
  }

  /** One page of a case's alerts, oldest first. */
  public List<Alert> ofCase(long caseId, int first, int max) {
    return em.createNamedQuery(Alert.OF_CASE, Alert.class)
        .setParameter("caseId", caseId)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  public long countOfCase(long caseId) {
    return em.createNamedQuery(Alert.COUNT_OF_CASE, Long.class)
        .setParameter("caseId", caseId)
        .getSingleResult();
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

  /**
   * Records the step on the alert and queues one delivery per channel of the areas it reaches for
   * the first time: its new provinces, and the regions it touches for the first time.
   */
  private void apply(Alert alert, WideningStep step, Actor actor, String action) {
    Set<String> newAreas = newAreasOf(step, alert::reaches);
    Instant now = clock.instant();

    alert.applyStage(step.stageIndex(), List.copyOf(newAreas), step.stagesDoneAfter());
    List<Delivery> deliveries =
        channelsFor(newAreas, alert.exercise()).stream()
            .map(channel -> new Delivery(alert, channel, step.stageIndex(), now))
            .toList();
    deliveries.forEach(em::persist);
    em.flush();
    audit.record(
        actor,
        Subject.ALERT,
        alert.id(),
        caseOf(alert),
        action,
        Changes.of("stage", step.stageIndex())
            .set("scope", step.stage().scope().toConfig())
            .set("newAreas", String.join(",", newAreas))
            .set("deliveries", deliveries.size()));

    deliveryQueue.enqueue(deliveries.stream().map(Delivery::id).toList());
    LOG.info(
        () ->
            "Alert "
                + alert.id()
                + " stage "
                + step.stageIndex()
                + ": "
                + newAreas.size()
                + " new areas, "
                + deliveries.size()
                + " deliveries queued");
  }

  /** The step's new provinces, each preceded by its region when no earlier stage reached it. */
  private static Set<String> newAreasOf(WideningStep step, Predicate<String> reachedBefore) {
    Set<String> newAreas = new LinkedHashSet<>();
    for (AdministrativeArea province : step.newAreas()) {
      if (!reachedBefore.test(province.parentCode())) {
        newAreas.add(province.parentCode());
      }
      newAreas.add(province.code());
    }
    return newAreas;
  }

  /** The channels in service for the areas; for an exercise, only those that take exercises. */
  private List<Channel> channelsFor(Set<String> newAreas, boolean exercise) {
    if (newAreas.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery(Channel.SERVING, Channel.class)
        .setParameter("areas", List.copyOf(newAreas))
        .getResultStream()
        .filter(channel -> !exercise || channel.exercise())
        .toList();
  }

  private static SearchOrigin origin(Alert alert) {
    MissingChildCase missing = alert.missingChildCase();
    List<GeoPoint> likely = new ArrayList<>();
    for (LikelyPlace place : missing.likelyPlaces()) {
      if (place.hasCoordinates()) {
        likely.add(new GeoPoint(place.latitude(), place.longitude()));
      }
    }
    return new SearchOrigin(
        new GeoPoint(missing.lastSeen().latitude(), missing.lastSeen().longitude()), likely);
  }

  private static long caseOf(Alert alert) {
    return alert.missingChildCase().id();
  }

  /** Four eyes: the refusal is kept in the audit trail, then the caller gets a 403. */
  private void refuseSelfDecision(Alert alert, Actor supervisor, String action) {
    if (alert.requestedBy().equals(supervisor.name())) {
      audit.recordRefusal(
          supervisor,
          Subject.ALERT,
          alert.id(),
          caseOf(alert),
          action,
          "the requester cannot decide their own alert");
      throw new ForbiddenActionException("an alert cannot be decided by the one who requested it");
    }
  }
}
