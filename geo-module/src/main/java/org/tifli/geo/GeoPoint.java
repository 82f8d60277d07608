package org.tifli.geo;

/**
 * A point on the ground in WGS 84 degrees, such as a child's last-seen position or a likely place
 * recorded at intake.
 *
 * <p>Invariant: the latitude is within [-90, 90] and the longitude within [-180, 180], both finite;
 * the constructor throws {@link InvalidCoordinatesException} otherwise.
 *
 * @param latitude degrees north (negative south)
 * @param longitude degrees east (negative west)
 */
public record GeoPoint(double latitude, double longitude) {

  /** Mean Earth radius (IUGG), the sphere every ground distance in this module is measured on. */
  public static final double EARTH_RADIUS_KM = 6371.0088;

  public GeoPoint {
    requireValid(latitude, longitude);
  }

  /**
   * Checks a latitude/longitude pair without building a point.
   *
   * @throws InvalidCoordinatesException if either value is out of range or not finite
   */
  public static void requireValid(double latitude, double longitude) {
    if (!(latitude >= -90.0 && latitude <= 90.0)) {
      throw new InvalidCoordinatesException(
          "latitude must be a number between -90 and 90 degrees, was " + latitude);
    }
    if (!(longitude >= -180.0 && longitude <= 180.0)) {
      throw new InvalidCoordinatesException(
          "longitude must be a number between -180 and 180 degrees, was " + longitude);
    }
  }

  /** Great-circle (haversine) distance to another point, in kilometres. */
  public double distanceKm(GeoPoint other) {
    double phi1 = Math.toRadians(latitude);
    double phi2 = Math.toRadians(other.latitude);
    double sinHalfDPhi = Math.sin((phi2 - phi1) / 2);
    double sinHalfDLambda = Math.sin(Math.toRadians(other.longitude - longitude) / 2);
    double h =
        sinHalfDPhi * sinHalfDPhi
            + Math.cos(phi1) * Math.cos(phi2) * sinHalfDLambda * sinHalfDLambda;
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
  }

  /**
   * The point reached by travelling a distance along a great circle from this point.
   *
   * @param bearingDegrees initial bearing, clockwise from north
   * @param distanceKm ground distance
   */
  public GeoPoint destination(double bearingDegrees, double distanceKm) {
    double delta = distanceKm / EARTH_RADIUS_KM;
    double theta = Math.toRadians(bearingDegrees);
    double phi1 = Math.toRadians(latitude);
    double lambda1 = Math.toRadians(longitude);
    double sinPhi2 =
        Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta);
    double phi2 = Math.asin(Math.max(-1.0, Math.min(1.0, sinPhi2)));
    double lambda2 =
        lambda1
            + Math.atan2(
                Math.sin(theta) * Math.sin(delta) * Math.cos(phi1),
                Math.cos(delta) - Math.sin(phi1) * sinPhi2);
    double lon = Math.toDegrees(lambda2);
    // Normalise into [-180, 180] so that a circle crossing the antimeridian stays valid input.
    lon = ((lon + 540.0) % 360.0) - 180.0;
    return new GeoPoint(Math.toDegrees(phi2), lon);
  }
}
