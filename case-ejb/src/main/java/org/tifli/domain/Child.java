package org.tifli.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.time.Period;

/** The child as described at intake. Personal data: never logged, published only by an alert. */
@Embeddable
public class Child {

  public static final int NAME_LENGTH = 100;

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

  protected Child() {}

  public Child(
      String givenName,
      String familyName,
      String givenNameAr,
      String familyNameAr,
      LocalDate dateOfBirth,
      Sex sex) {
    this.givenName = givenName;
    this.familyName = familyName;
    this.givenNameAr = givenNameAr;
    this.familyNameAr = familyNameAr;
    this.dateOfBirth = dateOfBirth;
    this.sex = sex;
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
}
