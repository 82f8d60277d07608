package org.tifli.geo;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.json.simple.JSONValue;
import org.json.simple.parser.JSONParser;
import org.json.simple.parser.ParseException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads one GeoJSON FeatureCollection of administrative areas of a single level and checks every
 * feature: code, names, population, parent (for provinces) and a valid polygonal geometry.
 *
 * <p>Expected properties: {@code iso_3166_2} (or the feature {@code id}), {@code hcp_code}, {@code
 * name_fr}, {@code name_ar}, {@code population_2024} and, for provinces, {@code region_iso_3166_2}.
 */
final class AreaFileReader {

  static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  private static final Pattern ISO_3166_2 = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");

  private final String fileName;
  private final AreaLevel level;

  AreaFileReader(String fileName, AreaLevel level) {
    this.fileName = fileName;
    this.level = level;
  }

  List<AdministrativeArea> read(Reader reader) throws IOException {
    Object document;
    try {
      document = new JSONParser().parse(reader);
    } catch (ParseException e) {
      throw new AreaDataException(fileName + ": not JSON (" + e + ")", e);
    }
    if (!(document instanceof Map<?, ?> collection)
        || !"FeatureCollection".equals(collection.get("type"))) {
      throw new AreaDataException(fileName + ": not a GeoJSON FeatureCollection");
    }
    if (!(collection.get("features") instanceof List<?> features) || features.isEmpty()) {
      throw new AreaDataException(fileName + ": the FeatureCollection has no features");
    }
    List<AdministrativeArea> areas = new ArrayList<>(features.size());
    for (int i = 0; i < features.size(); i++) {
      areas.add(readFeature(i, features.get(i)));
    }
    return areas;
  }

  private AdministrativeArea readFeature(int index, Object json) {
    String feature = "feature #" + (index + 1);
    if (!(json instanceof Map<?, ?> map) || !"Feature".equals(map.get("type"))) {
      throw problem(feature, "not a GeoJSON Feature");
    }
    Map<?, ?> properties =
        map.get("properties") instanceof Map<?, ?> props ? props : Map.<String, Object>of();
    String code = code(feature, map.get("id"), properties.get("iso_3166_2"));
    feature = feature + " (" + code + ")";
    String officialCode = text(feature, properties, "hcp_code");
    String nameFr = text(feature, properties, "name_fr");
    String nameAr = text(feature, properties, "name_ar");
    long population = population(feature, properties.get("population_2024"));
    String parentCode = null;
    if (level == AreaLevel.PROVINCE) {
      parentCode = text(feature, properties, "region_iso_3166_2");
    }
    Geometry geometry = geometry(feature, map.get("geometry"));
    return new AdministrativeArea(
        code, level, officialCode, nameFr, nameAr, parentCode, population, geometry);
  }

  private String code(String feature, Object id, Object property) {
    Object value = property != null ? property : id;
    if (!(value instanceof String code) || code.isBlank()) {
      throw problem(feature, "missing ISO 3166-2 code (property iso_3166_2 or feature id)");
    }
    if (id != null && property != null && !id.equals(property)) {
      throw problem(feature, "feature id " + id + " differs from iso_3166_2 " + property);
    }
    if (!ISO_3166_2.matcher(code).matches()) {
      throw problem(feature, "code '" + code + "' is not an ISO 3166-2 subdivision code");
    }
    return code;
  }

  private String text(String feature, Map<?, ?> properties, String name) {
    if (!(properties.get(name) instanceof String value) || value.isBlank()) {
      throw problem(feature, "missing property " + name);
    }
    return value.strip();
  }

  private long population(String feature, Object value) {
    if (!(value instanceof Number number)
        || number.doubleValue() < 0
        || number.doubleValue() != Math.rint(number.doubleValue())) {
      throw problem(feature, "population_2024 must be a whole number >= 0, was " + value);
    }
    return number.longValue();
  }

  private Geometry geometry(String feature, Object json) {
    if (!(json instanceof Map<?, ?> map)) {
      throw problem(feature, "missing geometry");
    }
    Object type = map.get("type");
    if (!"Polygon".equals(type) && !"MultiPolygon".equals(type)) {
      throw problem(feature, "geometry must be a Polygon or MultiPolygon, was " + type);
    }
    Geometry geometry;
    try {
      geometry = new GeoJsonReader(WGS84).read(JSONValue.toJSONString(map));
    } catch (org.locationtech.jts.io.ParseException | RuntimeException e) {
      throw problem(feature, "unreadable geometry (" + e.getMessage() + ")");
    }
    if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon) || geometry.isEmpty()) {
      throw problem(feature, "empty geometry");
    }
    for (Coordinate c : geometry.getCoordinates()) {
      if (!(Math.abs(c.y) <= 90 && Math.abs(c.x) <= 180)) {
        throw problem(
            feature, "coordinate [" + c.x + ", " + c.y + "] is not WGS 84 longitude/latitude");
      }
    }
    TopologyValidationError error = new IsValidOp(geometry).getValidationError();
    if (error != null) {
      throw problem(feature, "invalid geometry: " + error);
    }
    return geometry;
  }

  private AreaDataException problem(String feature, String problem) {
    return new AreaDataException(fileName + ", " + feature + ": " + problem);
  }
}
