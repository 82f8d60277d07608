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

/**
 * An account that serves an area on one platform: a Facebook Page, a Telegram channel, a partner
 * webhook. Its credential is held sealed (encrypted); only the publisher opens it, at the moment of
 * posting.
 */
@Entity
@Table(name = "channel")
@NamedQuery(
    name = Channel.IN_AREAS,
    query = "SELECT c FROM Channel c WHERE c.areaCode IN :areas ORDER BY c.areaCode, c.id")
@NamedQuery(name = Channel.ALL, query = "SELECT c FROM Channel c ORDER BY c.areaCode, c.id")
public class Channel {

  public static final String IN_AREAS = "Channel.inAreas";
  public static final String ALL = "Channel.all";
  public static final int ACCOUNT_ID_LENGTH = 200;

  /** The longest credential, in bytes of UTF-8: sealed, it fits {@link #SEALED_SECRET_LENGTH}. */
  public static final int SECRET_BYTES = 2000;

  public static final int SEALED_SECRET_LENGTH = 4000;

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
}
