package org.tifli.geo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.algorithm.MinimumAreaRectangle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.PolygonHullSimplifier;

/**
 * Turns target areas into shapes small enough for a CAP message.
 *
 * <p>An area's outline is a single valid ring of at most {@link #maxPoints()} points (closing point
 * included) that covers the area, since an alert should rather reach a little too far than miss a
 * street: holes are filled, small detached parts (under 1 % of the area, mostly slivers of the
 * boundary data) are dropped, an area of several large parts becomes their convex hull, and the
 * ring is reduced with JTS's outer polygon hull, which only ever grows the shape.
 *
 * <p>Thread-safe; outlines are computed once per area and kept.
 */
public final class CapShapes {

  /** Default upper bound on the points of one outline, closing point included. */
  public static final int DEFAULT_MAX_POINTS = 100;

  private static final double DROPPABLE_AREA_SHARE = 0.01;

  private final int maxPoints;
  private final Map<AdministrativeArea, AreaShape.Outline> outlines = new ConcurrentHashMap<>();

  /** Outlines of at most {@value #DEFAULT_MAX_POINTS} points. */
  public CapShapes() {
    this(DEFAULT_MAX_POINTS);
  }

  /**
   * @param maxPoints the most points an outline may have, closing point included; at least 4
   */
  public CapShapes(int maxPoints) {
    if (maxPoints < 4) {
      throw new IllegalArgumentException("a CAP polygon needs at least 4 points, got " + maxPoints);
    }
    this.maxPoints = maxPoints;
  }

  /** The most points an outline may have, closing point included. */
  public int maxPoints() {
    return maxPoints;
  }

  /** The simplified outline of an area, covering it. */
  public AreaShape.Outline outline(AdministrativeArea area) {
    return outlines.computeIfAbsent(area, a -> toOutline(simplify(cover(a.geometry()))));
  }

  /** The outlines of several areas, in the same order. */
  public List<AreaShape.Outline> outlines(List<AdministrativeArea> areas) {
    return areas.stream().map(this::outline).toList();
  }

  /** A CAP circle around a point, for a radius stage. */
  public static AreaShape.Circle circle(GeoPoint centre, double radiusKm) {
    return new AreaShape.Circle(centre, radiusKm);
  }

  /** One polygon without holes that covers the area, up to the dropped slivers. */
  private static Polygon cover(Geometry area) {
    List<Polygon> shells = new ArrayList<>();
    for (int i = 0; i < area.getNumGeometries(); i++) {
      Polygon part = (Polygon) area.getGeometryN(i);
      shells.add(area.getFactory().createPolygon(part.getExteriorRing().getCoordinateSequence()));
    }
    Polygon largest = shells.stream().max(Comparator.comparingDouble(Geometry::getArea)).get();
    double total = shells.stream().mapToDouble(Geometry::getArea).sum();
    if (total - largest.getArea() <= DROPPABLE_AREA_SHARE * total) {
      return largest;
    }
    return (Polygon) area.convexHull();
  }

  private Polygon simplify(Polygon polygon) {
    if (polygon.getNumPoints() <= maxPoints) {
      return polygon;
    }
    // The outer hull can shrink no further than the convex hull, so a few tries are enough.
    double fraction = (maxPoints - 1.0) / polygon.getNumPoints();
    for (int attempt = 0; attempt < 8; attempt++) {
      Geometry hull = PolygonHullSimplifier.hull(polygon, true, fraction);
      if (hull instanceof Polygon simplified
          && simplified.getNumPoints() <= maxPoints
          && simplified.isValid()) {
        return simplified;
      }
      fraction /= 2;
    }
    Geometry convex = polygon.convexHull();
    if (convex.getNumPoints() <= maxPoints) {
      return (Polygon) convex;
    }
    return (Polygon) MinimumAreaRectangle.getMinimumRectangle(polygon);
  }

  private static AreaShape.Outline toOutline(Polygon polygon) {
    List<GeoPoint> points = new ArrayList<>();
    for (Coordinate c : polygon.getExteriorRing().getCoordinates()) {
      points.add(new GeoPoint(c.y, c.x));
    }
    return new AreaShape.Outline(points);
  }
}
