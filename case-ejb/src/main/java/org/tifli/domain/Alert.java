package org.tifli.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A request to make a case public, and once approved, the public alert itself.
 *
 * <p>Invariants: an officer requests, a different supervisor decides (four eyes); only a pending
 * alert can be decided; an active alert widens stage by stage, each stage applied once, and the
 * areas of a stage are recorded when it is applied, so that no area is reached twice; an active
 * alert ends when its case is resolved, when it is cancelled, or when its lifetime runs out without
 * renewal. An ended alert never becomes active again.
 */
@Entity
@Table(name = "alert")
@NamedQuery(
    name = Alert.IDS_IN_STATUS,
    query = "SELECT a.id FROM Alert a WHERE a.status = :status ORDER BY a.id")
@NamedQuery(
    name = Alert.OF_CASE,
    query = "SELECT a FROM Alert a WHERE a.missingChildCase.id = :caseId ORDER BY a.id")
@NamedQuery(
    name = Alert.IN_STATUS_BY_DECISION,
    query =
        "SELECT a FROM Alert a JOIN FETCH a.missingChildCase WHERE a.status = :status"
            + " ORDER BY a.decidedAt DESC, a.id DESC")
@NamedQuery(
    name = Alert.IN_STATUS_BY_REQUEST,
    query =
        "SELECT a FROM Alert a JOIN FETCH a.missingChildCase WHERE a.status = :status"
            + " ORDER BY a.requestedAt DESC, a.id DESC")
@NamedQuery(
    name = Alert.DECIDED,
    query =
        "SELECT a FROM Alert a JOIN FETCH a.missingChildCase WHERE a.decidedAt IS NOT NULL"
            + " ORDER BY a.decidedAt DESC, a.id DESC")
@NamedQuery(
    name = Alert.COUNT_DECIDED,
    query = "SELECT COUNT(a) FROM Alert a WHERE a.decidedAt IS NOT NULL")
@NamedQuery(
    name = Alert.COUNT_OF_CASE,
    query = "SELECT COUNT(a) FROM Alert a WHERE a.missingChildCase.id = :caseId")
public class Alert {

  public static final String IDS_IN_STATUS = "Alert.idsInStatus";
  public static final String IN_STATUS_BY_DECISION = "Alert.inStatusByDecision";
  public static final String IN_STATUS_BY_REQUEST = "Alert.inStatusByRequest";
  public static final String DECIDED = "Alert.decided";
  public static final String COUNT_DECIDED = "Alert.countDecided";
  public static final String OF_CASE = "Alert.ofCase";
  public static final String COUNT_OF_CASE = "Alert.countOfCase";
  public static final int TEXT_LENGTH = 4000;

  @Id
  @SequenceGenerator(name = "alert_id_seq", sequenceName = "alert_id_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "alert_id_seq")
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "case_id", nullable = false)
  private MissingChildCase missingChildCase;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  private AlertStatus status;

  @Column(name = "exercise", nullable = false)
  private boolean exercise;

  @Embedded private ActivationCriteria criteria;

  @Column(name = "justification", length = TEXT_LENGTH)
  private String justification;

