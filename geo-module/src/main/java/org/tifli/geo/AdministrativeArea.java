package org.tifli.geo;

import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * A region or province of a country, as loaded from a boundary file.
 *
 * <p>Invariants: every text field is non-blank; a province has a parent region code and a region
 * has none; the geometry is a valid, non-empty polygon or multipolygon in WGS 84 longitude/latitude
 * (x = longitude, y = latitude). Treat the geometry as read-only: it is shared by the spatial
 * index.
 *
 * @param code ISO 3166-2 code, e.g. {@code MA-CAS} or {@code MA-06}
 * @param level region or province
 * @param officialCode the national statistics office's code, e.g. HCP {@code 06.141}
 * @param nameFr official French name
 * @param nameAr official Arabic name
 * @param parentCode the ISO 3166-2 code of the region of a province; {@code null} for a region
 * @param population legal population (for Morocco, RGPH 2024)
 * @param geometry boundary polygon(s)
 */
public record AdministrativeArea(
    String code,
    AreaLevel level,
    String officialCode,
    String nameFr,
    String nameAr,
    String parentCode,
    long population,
    Geometry geometry) {

  public AdministrativeArea {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(officialCode, "officialCode");
    Objects.requireNonNull(nameFr, "nameFr");
    Objects.requireNonNull(nameAr, "nameAr");
    Objects.requireNonNull(geometry, "geometry");
    if ((level == AreaLevel.PROVINCE) != (parentCode != null)) {
      throw new IllegalArgumentException(
          code + ": a province must have a parent region and a region must not have one");
    }
    if (population < 0) {
      throw new IllegalArgumentException(code + ": population is negative: " + population);
    }
  }

  /** The code of the region that contains this province; empty for a region. */
  public Optional<String> parent() {
    return Optional.ofNullable(parentCode);
  }

  /** Code and French name only: the geometry would make log lines unreadable. */
  @Override
  public String toString() {
    return code + " " + nameFr;
  }
}
