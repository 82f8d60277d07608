package org.tifli.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A place the child may go: a relative's home, a friend's, a beach. With coordinates, its province
 * joins the alert's first target zone.
 */
@Embeddable
public class LikelyPlace {

  public static final int DESCRIPTION_LENGTH = 500;

  @Column(name = "description", nullable = false, length = DESCRIPTION_LENGTH)
  private String description;

  @Column(name = "latitude")
  private Double latitude;

  @Column(name = "longitude")
  private Double longitude;

  protected LikelyPlace() {}

  public LikelyPlace(String description, Double latitude, Double longitude) {
    this.description = description;
    this.latitude = latitude;
    this.longitude = longitude;
  }

  public boolean hasCoordinates() {
    return latitude != null && longitude != null;
  }

  public String description() {
    return description;
  }

  public Double latitude() {
    return latitude;
  }

  public Double longitude() {
    return longitude;
  }
}
