package org.tifli.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A missing child's case: what the reporting officer recorded, and where it stands.
 *
 * <p>The reference ({@code MC-2026-000123}) is fixed at intake and never reused. The province and
 * region come from the last-seen point; an alert targets them first.
 */
@Entity
@Table(name = "missing_child_case")
public class MissingChildCase {

  public static final int CIRCUMSTANCES_LENGTH = 4000;

  @Id
  @SequenceGenerator(name = "case_id_seq", sequenceName = "case_id_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_id_seq")
  private Long id;

  @Column(name = "reference", nullable = false, unique = true, length = 20)
  private String reference;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  private CaseStatus status;

  @Embedded private Child child;

  @Embedded private LastSeen lastSeen;

  @Column(name = "circumstances", length = CIRCUMSTANCES_LENGTH)
  private String circumstances;

  @Column(name = "province_code", length = 10)
  private String provinceCode;

  @Column(name = "region_code", length = 10)
  private String regionCode;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected MissingChildCase() {}

  public MissingChildCase(
      String reference,
      Child child,
      LastSeen lastSeen,
      String circumstances,
      String provinceCode,
      String regionCode,
      String createdBy,
      Instant createdAt) {
    this.reference = Objects.requireNonNull(reference);
    this.status = CaseStatus.OPEN;
    this.child = Objects.requireNonNull(child);
    this.lastSeen = Objects.requireNonNull(lastSeen);
    this.circumstances = circumstances;
    this.provinceCode = provinceCode;
    this.regionCode = regionCode;
    this.createdBy = Objects.requireNonNull(createdBy);
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  /** The codes of the areas the last-seen point lies in, province first; empty if at sea. */
  public List<String> areaCodes() {
    List<String> codes = new ArrayList<>(2);
    if (provinceCode != null) {
      codes.add(provinceCode);
    }
    if (regionCode != null) {
      codes.add(regionCode);
    }
    return codes;
  }

  public boolean isOpen() {
    return status == CaseStatus.OPEN;
  }

  public Long id() {
    return id;
  }

  public String reference() {
    return reference;
  }

  public CaseStatus status() {
    return status;
  }

  public Child child() {
    return child;
  }

  public LastSeen lastSeen() {
    return lastSeen;
  }

  public String circumstances() {
    return circumstances;
  }

  public String provinceCode() {
    return provinceCode;
  }

  public String regionCode() {
    return regionCode;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
