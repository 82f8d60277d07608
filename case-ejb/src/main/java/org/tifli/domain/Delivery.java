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
    name = Delivery.OF_ALERT,
    query = "SELECT d FROM Delivery d WHERE d.alert = :alert ORDER BY d.areaCode, d.id")
public class Delivery {

  public static final String OF_ALERT = "Delivery.ofAlert";
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

  /** Records the platform's id for the post. */
  public void markSent(String platformPostId, Instant when) {
    if (status != DeliveryStatus.QUEUED) {
      throw new IllegalTransitionException("delivery " + id + " is " + status + ", not queued");
    }
    status = DeliveryStatus.SENT;
    externalId = Objects.requireNonNull(platformPostId);
    sentAt = when;
    lastError = null;
  }

  /** Keeps the platform's answer to a failed try; the delivery stays queued for the next. */
  public void recordError(String error) {
    lastError = truncate(error);
  }

  /** Gives up: the delivery will not be tried again without someone's action. */
  public void markFailed(String error) {
    status = DeliveryStatus.FAILED;
    lastError = truncate(error);
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
}
