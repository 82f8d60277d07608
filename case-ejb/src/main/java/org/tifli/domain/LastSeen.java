package org.tifli.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** When and where the child was last seen: the centre of every target zone. */
@Embeddable
public class LastSeen {

  public static final int PLACE_LENGTH = 500;
  public static final int SEEN_BY_LENGTH = 200;

  @Column(name = "last_seen_at", nullable = false)
  private Instant at;

  @Column(name = "last_seen_lat", nullable = false)
  private double latitude;

  @Column(name = "last_seen_lon", nullable = false)
  private double longitude;

  @Column(name = "last_seen_place", length = PLACE_LENGTH)
  private String place;

  /** Who saw the child last: a parent, a teacher, a shopkeeper. */
  @Column(name = "last_seen_by", length = SEEN_BY_LENGTH)
  private String seenBy;

  protected LastSeen() {}

  public LastSeen(Instant at, double latitude, double longitude, String place, String seenBy) {
    this.at = at;
    this.latitude = latitude;
    this.longitude = longitude;
    this.place = place;
    this.seenBy = seenBy;
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

  public String seenBy() {
    return seenBy;
  }
}
