package org.tifli.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.json.simple.JSONArray;
import org.json.simple.JSONObject;
import org.json.simple.parser.JSONParser;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

class MapOutlinesTest {

  private static final AreaCatalog MOROCCO = AreaCatalog.morocco();

  @Test
  void everyAreaIsAFeatureWithItsCodeNamesAndASimplifiedShapeInPlace() throws Exception {
    String json =
        MapOutlines.featureCollection(MOROCCO.areas(), MapOutlines.DEFAULT_TOLERANCE_DEGREES);

    JSONArray features = (JSONArray) ((JSONObject) new JSONParser().parse(json)).get("features");
    assertThat(features).hasSize(MOROCCO.areas().size());
    Map<String, JSONObject> byCode =
        ((List<?>) features)
            .stream()
                .map(JSONObject.class::cast)
                .collect(
                    Collectors.toMap(
                        f -> (String) ((JSONObject) f.get("properties")).get("code"), f -> f));
    for (AdministrativeArea area : MOROCCO.areas()) {
      JSONObject feature = byCode.get(area.code());
      JSONObject properties = (JSONObject) feature.get("properties");
      assertThat(properties.get("nameAr")).isEqualTo(area.nameAr());
      assertThat(properties.get("level")).isEqualTo(area.level().name());
      assertThat(properties.get("parent")).isEqualTo(area.parentCode());
      Geometry drawn =
          new GeoJsonReader().read(((JSONObject) feature.get("geometry")).toJSONString());
      // Compared by size and bounds: a ring rounded to ten metres may touch itself, which
      // drawing does not mind but exact overlays do.
      Envelope bounds = area.geometry().getEnvelopeInternal();
      Envelope drawnBounds = drawn.getEnvelopeInternal();
      assertThat(drawn.getArea() / area.geometry().getArea()).as("%s", area).isBetween(0.85, 1.15);
      assertThat(bounds.intersection(drawnBounds).getArea() / bounds.getArea())
          .as("%s drawn in place", area)
          .isGreaterThan(0.95);
      assertThat(drawn.getNumPoints()).isLessThanOrEqualTo(area.geometry().getNumPoints());
    }
  }

  @Test
  void theWholeCountryIsLightEnoughForAPage() {
    String full = MapOutlines.featureCollection(MOROCCO.areas(), 0);
    String simplified =
        MapOutlines.featureCollection(MOROCCO.areas(), MapOutlines.DEFAULT_TOLERANCE_DEGREES);

    assertThat(simplified.length()).isLessThan(full.length() / 2).isLessThan(1_500_000);
  }
}
