package org.tifli.geo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A target area as a CAP 1.2 {@code <area>} describes it: a polygon or a circle, written in CAP's
 * {@code latitude,longitude} order (WGS 84).
 */
public sealed interface AreaShape {

  /** The text of the CAP {@code <polygon>} or {@code <circle>} element. */
  String toCap();

  /**
   * A closed ring, as CAP's {@code <polygon>}: at least four points, the first equal to the last.
   *
   * @param points the ring's vertices, closing point included
   */
  record Outline(List<GeoPoint> points) implements AreaShape {
    public Outline {
      points = List.copyOf(points);
      if (points.size() < 4 || !points.get(0).equals(points.get(points.size() - 1))) {
        throw new IllegalArgumentException(
            "a CAP polygon is a closed ring of at least 4 points, got " + points);
      }
    }

    /** Pairs {@code lat,lon} separated by single spaces, e.g. {@code 33.5,-7.6 33.6,-7.5 ...}. */
    @Override
    public String toCap() {
      return points.stream()
          .map(p -> decimal(p.latitude()) + "," + decimal(p.longitude()))
          .collect(Collectors.joining(" "));
    }
  }

  /**
   * A circle, as CAP's {@code <circle>}.
   *
   * @param centre the centre point
   * @param radiusKm the radius in kilometres, zero or positive
   */
  record Circle(GeoPoint centre, double radiusKm) implements AreaShape {
    public Circle {
      Objects.requireNonNull(centre, "centre");
      if (!(radiusKm >= 0) || Double.isInfinite(radiusKm)) {
        throw new IllegalArgumentException("radius must be a finite km >= 0, was " + radiusKm);
      }
    }

    /** {@code lat,lon radius}, e.g. {@code 33.58831,-7.61138 20}. */
    @Override
    public String toCap() {
      return decimal(centre.latitude())
          + ","
          + decimal(centre.longitude())
          + " "
          + decimal(radiusKm);
    }
  }

  /** Plain decimal notation, at most 6 decimals (about 0.1 m), no exponent, no trailing zeros. */
  private static String decimal(double value) {
    return BigDecimal.valueOf(value)
        .setScale(6, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }
}
