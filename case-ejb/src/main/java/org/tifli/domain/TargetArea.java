package org.tifli.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An area an alert reaches, and the stage of the widening schedule that reached it. */
@Embeddable
public class TargetArea {

  @Column(name = "area_code", nullable = false, length = 10)
  private String areaCode;

  @Column(name = "stage", nullable = false)
  private int stage;

  protected TargetArea() {}

  public TargetArea(String areaCode, int stage) {
    this.areaCode = areaCode;
    this.stage = stage;
  }

  public String areaCode() {
    return areaCode;
  }

  public int stage() {
    return stage;
  }
}
