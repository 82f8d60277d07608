package org.tifli.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * A spherical azimuthal equidistant projection centred on one point, in kilometres.
 *
 * <p>Its defining property is what ground distances need: the distance from the centre to any
 * projected point equals the great-circle distance, whatever the direction. Distances from the
 * centre to a projected polygon are therefore true ground distances, up to the straightness of the
 * polygon's short edges.
 */
final class AzimuthalEquidistant {

  private static final double KM_PER_DEGREE = Math.toRadians(GeoPoint.EARTH_RADIUS_KM);
  private static final Point CENTRE = AreaFileReader.WGS84.createPoint(new Coordinate(0, 0));

  private final double lambda0;
  private final double sinPhi0;
  private final double cosPhi0;

  AzimuthalEquidistant(double latitude, double longitude) {
    this.lambda0 = Math.toRadians(longitude);
    this.sinPhi0 = Math.sin(Math.toRadians(latitude));
    this.cosPhi0 = Math.cos(Math.toRadians(latitude));
  }

  /** A copy of a longitude/latitude geometry, projected to kilometres around the centre. */
  Geometry project(Geometry lonLat) {
    Geometry copy = lonLat.copy();
    copy.apply(
        new CoordinateSequenceFilter() {
          @Override
          public void filter(CoordinateSequence seq, int i) {
            double phi = Math.toRadians(seq.getY(i));
            double dLambda = Math.toRadians(seq.getX(i)) - lambda0;
            double sinPhi = Math.sin(phi);
            double cosPhi = Math.cos(phi);
            double cosDLambda = Math.cos(dLambda);
            double cosC = sinPhi0 * sinPhi + cosPhi0 * cosPhi * cosDLambda;
            double east = cosPhi * Math.sin(dLambda);
            double north = cosPhi0 * sinPhi - sinPhi0 * cosPhi * cosDLambda;
            // atan2 keeps the angular distance c accurate both near the centre and far from it.
            double c = Math.atan2(Math.hypot(east, north), cosC);
            double sinC = Math.sin(c);
            double k = sinC < 1e-12 ? 1.0 : c / sinC;
            seq.setOrdinate(i, 0, GeoPoint.EARTH_RADIUS_KM * k * east);
            seq.setOrdinate(i, 1, GeoPoint.EARTH_RADIUS_KM * k * north);
          }

          @Override
          public boolean isDone() {
            return false;
          }

          @Override
          public boolean isGeometryChanged() {
            return true;
          }
        });
    return copy;
  }

  /** Ground distance in km from the centre to a longitude/latitude geometry (0 if it covers it). */
  double distanceKm(Geometry lonLat) {
    return project(lonLat).distance(CENTRE);
  }

  /**
   * A longitude/latitude box that contains every point within a ground distance of a centre. It
   * spans all longitudes when the circle reaches a pole or crosses the antimeridian.
   */
  static Envelope boundsWithin(double latitude, double longitude, double distanceKm) {
    double dLat = distanceKm / KM_PER_DEGREE * 1.001 + 1e-9;
    double south = latitude - dLat;
    double north = latitude + dLat;
    double angle = distanceKm / GeoPoint.EARTH_RADIUS_KM;
    double cosLat = Math.cos(Math.toRadians(latitude));
    if (north >= 90 || south <= -90 || Math.sin(angle) >= cosLat) {
      return new Envelope(-180, 180, Math.max(-90, south), Math.min(90, north));
    }
    // Widest longitude offset of a spherical cap, plus a small margin for rounding.
    double dLon = Math.toDegrees(Math.asin(Math.sin(angle) / cosLat)) * 1.001 + 1e-9;
    double west = longitude - dLon;
    double east = longitude + dLon;
    if (west < -180 || east > 180) {
      return new Envelope(-180, 180, south, north);
    }
    return new Envelope(west, east, south, north);
  }
}
