package org.tifli.domain;

import jakarta.persistence.Column;
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
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One post of an alert to one channel: a line of the delivery ledger.
 *
 * <p>Invariants: a delivery is sent at most once; once {@link DeliveryStatus#SENT} it keeps the
 * platform's post id, which is what a takedown deletes. A channel carries an alert's own post once,
 * and each of its updates once.
 */
@Entity
@Table(name = "delivery")
@NamedQuery(
    name = Delivery.COUNT_BY_STATUS,
    query =
        "SELECT d.alert.id, d.status, COUNT(d) FROM Delivery d WHERE d.alert.id IN :alertIds"
            + " GROUP BY d.alert.id, d.status")
@NamedQuery(
    name = Delivery.OF_ALERT,
    query = "SELECT d FROM Delivery d WHERE d.alert = :alert ORDER BY d.areaCode, d.id")
@NamedQuery(
    name = Delivery.DUE_FOR_RETRY,
    query =
        "SELECT d FROM Delivery d WHERE d.status = :queued AND d.nextAttemptAt <= :now"
            + " ORDER BY d.nextAttemptAt")
@NamedQuery(
    name = Delivery.INTERRUPTED,
    query =
        "SELECT d FROM Delivery d WHERE d.status = :queued AND d.nextAttemptAt IS NULL"
            + " AND d.inFlightSince < :before ORDER BY d.id")
@NamedQuery(
    name = Delivery.AWAITING_FIX,
    query =
        "SELECT d FROM Delivery d WHERE d.channel = :channel AND d.status = :failed"
            + " AND d.awaitingFix = TRUE ORDER BY d.id")
public class Delivery {

  public static final String OF_ALERT = "Delivery.ofAlert";
  public static final String AWAITING_FIX = "Delivery.awaitingFix";
  public static final String DUE_FOR_RETRY = "Delivery.dueForRetry";
  public static final String INTERRUPTED = "Delivery.interrupted";
  public static final String COUNT_BY_STATUS = "Delivery.countByStatus";
  public static final int ERROR_LENGTH = 2000;

  @Id
  @SequenceGenerator(
      name = "delivery_id_seq",
      sequenceName = "delivery_id_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delivery_id_seq")
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "alert_id", nullable = false)
  private Alert alert;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "channel_id", nullable = false)
  private Channel channel;

  @Column(name = "area_code", nullable = false, length = 10)
  private String areaCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "platform", nullable = false, length = 20)
  private Platform platform;

  @Column(name = "stage", nullable = false)
  private int stage;

  @Enumerated(EnumType.STRING)
  @Column(name = "purpose", nullable = false, length = 10)
  private DeliveryPurpose purpose;

  /** Zero for the alert's own post; 1, 2, … for its successive updates. */
  @Column(name = "update_number", nullable = false)
  private int updateNumber;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  private DeliveryStatus status;

  @Column(name = "external_id", length = 200)
  private String externalId;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "last_error", length = ERROR_LENGTH)
  private String lastError;

  @Column(name = "queued_at", nullable = false)
  private Instant queuedAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  /** Set while a try is under way; still set after a crash, when the try's outcome is unknown. */
  @Column(name = "in_flight_since")
  private Instant inFlightSince;

  /** When the latest try started. */
  @Column(name = "last_attempt_at")
  private Instant lastAttemptAt;

  /** When a queued delivery that failed for now is to be tried again. */
  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  /** The last try's outcome is unknown (no answer came): the next one looks for the post first. */
  @Column(name = "look_first", nullable = false)
  private boolean lookFirst;

  /** Posted again after a try whose outcome was unknown, on a platform that cannot be asked. */
  @Column(name = "possible_duplicate", nullable = false)
  private boolean possibleDuplicate;

  /** Stopped because its channel needs a fix: it goes out again once the channel is fixed. */
  @Column(name = "awaiting_fix", nullable = false)
  private boolean awaitingFix;

  /** For a retraction: the post it takes down. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "target_id")
  private Delivery target;

  @Version private long version;

  protected Delivery() {}

  /** The alert's own post to a channel that a stage reaches. */
  public Delivery(Alert alert, Channel channel, int stage, Instant queuedAt) {
    this(alert, channel, stage, DeliveryPurpose.ALERT, 0, queuedAt);
  }

  /** The alert's update number {@code updateNumber}, to a channel that carries the alert. */
  public static Delivery update(Delivery reached, int updateNumber, Instant queuedAt) {
    if (reached.purpose != DeliveryPurpose.ALERT || updateNumber < 1) {
      throw new IllegalArgumentException("an update follows an alert's own post");
    }
    return new Delivery(
        reached.alert,
        reached.channel,
        reached.stage,
        DeliveryPurpose.UPDATE,
        updateNumber,
        queuedAt);
  }

  /** The closing message on a channel that carried the alert. */
  public static Delivery closing(Delivery reached, Instant queuedAt) {
    if (reached.purpose != DeliveryPurpose.ALERT) {
      throw new IllegalArgumentException("a closing message follows an alert's own post");
    }
    return new Delivery(
        reached.alert, reached.channel, reached.stage, DeliveryPurpose.CLOSING, 0, queuedAt);
  }

  /** Taking down an earlier post (the alert's own or an update) once the alert has ended. */
  public static Delivery retraction(Delivery post, Instant queuedAt) {
    if (!post.purpose.showsTheChild()) {
      throw new IllegalArgumentException("only an alert's posts and updates are taken down");
    }
    Delivery retraction =
        new Delivery(
            post.alert,
            post.channel,
            post.stage,
            DeliveryPurpose.RETRACTION,
            post.updateNumber,
            queuedAt);
    retraction.target = post;
    return retraction;
  }

  private Delivery(
      Alert alert,
      Channel channel,
      int stage,
      DeliveryPurpose purpose,
      int updateNumber,
      Instant queuedAt) {
    this.alert = Objects.requireNonNull(alert);
    this.channel = Objects.requireNonNull(channel);
    this.areaCode = channel.areaCode();
    this.platform = channel.platform();
    this.stage = stage;
    this.purpose = purpose;
    this.updateNumber = updateNumber;
    this.status = DeliveryStatus.QUEUED;
    this.queuedAt = Objects.requireNonNull(queuedAt);
  }

  /** Counts a try at posting, before the platform is called. */
  public void recordAttempt() {
    attempts++;
  }

  /**
   * Starts a try: counts it and marks the delivery in flight until its outcome is recorded.
   *
   * <p>Once a try's outcome is unknown, every later try looks for the post first until the delivery
   * is sent: a try that fails before it has looked (the platform answers 500 to the question
   * itself) leaves the post's fate as unknown as it was.
   *
   * @return the time an earlier try started whose outcome was never recorded (the server stopped
   *     during the call, or no answer came), if there is one
   */
  public Optional<Instant> beginAttempt(Instant now) {
    Optional<Instant> unfinished = Optional.ofNullable(inFlightSince);
    if (unfinished.isEmpty() && lookFirst) {
      unfinished = Optional.ofNullable(lastAttemptAt);
    }
    if (unfinished.isPresent()) {
      lookFirst = true;
    }
    attempts++;
    inFlightSince = now;
    lastAttemptAt = now;
    nextAttemptAt = null;
    return unfinished;
  }

  /** The start of a try under way or interrupted; empty when no try is unaccounted for. */
  public Optional<Instant> inFlightSince() {
    return Optional.ofNullable(inFlightSince);
  }

  /** Records the platform's id for the post. */
  public void markSent(String platformPostId, Instant when) {
    if (status != DeliveryStatus.QUEUED) {
      throw new IllegalTransitionException("delivery " + id + " is " + status + ", not queued");
    }
    status = DeliveryStatus.SENT;
    externalId = Objects.requireNonNull(platformPostId);
    sentAt = when;
    lastError = null;
    inFlightSince = null;
    nextAttemptAt = null;
    lookFirst = false;
  }

  /** Posted again after a try of unknown outcome, where the platform could not be asked. */
  public void markPossibleDuplicate() {
    possibleDuplicate = true;
  }

  /** Keeps the platform's answer to a failed try; the delivery stays queued for the next. */
  public void recordError(String error) {
    lastError = truncate(error);
    inFlightSince = null;
  }

  /**
   * Keeps the answer of a try that may pass later and says when to try again.
   *
   * @param counted false when the platform was not called, so the try does not count
   * @param outcomeUnknown no answer came, so the post may exist: the next try looks first
   */
  public void retryAt(Instant when, String error, boolean counted, boolean outcomeUnknown) {
    if (status != DeliveryStatus.QUEUED) {
      throw new IllegalTransitionException("delivery " + id + " is " + status + ", not queued");
    }
    if (!counted) {
      attempts--;
    }
    lookFirst = lookFirst || outcomeUnknown;
    lastError = truncate(error);
    inFlightSince = null;
    nextAttemptAt = Objects.requireNonNull(when);
  }

  /** Gives up: the delivery will not be tried again without someone's action. */
  public void markFailed(String error) {
    status = DeliveryStatus.FAILED;
    lastError = truncate(error);
    inFlightSince = null;
    nextAttemptAt = null;
    awaitingFix = false;
  }

  /**
   * Stops the delivery because its channel needs a fix (the platform refused the credential). It
   * fails with the reason, and waits for the channel: {@link #resumeAfterFix} queues it again.
   */
  public void stopForChannel(String reason) {
    if (status != DeliveryStatus.QUEUED) {
      throw new IllegalTransitionException("delivery " + id + " is " + status + ", not queued");
    }
    status = DeliveryStatus.FAILED;
    lastError = truncate(reason);
    inFlightSince = null;
    nextAttemptAt = null;
    awaitingFix = true;
  }

  /**
   * Queues again a delivery stopped by its channel, now that the channel is fixed. A post of the
   * child whose alert has ended in the meantime is withdrawn when its turn comes, as any other.
   */
  public void resumeAfterFix() {
    if (status != DeliveryStatus.FAILED || !awaitingFix) {
      throw new IllegalTransitionException(
          "delivery " + id + " is not waiting for its channel to be fixed");
    }
    status = DeliveryStatus.QUEUED;
    awaitingFix = false;
    nextAttemptAt = null;
  }

  /** Looks at the delivery again at {@code when}, leaving everything else as it is. */
  public void postpone(Instant when) {
    nextAttemptAt = Objects.requireNonNull(when);
  }

  /** Its retry has been handed to the queue: the schedule is done with. */
  public void clearSchedule() {
    nextAttemptAt = null;
  }

  /** Makes a delivery whose try was cut off due for a new try, which will look first. */
  public void scheduleCheck(Instant now) {
    nextAttemptAt = now;
  }

  /** A post of the child that never went out: the alert ended first. */
  public void withdraw() {
    if (status != DeliveryStatus.QUEUED) {
      throw new IllegalTransitionException("delivery " + id + " is " + status + ", not queued");
    }
    status = DeliveryStatus.WITHDRAWN;
    inFlightSince = null;
    nextAttemptAt = null;
  }

  /** A post that will not go out, for the reason given (its channel was retired). */
  public void withdraw(String reason) {
    withdraw();
    lastError = truncate(reason);
  }

  /** The post was taken down. */
  public void markRetracted() {
    if (status != DeliveryStatus.SENT) {
      throw new IllegalTransitionException("delivery " + id + " is " + status + ", not sent");
    }
    status = DeliveryStatus.RETRACTED;
  }

  private static String truncate(String error) {
    return error == null || error.length() <= ERROR_LENGTH
        ? error
        : error.substring(0, ERROR_LENGTH);
  }

  public boolean isQueued() {
    return status == DeliveryStatus.QUEUED;
  }

  public Long id() {
    return id;
  }

  public Alert alert() {
    return alert;
  }

  public Channel channel() {
    return channel;
  }

  public String areaCode() {
    return areaCode;
  }

  public Platform platform() {
    return platform;
  }

  public int stage() {
    return stage;
  }

  public DeliveryPurpose purpose() {
    return purpose;
  }

  public int updateNumber() {
    return updateNumber;
  }

  public DeliveryStatus status() {
    return status;
  }

  public String externalId() {
    return externalId;
  }

  public int attempts() {
    return attempts;
  }

  public String lastError() {
    return lastError;
  }

  public Instant queuedAt() {
    return queuedAt;
  }

  public Instant sentAt() {
    return sentAt;
  }

  public Optional<Instant> nextAttemptAt() {
    return Optional.ofNullable(nextAttemptAt);
  }

  public boolean possibleDuplicate() {
    return possibleDuplicate;
  }

  /** Failed because its channel needs a fix; queued again once it is fixed. */
  public boolean awaitingFix() {
    return awaitingFix;
  }

  /** For a retraction, the post it takes down. */
  public Optional<Delivery> target() {
    return Optional.ofNullable(target);
  }
}
