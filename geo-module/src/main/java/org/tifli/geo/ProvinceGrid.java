package org.tifli.geo;

import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A regular longitude/latitude grid over the provinces that answers most lookups with one array
 * read. Each cell holds the index of the one province that covers it, {@link #OUTSIDE} if no
 * province does, or {@link #BORDER} if a province boundary may cross it; only border cells (and
 * points off the grid) need a point-in-polygon test.
 *
 * <p>Correctness rests on the border marking: every boundary segment is sampled at a quarter of a
 * cell, and every cell within a quarter cell of a sample is marked, so no cell that a boundary
 * touches is left unmarked. Between two unmarked neighbours there is no boundary, so a whole run of
 * unmarked cells in a row lies in one province and one test classifies it.
 */
final class ProvinceGrid {

  static final int OFF_GRID = -3;
  static final int BORDER = -2;
  static final int OUTSIDE = -1;

  private static final double CELL_DEGREES = 0.025;

  private final double west;
  private final double south;
  private final int columns;
  private final int rows;
  private final int[] cells;

  /**
   * @param provinces the provinces, whose list index a cell holds
   * @param classify the index of the province containing a point (longitude, latitude), or {@link
   *     #OUTSIDE}
   */
  ProvinceGrid(List<AdministrativeArea> provinces, PointClassifier classify) {
    Envelope extent = new Envelope();
    provinces.forEach(p -> extent.expandToInclude(p.geometry().getEnvelopeInternal()));
    this.west = extent.getMinX() - CELL_DEGREES;
    this.south = extent.getMinY() - CELL_DEGREES;
    this.columns = (int) Math.ceil(extent.getWidth() / CELL_DEGREES) + 2;
    this.rows = (int) Math.ceil(extent.getHeight() / CELL_DEGREES) + 2;
    this.cells = new int[columns * rows];
    Arrays.fill(cells, OUTSIDE);
    for (AdministrativeArea province : provinces) {
      markBoundary(province.geometry());
    }
    classifyRuns(classify);
  }

  /** How to find the province index of a point for the runs of cells no boundary crosses. */
  @FunctionalInterface
  interface PointClassifier {
    int provinceAt(double longitude, double latitude);
  }

  /**
   * The province index of a point's cell, {@link #OUTSIDE}, {@link #BORDER} or {@link #OFF_GRID}.
   */
  int cellAt(double longitude, double latitude) {
    double x = (longitude - west) / CELL_DEGREES;
    double y = (latitude - south) / CELL_DEGREES;
    if (!(x >= 0 && x < columns && y >= 0 && y < rows)) {
      return OFF_GRID;
    }
    return cells[(int) y * columns + (int) x];
  }

  private void markBoundary(Geometry area) {
    Coordinate[] points = area.getCoordinates();
    double step = CELL_DEGREES / 4;
    // Consecutive coordinates of different rings also get joined: that only marks extra cells.
    for (int i = 1; i < points.length; i++) {
      Coordinate a = points[i - 1];
      Coordinate b = points[i];
      int samples = (int) Math.ceil(a.distance(b) / step);
      for (int s = 0; s <= samples; s++) {
        double t = samples == 0 ? 0 : (double) s / samples;
        markAround(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y), step);
      }
    }
  }

  private void markAround(double longitude, double latitude, double margin) {
    int x0 = (int) Math.floor((longitude - margin - west) / CELL_DEGREES);
    int x1 = (int) Math.floor((longitude + margin - west) / CELL_DEGREES);
    int y0 = (int) Math.floor((latitude - margin - south) / CELL_DEGREES);
    int y1 = (int) Math.floor((latitude + margin - south) / CELL_DEGREES);
    for (int y = Math.max(0, y0); y <= Math.min(rows - 1, y1); y++) {
      for (int x = Math.max(0, x0); x <= Math.min(columns - 1, x1); x++) {
        cells[y * columns + x] = BORDER;
      }
    }
  }

  private void classifyRuns(PointClassifier classify) {
    for (int y = 0; y < rows; y++) {
      int runValue = BORDER;
      for (int x = 0; x < columns; x++) {
        int i = y * columns + x;
        if (cells[i] == BORDER) {
          runValue = BORDER;
          continue;
        }
        if (runValue == BORDER) {
          runValue =
              classify.provinceAt(
                  west + (x + 0.5) * CELL_DEGREES, south + (y + 0.5) * CELL_DEGREES);
        }
        cells[i] = runValue;
      }
    }
  }
}
