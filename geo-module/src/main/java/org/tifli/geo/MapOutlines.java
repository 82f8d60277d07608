package org.tifli.geo;

import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Boundaries light enough for a web map: each area's boundary simplified, with its shape kept
 * (neighbours may part or overlap by up to the tolerance, which a map at country scale does not
 * show), written as one GeoJSON {@code FeatureCollection} whose features carry the area's {@code
 * code}, {@code level}, {@code nameFr}, {@code nameAr} and {@code parent}.
 *
 * <p>Unlike {@link CapShapes}, which must cover each area whole, this is only for drawing.
 */
public final class MapOutlines {

  /** About a kilometre: the full boundaries of Morocco's areas shrink to a few hundred kB. */
  public static final double DEFAULT_TOLERANCE_DEGREES = 0.01;

  /** Four decimals of a degree: about ten metres, finer than the tolerance. */
  private static final int DECIMALS = 4;

  private MapOutlines() {}

  /** The areas as a GeoJSON feature collection, simplified to the tolerance in degrees. */
  public static String featureCollection(List<AdministrativeArea> areas, double tolerance) {
    GeoJsonWriter writer = new GeoJsonWriter(DECIMALS);
    writer.setEncodeCRS(false);
    StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
    for (int i = 0; i < areas.size(); i++) {
      AdministrativeArea area = areas.get(i);
      Geometry simplified = TopologyPreservingSimplifier.simplify(area.geometry(), tolerance);
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"type\":\"Feature\",\"properties\":{\"code\":")
          .append(string(area.code()))
          .append(",\"level\":")
          .append(string(area.level().name()))
          .append(",\"nameFr\":")
          .append(string(area.nameFr()))
          .append(",\"nameAr\":")
          .append(string(area.nameAr()))
          .append(",\"parent\":")
          .append(area.parentCode() == null ? "null" : string(area.parentCode()))
          .append("},\"geometry\":")
          .append(writer.write(simplified))
          .append('}');
    }
    return json.append("]}").toString();
  }

  /** A JSON string: names come from boundary files, so quotes and controls are escaped. */
  private static String string(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
