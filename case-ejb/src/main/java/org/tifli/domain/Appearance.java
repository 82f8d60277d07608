package org.tifli.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** How the child looks and was dressed when last seen: what lets the public recognise them. */
@Embeddable
public class Appearance {

  public static final int TRAIT_LENGTH = 100;
  public static final int DESCRIPTION_LENGTH = 1000;
  public static final int MIN_HEIGHT_CM = 30;
  public static final int MAX_HEIGHT_CM = 230;

  @Column(name = "height_cm")
  private Integer heightCm;

  @Column(name = "build", length = TRAIT_LENGTH)
  private String build;

  @Column(name = "hair", length = TRAIT_LENGTH)
  private String hair;

  @Column(name = "eyes", length = TRAIT_LENGTH)
  private String eyes;

  @Column(name = "distinguishing_marks", length = DESCRIPTION_LENGTH)
  private String distinguishingMarks;

  @Column(name = "clothing", length = DESCRIPTION_LENGTH)
  private String clothing;

  protected Appearance() {}

  public Appearance(
      Integer heightCm,
      String build,
      String hair,
      String eyes,
      String distinguishingMarks,
      String clothing) {
    this.heightCm = heightCm;
    this.build = build;
    this.hair = hair;
    this.eyes = eyes;
    this.distinguishingMarks = distinguishingMarks;
    this.clothing = clothing;
  }

  public Integer heightCm() {
    return heightCm;
  }

  public String build() {
    return build;
  }

  public String hair() {
    return hair;
  }

  public String eyes() {
    return eyes;
  }

  public String distinguishingMarks() {
    return distinguishingMarks;
  }

  public String clothing() {
    return clothing;
  }
}
