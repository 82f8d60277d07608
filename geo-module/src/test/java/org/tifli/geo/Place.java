package org.tifli.geo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.json.simple.parser.JSONParser;
import org.json.simple.parser.ParseException;

/**
 * A populated place of the GeoNames test file, with the province and region the file assigns it.
 */
record Place(
    String name,
    double latitude,
    double longitude,
    String province,
    String region,
    boolean within) {

  private static final List<Place> ALL = read();

  static List<Place> all() {
    return ALL;
  }

  static Place named(String name) {
    return ALL.stream().filter(p -> p.name.equals(name)).findFirst().orElseThrow();
  }

  GeoPoint point() {
    return new GeoPoint(latitude, longitude);
  }

  @Override
  public String toString() {
    return name;
  }

  private static List<Place> read() {
    try (Reader reader =
        new InputStreamReader(
            Place.class.getResourceAsStream("morocco_places_geonames.geojson"),
            StandardCharsets.UTF_8)) {
      Map<?, ?> collection = (Map<?, ?>) new JSONParser().parse(reader);
      List<Place> places = new ArrayList<>();
      for (Object item : (List<?>) collection.get("features")) {
        Map<?, ?> feature = (Map<?, ?>) item;
        Map<?, ?> properties = (Map<?, ?>) feature.get("properties");
        List<?> coordinates = (List<?>) ((Map<?, ?>) feature.get("geometry")).get("coordinates");
        places.add(
            new Place(
                (String) properties.get("name"),
                ((Number) coordinates.get(1)).doubleValue(),
                ((Number) coordinates.get(0)).doubleValue(),
                (String) properties.get("province_iso_3166_2"),
                (String) properties.get("region_iso_3166_2"),
                "within".equals(properties.get("admin_match"))));
      }
      return List.copyOf(places);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }
}
