package org.tifli.geo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Finds the province and region of a latitude/longitude.
 *
 * <p>A regular grid of about 2.5 km cells answers most lookups at once: a cell that no boundary
 * crosses lies in a single province, known in advance. For a cell on a boundary, provinces are
 * indexed by their bounding boxes in an STR-tree and each has a prepared (indexed) point-in-polygon
 * locator, so a lookup tests only the few provinces whose box holds the point. The region is the
 * province's parent. A point that no province contains (at sea, abroad, or in a gap of the boundary
 * data) gets the nearest province whose ground distance is within the tolerance; beyond it the
 * answer is "outside every area".
 *
 * <p>Immutable and thread-safe: every index is built in the constructor.
 */
public final class AreaLocator {

  /** Default tolerance: covers coastal places whose point lies just offshore of the coarse data. */
  public static final double DEFAULT_TOLERANCE_KM = 5.0;

  private final AreaCatalog catalog;
  private final double toleranceKm;
  private final STRtree index;
  private final List<Entry> entries;
  private final ProvinceGrid grid;

  /** An indexed province and its region, the items of the tree. */
  private record Entry(
      AdministrativeArea province, AdministrativeArea region, IndexedPointInAreaLocator locator) {}

  /** A locator with the {@linkplain #DEFAULT_TOLERANCE_KM default tolerance}. */
  public AreaLocator(AreaCatalog catalog) {
    this(catalog, DEFAULT_TOLERANCE_KM);
  }

  /**
   * @param toleranceKm how far from a province, in ground km, a point may lie and still be placed
   *     in it; 0 places only points inside a province
   */
  public AreaLocator(AreaCatalog catalog, double toleranceKm) {
    if (!(toleranceKm >= 0) || Double.isInfinite(toleranceKm)) {
      throw new IllegalArgumentException("tolerance must be a finite km >= 0, was " + toleranceKm);
    }
    this.catalog = catalog;
    this.toleranceKm = toleranceKm;
    this.index = new STRtree();
    List<Entry> indexed = new ArrayList<>();
    for (AdministrativeArea province : catalog.provinces()) {
      IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(province.geometry());
      // Build the lazy interval index now, before the locator is shared between threads.
      locator.locate(province.geometry().getCoordinate());
      Envelope envelope = province.geometry().getEnvelopeInternal();
      AdministrativeArea region = catalog.get(province.parentCode());
      Entry entry = new Entry(province, region, locator);
      indexed.add(entry);
      index.insert(envelope, entry);
    }
    index.build();
    this.entries = List.copyOf(indexed);
    this.grid =
        new ProvinceGrid(
            catalog.provinces(), (lon, lat) -> indexOf(containing(new Coordinate(lon, lat))));
  }

  /** The catalog this locator searches. */
  public AreaCatalog catalog() {
    return catalog;
  }

  /** The tolerance in km for points outside every polygon. */
  public double toleranceKm() {
    return toleranceKm;
  }

  /**
   * The province and region of a point.
   *
   * @throws InvalidCoordinatesException if a coordinate is out of range or not finite
   */
  public Placement locate(double latitude, double longitude) {
    GeoPoint.requireValid(latitude, longitude);
    int cell = grid.cellAt(longitude, latitude);
    Entry entry;
    if (cell >= 0) {
      entry = entries.get(cell);
    } else if (cell == ProvinceGrid.OUTSIDE) {
      entry = null;
    } else {
      entry = containing(new Coordinate(longitude, latitude));
    }
    return entry != null
        ? Placement.inside(entry.province, entry.region)
        : nearest(latitude, longitude);
  }

  /** The indexed province whose polygon covers a point, by the tree and point-in-polygon tests. */
  private Entry containing(Coordinate point) {
    for (Object candidate : index.query(new Envelope(point))) {
      Entry entry = (Entry) candidate;
      if (entry.locator.locate(point) != Location.EXTERIOR) {
        return entry;
      }
    }
    return null;
  }

  private int indexOf(Entry entry) {
    return entry == null ? ProvinceGrid.OUTSIDE : entries.indexOf(entry);
  }

  /** The province and region of a point; see {@link #locate(double, double)}. */
  public Placement locate(GeoPoint point) {
    return locate(point.latitude(), point.longitude());
  }

  /** The provinces whose ground distance from a point is at most {@code distanceKm}. */
  List<AdministrativeArea> provincesWithin(GeoPoint centre, double distanceKm) {
    AzimuthalEquidistant projection =
        new AzimuthalEquidistant(centre.latitude(), centre.longitude());
    Coordinate point = new Coordinate(centre.longitude(), centre.latitude());
    Set<String> found = new HashSet<>();
    for (Object candidate : candidates(centre, distanceKm)) {
      Entry entry = (Entry) candidate;
      if (entry.locator.locate(point) != Location.EXTERIOR
          || projection.distanceKm(entry.province.geometry()) <= distanceKm) {
        found.add(entry.province.code());
      }
    }
    return catalog.provinces().stream().filter(p -> found.contains(p.code())).toList();
  }

  private List<?> candidates(GeoPoint centre, double distanceKm) {
    return index.query(
        AzimuthalEquidistant.boundsWithin(centre.latitude(), centre.longitude(), distanceKm));
  }

  private Placement nearest(double latitude, double longitude) {
    if (toleranceKm == 0) {
      return Placement.outside();
    }
    GeoPoint point = new GeoPoint(latitude, longitude);
    AzimuthalEquidistant projection = new AzimuthalEquidistant(latitude, longitude);
    Entry best = null;
    double bestKm = Double.POSITIVE_INFINITY;
    for (Object candidate : candidates(point, toleranceKm)) {
      Entry entry = (Entry) candidate;
      double km = projection.distanceKm(entry.province.geometry());
      if (km <= toleranceKm && km < bestKm) {
        best = entry;
        bestKm = km;
      }
    }
    return best == null
        ? Placement.outside()
        : Placement.nearest(best.province, best.region, bestKm);
  }
}
