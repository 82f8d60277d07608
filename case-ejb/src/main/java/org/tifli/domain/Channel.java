package org.tifli.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An account that serves an area on one platform: a Facebook Page, a Telegram channel, a partner
 * webhook. Its credential is held sealed (encrypted); only the publisher opens it, at the moment of
 * posting.
 *
 * <p>A channel that the platform refuses (its token revoked or expired, a permission missing) needs
 * a fix: it keeps the platform's error as its problem, and its deliveries wait until a new secret
 * is given. A retired channel gets no new deliveries; it stays, with its ledger, and can be brought
 * back. Its area, platform and account never change: another account is another channel.
 */
@Entity
@Table(name = "channel")
@NamedQuery(
    name = Channel.IN_AREAS,
    query = "SELECT c FROM Channel c WHERE c.areaCode IN :areas ORDER BY c.areaCode, c.id")
@NamedQuery(
    name = Channel.SERVING,
    query =
        "SELECT c FROM Channel c WHERE c.areaCode IN :areas AND c.retiredAt IS NULL"
            + " ORDER BY c.areaCode, c.id")
@NamedQuery(name = Channel.ALL, query = "SELECT c FROM Channel c ORDER BY c.areaCode, c.id")
public class Channel {

  public static final String IN_AREAS = "Channel.inAreas";
  public static final String SERVING = "Channel.serving";
  public static final String ALL = "Channel.all";
  public static final int ACCOUNT_ID_LENGTH = 200;

  /** The longest credential, in bytes of UTF-8: sealed, it fits {@link #SEALED_SECRET_LENGTH}. */
  public static final int SECRET_BYTES = 2000;

  public static final int SEALED_SECRET_LENGTH = 4000;

  public static final int PROBLEM_LENGTH = 2000;

  @Id
  @SequenceGenerator(name = "channel_id_seq", sequenceName = "channel_id_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "channel_id_seq")
  private Long id;

  @Column(name = "area_code", nullable = false, length = 10)
  private String areaCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "platform", nullable = false, length = 20)
  private Platform platform;

  @Column(name = "account_id", nullable = false, length = ACCOUNT_ID_LENGTH)
  private String accountId;

  @Column(name = "sealed_secret", nullable = false, length = SEALED_SECRET_LENGTH)
  private String sealedSecret;

  @Column(name = "languages", nullable = false, length = 100)
  private String languages;

  @Column(name = "exercise", nullable = false)
  private boolean exercise;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** When an administrator took the channel out of service; null while it serves. */
  @Column(name = "retired_at")
  private Instant retiredAt;

  /** The platform's refusal that stopped the channel; null while its credential is accepted. */
  @Column(name = "problem", length = PROBLEM_LENGTH)
  private String problem;

  @Column(name = "problem_since")
  private Instant problemSince;

  @Version private long version;

  protected Channel() {}

  public Channel(
      String areaCode,
      Platform platform,
      String accountId,
      String sealedSecret,
      List<String> languages,
      boolean exercise,
      Instant createdAt) {
    this.areaCode = Objects.requireNonNull(areaCode);
    this.platform = Objects.requireNonNull(platform);
    this.accountId = Objects.requireNonNull(accountId);
    this.sealedSecret = Objects.requireNonNull(sealedSecret);
    this.languages = String.join(",", languages);
    this.exercise = exercise;
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  public Long id() {
    return id;
  }

  public String areaCode() {
    return areaCode;
  }

  public Platform platform() {
    return platform;
  }

  public String accountId() {
    return accountId;
  }

  /** The credential, encrypted; see {@code SecretCipher}. */
  public String sealedSecret() {
    return sealedSecret;
  }

  public List<String> languages() {
    return languages.isEmpty() ? List.of() : Arrays.asList(languages.split(","));
  }

  public boolean exercise() {
    return exercise;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public ChannelStatus status() {
    if (retiredAt != null) {
      return ChannelStatus.RETIRED;
    }
    return problem != null ? ChannelStatus.NEEDS_FIX : ChannelStatus.ACTIVE;
  }

  /** Whether the platform refused the credential and nobody has replaced it since. */
  public boolean needsFix() {
    return problem != null;
  }

  public boolean isRetired() {
    return retiredAt != null;
  }

  /** The platform's error that stopped the channel (never the credential), if it is stopped. */
  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  public Optional<Instant> problemSince() {
    return Optional.ofNullable(problemSince);
  }

  public Optional<Instant> retiredAt() {
    return Optional.ofNullable(retiredAt);
  }

  /**
   * Stops the channel until its credential is replaced, keeping the platform's error.
   *
   * @return true when the channel was working until now; false when it was stopped already (the
   *     latest error replaces the earlier one, the time it stopped stays)
   */
  public boolean markNeedsFix(String platformError, Instant when) {
    boolean wasWorking = problem == null;
    problem = truncate(Objects.requireNonNull(platformError), PROBLEM_LENGTH);
    if (wasWorking) {
      problemSince = Objects.requireNonNull(when);
    }
    return wasWorking;
  }

  /**
   * Takes a new credential, sealed. Whatever the platform refused before is considered fixed: the
   * channel works again.
   *
   * @return true when the channel needed a fix until now
   */
  public boolean replaceSecret(String newSealedSecret) {
    boolean neededFix = problem != null;
    sealedSecret = Objects.requireNonNull(newSealedSecret);
    problem = null;
    problemSince = null;
    return neededFix;
  }

  public void changeLanguages(List<String> newLanguages) {
    languages = String.join(",", newLanguages);
  }

  public void changeExercise(boolean takesExercises) {
    exercise = takesExercises;
  }

  /** Takes the channel out of service: it gets no new deliveries. */
  public void retire(Instant when) {
    if (retiredAt != null) {
      throw new IllegalTransitionException("channel " + id + " is retired already");
    }
    retiredAt = Objects.requireNonNull(when);
  }

  /** Brings a retired channel back into service, for the alerts and stages to come. */
  public void reinstate() {
    if (retiredAt == null) {
      throw new IllegalTransitionException("channel " + id + " is not retired");
    }
    retiredAt = null;
  }

  private static String truncate(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }
}
