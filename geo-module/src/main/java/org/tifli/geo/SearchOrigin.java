package org.tifli.geo;

import java.util.List;
import java.util.Objects;

/**
 * Where a search starts: the point where a missing child was last seen, and the likely places
 * (home, school, relatives) the intake recorded: the geographic input of every target zone.
 *
 * @param point the last-seen position
 * @param likelyPlaces further positions whose provinces every stage includes; may be empty
 */
public record SearchOrigin(GeoPoint point, List<GeoPoint> likelyPlaces) {

  public SearchOrigin {
    Objects.requireNonNull(point, "point");
    likelyPlaces = List.copyOf(likelyPlaces);
  }

  /** A last-seen point without likely places. */
  public static SearchOrigin at(double latitude, double longitude) {
    return new SearchOrigin(new GeoPoint(latitude, longitude), List.of());
  }
}
