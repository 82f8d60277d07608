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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Someone of the public saw the child, or thinks so: when and where, what they saw, and how to
 * reach them if they said. Sent from the page of an active alert, placed in its province and
 * region, then triaged by an officer.
 *
 * <p>Invariants: a sighting is only taken for an active alert; it lies in an area this installation
 * serves; it was seen neither in the future (beyond {@link #CLOCK_SKEW}) nor before the child went
 * missing (beyond {@link #EARLY_TOLERANCE}). Its triage starts {@link SightingStatus#NEW} and may
 * move between {@link SightingStatus#RELEVANT} and {@link SightingStatus#DISMISSED}, never back.
 *
 * <p>The contact is personal data of the reporter: the police see it, nothing logs or publishes it.
 */
@Entity
@Table(name = "sighting")
@NamedQuery(
    name = Sighting.OF_ALERT,
    query =
        "SELECT s FROM Sighting s WHERE s.alert.id = :alertId"
            + " ORDER BY s.receivedAt DESC, s.id DESC")
@NamedQuery(
    name = Sighting.COUNT_OF_ALERT,
    query = "SELECT COUNT(s) FROM Sighting s WHERE s.alert.id = :alertId")
@NamedQuery(
    name = Sighting.OF_CASE,
    query =
        "SELECT s FROM Sighting s WHERE s.alert.missingChildCase.id = :caseId"
            + " ORDER BY s.receivedAt DESC, s.id DESC")
@NamedQuery(
    name = Sighting.COUNT_OF_CASE,
    query = "SELECT COUNT(s) FROM Sighting s WHERE s.alert.missingChildCase.id = :caseId")
@NamedQuery(
    name = Sighting.WITH_STATUS,
    query =
        "SELECT s FROM Sighting s JOIN FETCH s.alert a JOIN FETCH a.missingChildCase"
            + " WHERE s.status = :status ORDER BY s.receivedAt, s.id")
@NamedQuery(
    name = Sighting.COUNT_WITH_STATUS,
    query = "SELECT COUNT(s) FROM Sighting s WHERE s.status = :status")
public class Sighting {

  public static final String OF_ALERT = "Sighting.ofAlert";
  public static final String WITH_STATUS = "Sighting.withStatus";
  public static final String COUNT_WITH_STATUS = "Sighting.countWithStatus";
  public static final String COUNT_OF_ALERT = "Sighting.countOfAlert";
  public static final String OF_CASE = "Sighting.ofCase";
  public static final String COUNT_OF_CASE = "Sighting.countOfCase";
  public static final int DESCRIPTION_LENGTH = 2000;
  public static final int CONTACT_LENGTH = 200;
  public static final int NOTE_LENGTH = 2000;

  /** How far ahead of the server's clock a reporter's device may be. */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /**
   * How much earlier than the time the child was last seen a sighting may be: the public's times
   * are approximate, but a sighting well before the disappearance does not help find the child.
   */
  public static final Duration EARLY_TOLERANCE = Duration.ofHours(1);

  @Id
  @SequenceGenerator(
      name = "sighting_id_seq",
      sequenceName = "sighting_id_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sighting_id_seq")
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "alert_id", nullable = false, updatable = false)
  private Alert alert;

  @Column(name = "seen_at", nullable = false, updatable = false)
  private Instant seenAt;

  @Column(name = "latitude", nullable = false, updatable = false)
  private double latitude;

  @Column(name = "longitude", nullable = false, updatable = false)
  private double longitude;

  @Column(name = "description", nullable = false, updatable = false, length = DESCRIPTION_LENGTH)
  private String description;

  @Column(name = "contact", updatable = false, length = CONTACT_LENGTH)
  private String contact;

  @Column(name = "province_code", nullable = false, updatable = false, length = 10)
  private String provinceCode;

  @Column(name = "region_code", nullable = false, updatable = false, length = 10)
  private String regionCode;

  @Column(name = "received_at", nullable = false, updatable = false)
  private Instant receivedAt;

  @Column(
      name = "client_address",
      nullable = false,
      updatable = false,
      length = Actor.ORIGIN_LENGTH)
  private String clientAddress;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  private SightingStatus status;

  @Column(name = "triaged_by", length = Actor.NAME_LENGTH)
  private String triagedBy;

  @Column(name = "triaged_at")
  private Instant triagedAt;

  @Column(name = "triage_note", length = NOTE_LENGTH)
  private String triageNote;

  @Version private long version;

  protected Sighting() {}

  /**
   * A sighting as received, not yet triaged.
   *
   * @param provinceCode the province of the point, from the area locator
   * @param regionCode the province's region
   * @param reporter the public, with the client address the sighting came from
   * @throws IllegalTransitionException if the alert is not active
   * @throws InvalidRequestException if the time seen is impossible (see {@link #checkSeenAt})
   */
  public Sighting(
      Alert alert,
      SightingReport report,
      String provinceCode,
      String regionCode,
      Actor reporter,
      Instant receivedAt) {
    if (!alert.isActive()) {
      throw new IllegalTransitionException(
          "alert " + alert.id() + " is " + alert.status() + " and takes no sightings");
    }
    checkSeenAt(report.seenAt(), alert.missingChildCase().lastSeen().at(), receivedAt);
    this.alert = alert;
    this.seenAt = report.seenAt();
    this.latitude = report.latitude();
    this.longitude = report.longitude();
    this.description = report.description().trim();
    this.contact =
        report.contact() == null || report.contact().isBlank() ? null : report.contact().trim();
    this.provinceCode = Objects.requireNonNull(provinceCode);
    this.regionCode = Objects.requireNonNull(regionCode);
    this.clientAddress = reporter.origin();
    this.receivedAt = Objects.requireNonNull(receivedAt);
    this.status = SightingStatus.NEW;
  }

  /**
   * Refuses a time seen in the future of {@code now} (beyond the clock skew) or before the child
   * went missing (beyond the early tolerance), as an error about the field {@code seenAt}.
   */
  public static void checkSeenAt(Instant seenAt, Instant childLastSeenAt, Instant now) {
    Objects.requireNonNull(seenAt);
    if (seenAt.isAfter(now.plus(CLOCK_SKEW))) {
      throw new InvalidRequestException("seenAt", "the time of a sighting cannot be in the future");
    }
    if (seenAt.isBefore(childLastSeenAt.minus(EARLY_TOLERANCE))) {
      throw new InvalidRequestException(
          "seenAt", "the time of a sighting cannot be before the child went missing");
    }
  }

  /**
   * An officer's verdict: worth following up, or not. A verdict can be changed, with a new note;
   * the note replaces the earlier one (the audit trail keeps both).
   *
   * @throws InvalidRequestException if the verdict is {@link SightingStatus#NEW}
   */
  public void triage(SightingStatus verdict, String officer, Instant when, String note) {
    if (!verdict.isVerdict()) {
      throw new InvalidRequestException("status", "a verdict is RELEVANT or DISMISSED");
    }
    status = verdict;
    triagedBy = Objects.requireNonNull(officer);
    triagedAt = Objects.requireNonNull(when);
    triageNote = note == null || note.isBlank() ? null : note.trim();
  }

  public Long id() {
    return id;
  }

  public Alert alert() {
    return alert;
  }

  public Instant seenAt() {
    return seenAt;
  }

  public double latitude() {
    return latitude;
  }

  public double longitude() {
    return longitude;
  }

  public String description() {
    return description;
  }

  /** How to reach the reporter, if they said; personal data. */
  public String contact() {
    return contact;
  }

  public String provinceCode() {
    return provinceCode;
  }

  public String regionCode() {
    return regionCode;
  }

  /** The codes of the province and the region of the point. */
  public List<String> areaCodes() {
    return List.of(provinceCode, regionCode);
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  public String clientAddress() {
    return clientAddress;
  }

  public SightingStatus status() {
    return status;
  }

  public String triagedBy() {
    return triagedBy;
  }

  public Instant triagedAt() {
    return triagedAt;
  }

  public String triageNote() {
    return triageNote;
  }
}
