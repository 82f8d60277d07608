package org.tifli.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** When and where the child was last seen: the centre of every target zone. */
@Embeddable
public class LastSeen {

  public static final int PLACE_LENGTH = 500;

  @Column(name = "last_seen_at", nullable = false)
  private Instant at;

  @Column(name = "last_seen_lat", nullable = false)
  private double latitude;

  @Column(name = "last_seen_lon", nullable = false)
  private double longitude;

  @Column(name = "last_seen_place", length = PLACE_LENGTH)
  private String place;

  protected LastSeen() {}

  public LastSeen(Instant at, double latitude, double longitude, String place) {
    this.at = at;
    this.latitude = latitude;
    this.longitude = longitude;
    this.place = place;
  }

  public Instant at() {
    return at;
  }

  public double latitude() {
    return latitude;
  }

  public double longitude() {
    return longitude;
  }

  public String place() {
    return place;
  }
}
