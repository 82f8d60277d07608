package org.tifli.geo;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a point lies: the province and region that contain it, the nearest ones within the
 * locator's tolerance (a coastal point just offshore), or none at all.
 *
 * <p>Invariants: province and region are both present or both absent, and the region is the
 * province's parent; {@link #distanceKm()} is 0 when {@link #inside()}, between 0 and the tolerance
 * when matched to the nearest province, and positive infinity outside every area.
 */
public final class Placement {

  private static final Placement OUTSIDE =
      new Placement(null, null, false, Double.POSITIVE_INFINITY);

  private final AdministrativeArea province;
  private final AdministrativeArea region;
  private final boolean inside;
  private final double distanceKm;

  private Placement(
      AdministrativeArea province, AdministrativeArea region, boolean inside, double distanceKm) {
    this.province = province;
    this.region = region;
    this.inside = inside;
    this.distanceKm = distanceKm;
  }

  static Placement inside(AdministrativeArea province, AdministrativeArea region) {
    return new Placement(province, region, true, 0.0);
  }

  static Placement nearest(
      AdministrativeArea province, AdministrativeArea region, double distanceKm) {
    return new Placement(province, region, false, distanceKm);
  }

  static Placement outside() {
    return OUTSIDE;
  }

  /** The province containing the point, or the nearest one within the tolerance. */
  public Optional<AdministrativeArea> province() {
    return Optional.ofNullable(province);
  }

  /** The region of {@link #province()}. */
  public Optional<AdministrativeArea> region() {
    return Optional.ofNullable(region);
  }

  /** Whether a province polygon contains the point (its boundary included). */
  public boolean inside() {
    return inside;
  }

  /** Whether the point is neither inside an area nor within the tolerance of one. */
  public boolean outsideEveryArea() {
    return province == null;
  }

  /** Ground distance in km to the province: 0 inside, positive infinity outside every area. */
  public double distanceKm() {
    return distanceKm;
  }

  @Override
  public String toString() {
    if (province == null) {
      return "outside every area";
    }
    return (inside ? "in " : String.format(Locale.ROOT, "%.2f km from ", distanceKm))
        + province
        + ", "
        + region;
  }
}
