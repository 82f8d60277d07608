package org.tifli.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;

/** The child as described at intake. Personal data: never logged, published only by an alert. */
@Embeddable
public class Child {

  public static final int NAME_LENGTH = 100;
  public static final int LANGUAGES_LENGTH = 200;
  public static final int MEDICAL_NEEDS_LENGTH = 1000;

  @Column(name = "given_name", nullable = false, length = NAME_LENGTH)
  private String givenName;

  @Column(name = "family_name", nullable = false, length = NAME_LENGTH)
  private String familyName;

  @Column(name = "given_name_ar", length = NAME_LENGTH)
  private String givenNameAr;

  @Column(name = "family_name_ar", length = NAME_LENGTH)
  private String familyNameAr;

  @Column(name = "date_of_birth", nullable = false)
  private LocalDate dateOfBirth;

  @Enumerated(EnumType.STRING)
  @Column(name = "sex", nullable = false, length = 10)
  private Sex sex;

  @Embedded private Appearance appearance;

  /** The languages the child speaks, comma-separated. */
  @Column(name = "languages", length = LANGUAGES_LENGTH)
  private String languages;

  @Column(name = "medical_needs", length = MEDICAL_NEEDS_LENGTH)
  private String medicalNeeds;

  protected Child() {}

  public Child(
      String givenName,
      String familyName,
      String givenNameAr,
      String familyNameAr,
      LocalDate dateOfBirth,
      Sex sex,
      Appearance appearance,
      List<String> languages,
      String medicalNeeds) {
    this.givenName = givenName;
    this.familyName = familyName;
    this.givenNameAr = givenNameAr;
    this.familyNameAr = familyNameAr;
    this.dateOfBirth = dateOfBirth;
    this.sex = sex;
    this.appearance = appearance;
    this.languages = languages == null || languages.isEmpty() ? null : String.join(",", languages);
    this.medicalNeeds = medicalNeeds;
  }

  /** Age in whole years on the given day. */
  public int ageOn(LocalDate day) {
    return Period.between(dateOfBirth, day).getYears();
  }

  public String givenName() {
    return givenName;
  }

  public String familyName() {
    return familyName;
  }

  public String givenNameAr() {
    return givenNameAr;
  }

  public String familyNameAr() {
    return familyNameAr;
  }

  public LocalDate dateOfBirth() {
    return dateOfBirth;
  }

  public Sex sex() {
    return sex;
  }

  /** Never null: a child recorded without any detail of appearance has an empty one. */
  public Appearance appearance() {
    return appearance == null ? new Appearance(null, null, null, null, null, null) : appearance;
  }

  public List<String> languages() {
    return languages == null ? List.of() : Arrays.asList(languages.split(","));
  }

  public String medicalNeeds() {
    return medicalNeeds;
  }
}
