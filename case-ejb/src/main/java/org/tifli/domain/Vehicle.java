package org.tifli.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A vehicle seen with a suspected abduction. */
@Embeddable
public class Vehicle {

  public static final int DESCRIPTION_LENGTH = 500;
  public static final int PLATE_LENGTH = 20;

  @Column(name = "vehicle_description", length = DESCRIPTION_LENGTH)
  private String description;

  @Column(name = "vehicle_plate", length = PLATE_LENGTH)
  private String plate;

  protected Vehicle() {}

  public Vehicle(String description, String plate) {
    this.description = description;
    this.plate = plate;
  }

  public String description() {
    return description;
  }

  public String plate() {
    return plate;
  }
}