  @Column(name = "requested_by", nullable = false, length = 64)
  private String requestedBy;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "decided_by", length = 64)
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "rejection_reason", length = TEXT_LENGTH)
  private String rejectionReason;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "alert_target_area", joinColumns = @JoinColumn(name = "alert_id"))
  private List<TargetArea> targetAreas = new ArrayList<>();

  /** Stages of the widening schedule carried out or passed over; the index of the next one. */
  @Column(name = "stages_done", nullable = false)
  private int stagesDone;

  /** A supervisor holds the zone: due stages wait until the hold is lifted. */
  @Column(name = "held", nullable = false)
  private boolean held;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "ended_by", length = 64)
  private String endedBy;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Column(name = "end_reason", length = TEXT_LENGTH)
  private String endReason;

  /** How many updates (new photo, new description) the alert has posted. */
  @Column(name = "updates_posted", nullable = false)
  private int updatesPosted;

  @Version private long version;

  protected Alert() {}

  public Alert(
      MissingChildCase missingChildCase,
      ActivationCriteria criteria,
      String justification,
      boolean exercise,
      String requestedBy,
      Instant requestedAt) {
    this.missingChildCase = Objects.requireNonNull(missingChildCase);
    this.criteria = Objects.requireNonNull(criteria);
    this.justification = justification;
    this.exercise = exercise;
    this.requestedBy = Objects.requireNonNull(requestedBy);
    this.requestedAt = Objects.requireNonNull(requestedAt);
    this.status = AlertStatus.PENDING_APPROVAL;
  }

  /**
   * Makes the alert public until {@code expiresAt}. Its first stage is then applied with {@link
   * #applyStage}.
   *
   * @throws IllegalTransitionException if the alert is not waiting for a decision
   * @throws ForbiddenActionException if the supervisor is the one who asked for it
   */
  public void approve(String supervisor, Instant when, Instant expiresAt) {
    requirePendingDecisionBy(supervisor);
    status = AlertStatus.ACTIVE;
    decidedBy = supervisor;
    decidedAt = when;
    this.expiresAt = expiresAt;
  }

  /**
   * Records a stage of the widening schedule as carried out: its new areas join the alert's target
   * areas, and progress moves to {@code stagesDoneAfter}.
   *
   * @param stage the index of the stage applied
   * @param newAreaCodes areas no earlier stage reached
   * @throws IllegalTransitionException if the alert is not active, or that stage is already done
   */
  public void applyStage(int stage, List<String> newAreaCodes, int stagesDoneAfter) {
    requireActive("widened");
    if (stage < stagesDone || stagesDoneAfter <= stagesDone) {
      throw new IllegalTransitionException(
          "alert " + id + " has already carried out stage " + stage);
    }
    for (String code : newAreaCodes) {
      if (reaches(code)) {
        throw new IllegalStateException("area " + code + " is already reached by alert " + id);
      }
      targetAreas.add(new TargetArea(code, stage));
    }
    stagesDone = stagesDoneAfter;
  }

  /**
   * Counts a new update of an active alert's details.
   *
   * @return the update's number, from 1
   * @throws IllegalTransitionException if the alert is not active
   */
  public int nextUpdate() {
    requireActive("updated");
    return ++updatesPosted;
  }

  /** Whether an earlier stage already reached the area. */
  public boolean reaches(String areaCode) {
    return targetAreas.stream().anyMatch(a -> a.areaCode().equals(areaCode));
  }

  /** Holds the zone where it is, or lets it widen again. */
  public void hold(boolean hold) {
    requireActive(hold ? "held" : "released");
    held = hold;
  }

  /** Keeps an active alert public for another lifetime from now. */
  public void renew(Instant now, Duration lifetime) {
    requireActive("renewed");
    expiresAt = now.plus(lifetime);
  }

  /** Whether the alert is active and its lifetime has run out at {@code now}. */
  public boolean isDueToExpire(Instant now) {
    return status == AlertStatus.ACTIVE && expiresAt != null && !expiresAt.isAfter(now);
  }

  /** Ends an active alert whose lifetime ran out without renewal. */
  public void expire(Instant now) {
    if (!isDueToExpire(now)) {
      throw new IllegalTransitionException("alert " + id + " is not due to expire");
    }
    end(AlertStatus.EXPIRED, "system", now, "lifetime ended without renewal");
  }

  /** Withdraws a pending or active alert. */
  public void cancel(String supervisor, Instant now, String reason) {
    if (status != AlertStatus.PENDING_APPROVAL && status != AlertStatus.ACTIVE) {
      throw new IllegalTransitionException("alert " + id + " is " + status + " and cannot end");
    }
    end(AlertStatus.CANCELLED, supervisor, now, Objects.requireNonNull(reason));
  }

  /**
   * Ends the alert because its case is solved: an active alert becomes resolved, a request still
   * pending is cancelled. Ended alerts stay as they are.
   *
   * @return whether the alert changed
   */
  public boolean endWithCase(String supervisor, Instant now, String outcome) {
    if (status == AlertStatus.ACTIVE) {
      end(AlertStatus.RESOLVED, supervisor, now, outcome);
      return true;
    }
    if (status == AlertStatus.PENDING_APPROVAL) {
      end(AlertStatus.CANCELLED, supervisor, now, "case resolved: " + outcome);
      return true;
    }
    return false;
  }

  private void end(AlertStatus ended, String by, Instant now, String reason) {
    status = ended;
    endedBy = by;
    endedAt = now;
    endReason = reason;
    held = false;
  }

  private void requireActive(String what) {
    if (status != AlertStatus.ACTIVE) {
      throw new IllegalTransitionException(
          "alert " + id + " is " + status + " and cannot be " + what);
    }
  }

  /** Turns the request down; the reason is shown to the requesting officer. */
  public void reject(String supervisor, Instant when, String reason) {
    requirePendingDecisionBy(supervisor);
    status = AlertStatus.REJECTED;
    decidedBy = supervisor;
    decidedAt = when;
    rejectionReason = Objects.requireNonNull(reason);
  }

  private void requirePendingDecisionBy(String supervisor) {
    if (status != AlertStatus.PENDING_APPROVAL) {
      throw new IllegalTransitionException("alert " + id + " is " + status + ", not pending");
    }
    if (requestedBy.equals(supervisor)) {
      throw new ForbiddenActionException("an alert cannot be decided by the one who requested it");
    }
  }

  public Long id() {
    return id;
  }

  public MissingChildCase missingChildCase() {
    return missingChildCase;
  }

  public AlertStatus status() {
    return status;
  }

  public boolean exercise() {
    return exercise;
  }

  public ActivationCriteria criteria() {
    return criteria;
  }

  public String justification() {
    return justification;
  }

  public String requestedBy() {
    return requestedBy;
  }

  public Instant requestedAt() {
    return requestedAt;
  }

  public String decidedBy() {
    return decidedBy;
  }

  public Instant decidedAt() {
    return decidedAt;
  }

  public String rejectionReason() {
    return rejectionReason;
  }

  public List<TargetArea> targetAreas() {
    return List.copyOf(targetAreas);
  }

  /** The codes of the areas each stage reached, by stage number (from 0), in stage order. */
  public SortedMap<Integer, List<String>> areasByStage() {
    return targetAreas.stream()
        .collect(
            Collectors.groupingBy(
                TargetArea::stage,
                TreeMap::new,
                Collectors.mapping(TargetArea::areaCode, Collectors.toList())));
  }

  public int stagesDone() {
    return stagesDone;
  }

  public boolean held() {
    return held;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public String endedBy() {
    return endedBy;
  }

  public Instant endedAt() {
    return endedAt;
  }

  public String endReason() {
    return endReason;
  }

  public int updatesPosted() {
    return updatesPosted;
  }

  public boolean isActive() {
    return status == AlertStatus.ACTIVE;
  }

  /** Whether the alert was approved, and so made public, at some time; it may have ended since. */
  public boolean wasMadePublic() {
    return decidedAt != null && status != AlertStatus.REJECTED;
  }
}
