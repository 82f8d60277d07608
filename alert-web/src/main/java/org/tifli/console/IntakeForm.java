package org.tifli.console;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tifli.api.CaseJson.CaseRequest;
import org.tifli.api.CaseJson.ChildJson;
import org.tifli.api.CaseJson.GuardianJson;
import org.tifli.api.CaseJson.LastSeenJson;
import org.tifli.api.CaseJson.LikelyPlaceJson;
import org.tifli.api.CaseJson.VehicleJson;
import org.tifli.domain.Appearance;
import org.tifli.domain.Child;
import org.tifli.domain.LastSeen;
import org.tifli.domain.MissingChildCase;
import org.tifli.domain.Sex;
import org.tifli.domain.Vehicle;

/**
 * What an officer types into the intake wizard, kept as typed while the wizard is open (nothing is
 * lost when a step is refused), and turned into the API's own request shape, {@link CaseRequest},
 * to be checked and stored the way a police system's case is.
 *
 * <p>Hobbies are typed one a line; an empty text is no value at all, as in the API's JSON, where a
 * field left out is {@code null}.
 */
public class IntakeForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private String givenName;
  private String familyName;
  private String givenNameAr;
  private String familyNameAr;
  private LocalDate dateOfBirth;
  private Sex sex;
  private Integer heightCm;
  private String build;
  private String hair;
  private String eyes;
  private String distinguishingMarks;
  private String clothing;
  private List<String> languages = new ArrayList<>();
  private String medicalNeeds;
  private LocalDateTime lastSeenAt;
  private Double lastSeenLatitude;
  private Double lastSeenLongitude;
  private String lastSeenPlace;
  private String seenBy;
  private String circumstances;
  private boolean suspectedAbduction;
  private String suspect;
  private String vehicleDescription;
  private String vehiclePlate;
  private String hobbies;
  private String personalProblems;
  private String friendsAndContacts;
  private String reportingUnit;
  private final List<PlaceRow> likelyPlaces = new ArrayList<>();
  private final List<GuardianRow> guardians = new ArrayList<>(List.of(new GuardianRow()));

  /**
   * The last-seen time as stored, when the form shows a stored case: the form types minutes, so the
   * stored time is kept as it is unless the minute shown is changed.
   */
  private Instant storedLastSeenAt;

  /** A form holding a stored case as it is, for revising it. */
  static IntakeForm of(MissingChildCase stored, ZoneId zone) {
    IntakeForm form = new IntakeForm();
    Child child = stored.child();
    Appearance looks = child.appearance();
    form.givenName = child.givenName();
    form.familyName = child.familyName();
    form.givenNameAr = child.givenNameAr();
    form.familyNameAr = child.familyNameAr();
    form.dateOfBirth = child.dateOfBirth();
    form.sex = child.sex();
    form.heightCm = looks.heightCm();
    form.build = looks.build();
    form.hair = looks.hair();
    form.eyes = looks.eyes();
    form.distinguishingMarks = looks.distinguishingMarks();
    form.clothing = looks.clothing();
    form.languages =
        child.languages() == null ? new ArrayList<>() : new ArrayList<>(child.languages());
    form.medicalNeeds = child.medicalNeeds();

    LastSeen seen = stored.lastSeen();
    form.storedLastSeenAt = seen.at();
    form.lastSeenAt = minuteOf(seen.at(), zone);
    form.lastSeenLatitude = seen.latitude();
    form.lastSeenLongitude = seen.longitude();
    form.lastSeenPlace = seen.place();
    form.seenBy = seen.seenBy();

    form.circumstances = stored.circumstances();
    form.suspectedAbduction = stored.suspectedAbduction();
    form.suspect = stored.suspect();
    Vehicle vehicle = stored.vehicle();
    if (vehicle != null) {
      form.vehicleDescription = vehicle.description();
      form.vehiclePlate = vehicle.plate();
    }
    form.hobbies = stored.hobbies() == null ? null : String.join("\n", stored.hobbies());
    form.personalProblems = stored.personalProblems();
    form.friendsAndContacts = stored.friendsAndContacts();
    form.reportingUnit = stored.reportingUnit();
    stored
        .likelyPlaces()
        .forEach(
            p -> {
              PlaceRow row = new PlaceRow();
              row.description = p.description();
              row.latitude = p.latitude();
              row.longitude = p.longitude();
              form.likelyPlaces.add(row);
            });
    if (!stored.guardians().isEmpty()) {
      form.guardians.clear();
    }
    stored
        .guardians()
        .forEach(
            g -> {
              GuardianRow row = new GuardianRow();
              row.name = g.name();
              row.relation = g.relation();
              row.phone = g.phone();
              form.guardians.add(row);
            });
    return form;
  }

  /** A place the child may go, with optional coordinates. */
  public static class PlaceRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private String description;
    private Double latitude;
    private Double longitude;

    public String getDescription() {
      return description;
    }

    public void setDescription(String description) {
      this.description = description;
    }

    public Double getLatitude() {
      return latitude;
    }

    public void setLatitude(Double latitude) {
      this.latitude = latitude;
    }

    public Double getLongitude() {
      return longitude;
    }

    public void setLongitude(Double longitude) {
      this.longitude = longitude;
    }
  }

  /** A guardian who reported the disappearance, with how to reach them. */
  public static class GuardianRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String relation;
    private String phone;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getRelation() {
      return relation;
    }

    public void setRelation(String relation) {
      this.relation = relation;
    }

    public String getPhone() {
      return phone;
    }

    public void setPhone(String phone) {
      this.phone = phone;
    }

    boolean isEmpty() {
      return blank(name) && blank(relation) && blank(phone);
    }
  }

  /**
   * The API's request for what was typed; the last-seen time is read in the installation's time
   * zone. Rows left entirely empty are no rows.
   */
  public CaseRequest toRequest(ZoneId zone) {
    return new CaseRequest(
        new ChildJson(
            text(givenName),
            text(familyName),
            text(givenNameAr),
            text(familyNameAr),
            dateOfBirth,
            sex,
            heightCm,
            text(build),
            text(hair),
            text(eyes),
            text(distinguishingMarks),
            text(clothing),
            languages == null || languages.isEmpty() ? null : List.copyOf(languages),
            text(medicalNeeds)),
        new LastSeenJson(
            lastSeenAt(zone),
            lastSeenLatitude,
            lastSeenLongitude,
            text(lastSeenPlace),
            text(seenBy)),
        text(circumstances),
        suspectedAbduction,
        text(suspect),
        blank(vehicleDescription) && blank(vehiclePlate)
            ? null
            : new VehicleJson(text(vehicleDescription), text(vehiclePlate)),
        hobbies == null
            ? null
            : Arrays.stream(hobbies.split("\\R"))
                .map(String::strip)
                .filter(h -> !h.isEmpty())
                .toList(),
        text(personalProblems),
        likelyPlaces.stream()
            .filter(p -> !blank(p.description) || p.latitude != null || p.longitude != null)
            .map(p -> new LikelyPlaceJson(text(p.description), p.latitude, p.longitude))
            .toList(),
        text(friendsAndContacts),
        guardians.stream()
            .filter(g -> !g.isEmpty())
            .map(g -> new GuardianJson(text(g.name), text(g.relation), text(g.phone)))
            .toList(),
        text(reportingUnit));
  }

  private Instant lastSeenAt(ZoneId zone) {
    if (lastSeenAt == null) {
      return null;
    }
    if (storedLastSeenAt != null && lastSeenAt.equals(minuteOf(storedLastSeenAt, zone))) {
      return storedLastSeenAt;
    }
    return lastSeenAt.atZone(zone).toInstant();
  }

  private static LocalDateTime minuteOf(Instant at, ZoneId zone) {
    return at == null ? null : LocalDateTime.ofInstant(at, zone).truncatedTo(ChronoUnit.MINUTES);
  }

  /**
   * The index, among the rows the request keeps, of each row shown: validation names a row by its
   * place in the request, the page by its place on the screen, and empty rows are dropped.
   */
  public List<Integer> shownPlaceRows() {
    List<Integer> shown = new ArrayList<>();
    for (int i = 0; i < likelyPlaces.size(); i++) {
      PlaceRow p = likelyPlaces.get(i);
      if (!blank(p.description) || p.latitude != null || p.longitude != null) {
        shown.add(i);
      }
    }
    return shown;
  }

  /** As {@link #shownPlaceRows}, for guardians. */
  public List<Integer> shownGuardianRows() {
    List<Integer> shown = new ArrayList<>();
    for (int i = 0; i < guardians.size(); i++) {
      if (!guardians.get(i).isEmpty()) {
        shown.add(i);
      }
    }
    return shown;
  }

  public void addPlace() {
    likelyPlaces.add(new PlaceRow());
  }

  public void removePlace(int index) {
    likelyPlaces.remove(index);
  }

  public void addGuardian() {
    guardians.add(new GuardianRow());
  }

  public void removeGuardian(int index) {
    guardians.remove(index);
  }

  public List<PlaceRow> getLikelyPlaces() {
    return likelyPlaces;
  }

  public List<GuardianRow> getGuardians() {
    return guardians;
  }

  public String getGivenName() {
    return givenName;
  }

  public void setGivenName(String givenName) {
    this.givenName = givenName;
  }

  public String getFamilyName() {
    return familyName;
  }

  public void setFamilyName(String familyName) {
    this.familyName = familyName;
  }

  public String getGivenNameAr() {
    return givenNameAr;
  }

  public void setGivenNameAr(String givenNameAr) {
    this.givenNameAr = givenNameAr;
  }

  public String getFamilyNameAr() {
    return familyNameAr;
  }

  public void setFamilyNameAr(String familyNameAr) {
    this.familyNameAr = familyNameAr;
  }

  public LocalDate getDateOfBirth() {
    return dateOfBirth;
  }

  public void setDateOfBirth(LocalDate dateOfBirth) {
    this.dateOfBirth = dateOfBirth;
  }

  public Sex getSex() {
    return sex;
  }

  public void setSex(Sex sex) {
    this.sex = sex;
  }

  public Integer getHeightCm() {
    return heightCm;
  }

  public void setHeightCm(Integer heightCm) {
    this.heightCm = heightCm;
  }

  public String getBuild() {
    return build;
  }

  public void setBuild(String build) {
    this.build = build;
  }

  public String getHair() {
    return hair;
  }

  public void setHair(String hair) {
    this.hair = hair;
  }

  public String getEyes() {
    return eyes;
  }

  public void setEyes(String eyes) {
    this.eyes = eyes;
  }

  public String getDistinguishingMarks() {
    return distinguishingMarks;
  }

  public void setDistinguishingMarks(String distinguishingMarks) {
    this.distinguishingMarks = distinguishingMarks;
  }

  public String getClothing() {
    return clothing;
  }

  public void setClothing(String clothing) {
    this.clothing = clothing;
  }

  public List<String> getLanguages() {
    return languages;
  }

  public void setLanguages(List<String> languages) {
    this.languages = languages;
  }

  public String getMedicalNeeds() {
    return medicalNeeds;
  }

  public void setMedicalNeeds(String medicalNeeds) {
    this.medicalNeeds = medicalNeeds;
  }

  public LocalDateTime getLastSeenAt() {
    return lastSeenAt;
  }

  public void setLastSeenAt(LocalDateTime lastSeenAt) {
    this.lastSeenAt = lastSeenAt;
  }

  public Double getLastSeenLatitude() {
    return lastSeenLatitude;
  }

  public void setLastSeenLatitude(Double lastSeenLatitude) {
    this.lastSeenLatitude = lastSeenLatitude;
  }

  public Double getLastSeenLongitude() {
    return lastSeenLongitude;
  }

  public void setLastSeenLongitude(Double lastSeenLongitude) {
    this.lastSeenLongitude = lastSeenLongitude;
  }

  public String getLastSeenPlace() {
    return lastSeenPlace;
  }

  public void setLastSeenPlace(String lastSeenPlace) {
    this.lastSeenPlace = lastSeenPlace;
  }

  public String getSeenBy() {
    return seenBy;
  }

  public void setSeenBy(String seenBy) {
    this.seenBy = seenBy;
  }

  public String getCircumstances() {
    return circumstances;
  }

  public void setCircumstances(String circumstances) {
    this.circumstances = circumstances;
  }

  public boolean getSuspectedAbduction() {
    return suspectedAbduction;
  }

  public void setSuspectedAbduction(boolean suspectedAbduction) {
    this.suspectedAbduction = suspectedAbduction;
  }

  public String getSuspect() {
    return suspect;
  }

  public void setSuspect(String suspect) {
    this.suspect = suspect;
  }

  public String getVehicleDescription() {
    return vehicleDescription;
  }

  public void setVehicleDescription(String vehicleDescription) {
    this.vehicleDescription = vehicleDescription;
  }

  public String getVehiclePlate() {
    return vehiclePlate;
  }

  public void setVehiclePlate(String vehiclePlate) {
    this.vehiclePlate = vehiclePlate;
  }

  public String getHobbies() {
    return hobbies;
  }

  public void setHobbies(String hobbies) {
    this.hobbies = hobbies;
  }

  public String getPersonalProblems() {
    return personalProblems;
  }

  public void setPersonalProblems(String personalProblems) {
    this.personalProblems = personalProblems;
  }

  public String getFriendsAndContacts() {
    return friendsAndContacts;
  }

  public void setFriendsAndContacts(String friendsAndContacts) {
    this.friendsAndContacts = friendsAndContacts;
  }

  public String getReportingUnit() {
    return reportingUnit;
  }

  public void setReportingUnit(String reportingUnit) {
    this.reportingUnit = reportingUnit;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String text(String value) {
    return blank(value) ? null : value;
  }
}
