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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A missing child's case: what the reporting officer recorded, and where it stands.
 *
 * <p>The reference ({@code MC-2026-000123}) is fixed at intake and never reused. The province and
 * region come from the last-seen point; an alert targets them first. A case is open until it is
 * resolved with an outcome; after that its details can no longer be revised.
 */
@Entity
@Table(name = "missing_child_case")
public class MissingChildCase {

  public static final int CIRCUMSTANCES_LENGTH = CaseDetails.TEXT_LENGTH;
  public static final int NOTE_LENGTH = 4000;

  /**
   * The fields of {@link #auditedFields()} that an alert shows the public: a change of any of them
   * is an update of the case's active alerts.
   */
  public static final Set<String> PUBLISHED_FIELDS =
      Set.of(
          "child.givenName",
          "child.familyName",
          "child.givenNameAr",
          "child.familyNameAr",
          "child.dateOfBirth",
          "child.sex",
          "child.heightCm",
          "child.build",
          "child.hair",
          "child.eyes",
          "child.distinguishingMarks",
          "child.clothing",
          "lastSeen.at",
          "lastSeen.latitude",
          "lastSeen.longitude",
          "lastSeen.place");

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

  @Column(name = "suspected_abduction", nullable = false)
  private boolean suspectedAbduction;

  @Column(name = "suspect", length = CaseDetails.TEXT_LENGTH)
  private String suspect;

