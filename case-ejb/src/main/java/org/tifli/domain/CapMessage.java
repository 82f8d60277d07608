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
import java.time.Instant;
import java.util.Objects;

/**
 * One CAP 1.2 message Tifli issued about an alert: the alert itself, an update, or its
 * cancellation, numbered from 1 per alert, as aggregators received it.
 *
 * <p>When the alert ends, the texts of its earlier messages are erased: they described the child,
 * and only the cancellation, which describes nobody, stays readable. Identifier and time stay,
 * since the cancellation refers to them.
 */
@Entity
@Table(name = "cap_message")
@NamedQuery(
    name = CapMessage.OF_ALERT,
    query = "SELECT m FROM CapMessage m WHERE m.alert.id = :alertId ORDER BY m.number")
@NamedQuery(
    name = CapMessage.LATEST_SINCE,
    query =
        "SELECT m FROM CapMessage m WHERE m.sentAt >= :since OR m.alert.status = :active"
            + " ORDER BY m.alert.id, m.number")
public class CapMessage {

  public static final String OF_ALERT = "CapMessage.ofAlert";
  public static final String LATEST_SINCE = "CapMessage.latestSince";
  public static final int XML_LENGTH = 1_000_000;

  /** CAP's {@code msgType} values that Tifli sends. */
  public enum Type {
    ALERT,
    UPDATE,
    CANCEL
  }

  @Id
  @SequenceGenerator(name = "cap_id_seq", sequenceName = "cap_id_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cap_id_seq")
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "alert_id", nullable = false, updatable = false)
  private Alert alert;

  @Column(name = "message_number", nullable = false, updatable = false)
  private int number;

  @Enumerated(EnumType.STRING)
  @Column(name = "msg_type", nullable = false, updatable = false, length = 10)
  private Type type;

  @Column(name = "identifier", nullable = false, updatable = false, length = 200)
  private String identifier;

  @Column(name = "sent_at", nullable = false, updatable = false)
  private Instant sentAt;

  /** Null once erased. */
  @Column(name = "xml", length = XML_LENGTH)
  private String xml;

  protected CapMessage() {}

  public CapMessage(
      Alert alert, int number, Type type, String identifier, Instant sentAt, String xml) {
    this.alert = Objects.requireNonNull(alert);
    this.number = number;
    this.type = Objects.requireNonNull(type);
    this.identifier = Objects.requireNonNull(identifier);
    this.sentAt = Objects.requireNonNull(sentAt);
    this.xml = Objects.requireNonNull(xml);
  }

  /** Forgets the text of a message that described the child. */
  public void erase() {
    if (type != Type.CANCEL) {
      xml = null;
    }
  }

  public Long id() {
    return id;
  }

  public Alert alert() {
    return alert;
  }

  public int number() {
    return number;
  }

  public Type type() {
    return type;
  }

  public String identifier() {
    return identifier;
  }

  public Instant sentAt() {
    return sentAt;
  }

  /** Null once erased. */
  public String xml() {
    return xml;
  }
}
