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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A request to make a case public, and once approved, the public alert itself.
 *
 * <p>Invariants: an officer requests, a different supervisor decides (four eyes); only a pending
 * alert can be decided; the target areas of a stage are recorded when that stage is applied, so
 * that no area is reached twice.
 */
@Entity
@Table(name = "alert")
public class Alert {

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
   * Makes the alert public. Its first stage reaches the given areas.
   *
   * @throws IllegalTransitionException if the alert is not waiting for a decision
   * @throws ForbiddenActionException if the supervisor is the one who asked for it
   */
  public void approve(String supervisor, Instant when, List<String> firstStageAreas) {
    requirePendingDecisionBy(supervisor);
    status = AlertStatus.ACTIVE;
    decidedBy = supervisor;
    decidedAt = when;
    firstStageAreas.forEach(code -> targetAreas.add(new TargetArea(code, 0)));
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
}