  @Embedded private Vehicle vehicle;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "case_hobby", joinColumns = @JoinColumn(name = "case_id"))
  @OrderColumn(name = "position")
  @Column(name = "hobby", nullable = false, length = CaseDetails.HOBBY_LENGTH)
  private List<String> hobbies = new ArrayList<>();

  @Column(name = "personal_problems", length = CaseDetails.TEXT_LENGTH)
  private String personalProblems;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "case_likely_place", joinColumns = @JoinColumn(name = "case_id"))
  @OrderColumn(name = "position")
  private List<LikelyPlace> likelyPlaces = new ArrayList<>();

  @Column(name = "friends_and_contacts", length = CaseDetails.TEXT_LENGTH)
  private String friendsAndContacts;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "case_guardian", joinColumns = @JoinColumn(name = "case_id"))
  @OrderColumn(name = "position")
  private List<Guardian> guardians = new ArrayList<>();

  @Column(name = "reporting_unit", length = CaseDetails.UNIT_LENGTH)
  private String reportingUnit;

  @Column(name = "province_code", length = 10)
  private String provinceCode;

  @Column(name = "region_code", length = 10)
  private String regionCode;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "outcome", length = 20)
  private CaseOutcome outcome;

  @Column(name = "resolution_note", length = NOTE_LENGTH)
  private String resolutionNote;

  @Column(name = "resolved_by", length = 64)
  private String resolvedBy;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  @Version private long version;

  protected MissingChildCase() {}

  public MissingChildCase(
      String reference,
      CaseDetails details,
      String provinceCode,
      String regionCode,
      String createdBy,
      Instant createdAt) {
    this.reference = Objects.requireNonNull(reference);
    this.status = CaseStatus.OPEN;
    this.createdBy = Objects.requireNonNull(createdBy);
    this.createdAt = Objects.requireNonNull(createdAt);
    apply(details, provinceCode, regionCode);
  }

  /**
   * Replaces what the intake recorded with a revised version, and the areas with those of the
   * (possibly moved) last-seen point.
   *
   * @throws IllegalTransitionException if the case is no longer open
   */
  /**
   * Empties the intake's lists (hobbies, likely places, guardians) ahead of a revision, which is to
   * be flushed in between. The revision then writes every row afresh; left to compare the old list
   * with the new one, the persistence provider renumbers rows in place, and that breaks the primary
   * key (case, position) of their tables as soon as an element moves or one is added in front.
   */
  public void emptyLists() {
    hobbies.clear();
    likelyPlaces.clear();
    guardians.clear();
  }

  public void revise(CaseDetails details, String provinceCode, String regionCode) {
    requireOpen("revised");
    apply(details, provinceCode, regionCode);
  }

  /**
   * Ends the case with its outcome.
   *
   * @throws IllegalTransitionException if it has already ended
   */
  public void resolve(CaseOutcome outcome, String note, String supervisor, Instant when) {
    requireOpen("resolved");
    this.status = outcome.closingStatus();
    this.outcome = outcome;
    this.resolutionNote = note;
    this.resolvedBy = supervisor;
    this.resolvedAt = when;
  }

  private void requireOpen(String what) {
    if (!isOpen()) {
      throw new IllegalTransitionException(
          "case " + reference + " is " + status + " and cannot be " + what);
    }
  }

  private void apply(CaseDetails details, String provinceCode, String regionCode) {
    this.child = details.child();
    this.lastSeen = details.lastSeen();
    this.circumstances = details.circumstances();
    this.suspectedAbduction = details.suspectedAbduction();
    this.suspect = details.suspect();
    this.vehicle = details.vehicle();
    this.hobbies = new ArrayList<>(details.hobbies());
    this.personalProblems = details.personalProblems();
    this.likelyPlaces = new ArrayList<>(details.likelyPlaces());
    this.friendsAndContacts = details.friendsAndContacts();
    this.guardians = new ArrayList<>(details.guardians());
    this.reportingUnit = details.reportingUnit();
    this.provinceCode = provinceCode;
    this.regionCode = regionCode;
  }

  /** What the intake recorded, as it stands. */
  public CaseDetails details() {
    return new CaseDetails(
        child,
        lastSeen,
        circumstances,
        suspectedAbduction,
        suspect,
        vehicle,
        hobbies,
        personalProblems,
        likelyPlaces,
        friendsAndContacts,
        guardians,
        reportingUnit);
  }

  /**
   * The recorded details as flat field paths and text values, for the audit trail to compare a
   * revision with. Guardians' phone numbers appear only as whether one is recorded.
   */
  public Map<String, String> auditedFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    Appearance looks = child.appearance();
    put(fields, "child.givenName", child.givenName());
    put(fields, "child.familyName", child.familyName());
    put(fields, "child.givenNameAr", child.givenNameAr());
    put(fields, "child.familyNameAr", child.familyNameAr());
    put(fields, "child.dateOfBirth", child.dateOfBirth());
    put(fields, "child.sex", child.sex());
    put(fields, "child.heightCm", looks.heightCm());
    put(fields, "child.build", looks.build());
    put(fields, "child.hair", looks.hair());
    put(fields, "child.eyes", looks.eyes());
    put(fields, "child.distinguishingMarks", looks.distinguishingMarks());
    put(fields, "child.clothing", looks.clothing());
    put(fields, "child.languages", String.join(",", child.languages()));
    put(fields, "child.medicalNeeds", child.medicalNeeds());
    put(fields, "lastSeen.at", lastSeen.at());
    put(fields, "lastSeen.latitude", lastSeen.latitude());
    put(fields, "lastSeen.longitude", lastSeen.longitude());
    put(fields, "lastSeen.place", lastSeen.place());
    put(fields, "lastSeen.seenBy", lastSeen.seenBy());
    put(fields, "circumstances", circumstances);
    put(fields, "suspectedAbduction", suspectedAbduction);
    put(fields, "suspect", suspect);
    put(fields, "vehicle.description", vehicle == null ? null : vehicle.description());
    put(fields, "vehicle.plate", vehicle == null ? null : vehicle.plate());
    put(fields, "hobbies", String.join(" | ", hobbies));
    put(fields, "personalProblems", personalProblems);
    for (int i = 0; i < likelyPlaces.size(); i++) {
      LikelyPlace place = likelyPlaces.get(i);
      put(fields, "likelyPlaces[" + i + "].description", place.description());
      put(fields, "likelyPlaces[" + i + "].latitude", place.latitude());
      put(fields, "likelyPlaces[" + i + "].longitude", place.longitude());
    }
    put(fields, "friendsAndContacts", friendsAndContacts);
    for (int i = 0; i < guardians.size(); i++) {
      Guardian guardian = guardians.get(i);
      put(fields, "guardians[" + i + "].name", guardian.name());
      put(fields, "guardians[" + i + "].relation", guardian.relation());
      put(fields, "guardians[" + i + "].phone", guardian.phone() == null ? null : "(recorded)");
    }
    put(fields, "reportingUnit", reportingUnit);
    put(fields, "areas", String.join(",", areaCodes()));
    return fields;
  }

  private static void put(Map<String, String> fields, String name, Object value) {
    fields.put(name, value == null ? null : value.toString());
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

  public boolean suspectedAbduction() {
    return suspectedAbduction;
  }

  public String suspect() {
    return suspect;
  }

  /** Null when no vehicle was recorded. */
  public Vehicle vehicle() {
    return vehicle;
  }

  public List<String> hobbies() {
    return List.copyOf(hobbies);
  }

  public String personalProblems() {
    return personalProblems;
  }

  public List<LikelyPlace> likelyPlaces() {
    return List.copyOf(likelyPlaces);
  }

  public String friendsAndContacts() {
    return friendsAndContacts;
  }

  public List<Guardian> guardians() {
    return List.copyOf(guardians);
  }

  public String reportingUnit() {
    return reportingUnit;
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

  /** Null while the case is open. */
  public CaseOutcome outcome() {
    return outcome;
  }

  public String resolutionNote() {
    return resolutionNote;
  }

  public String resolvedBy() {
    return resolvedBy;
  }

  public Instant resolvedAt() {
    return resolvedAt;
  }
}
