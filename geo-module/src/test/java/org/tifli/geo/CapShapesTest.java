package org.tifli.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class CapShapesTest {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  static Stream<AdministrativeArea> areas() {
    return AreaCatalog.morocco().areas().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("areas")
  void anOutlineIsAClosedValidRingWithinThePointBudgetThatCoversTheArea(AdministrativeArea area) {
    for (int maxPoints : new int[] {12, 100}) {
      AreaShape.Outline outline = new CapShapes(maxPoints).outline(area);

      Polygon polygon = parseCapPolygon(outline.toCap());
      assertThat(polygon.getNumPoints()).isLessThanOrEqualTo(maxPoints);
      assertThat(polygon.isValid()).isTrue();
      double covered = polygon.intersection(area.geometry()).getArea() / area.geometry().getArea();
      assertThat(covered).as("share of %s covered", area).isGreaterThan(0.99);
    }
  }

  @Test
  void writesLatitudeBeforeLongitude() {
    AdministrativeArea casablanca = AreaCatalog.morocco().get("MA-CAS");

    String cap = new CapShapes().outline(casablanca).toCap();

    String[] first = cap.split(" ")[0].split(",");
    assertThat(Double.parseDouble(first[0])).isBetween(33.4, 33.7);
    assertThat(Double.parseDouble(first[1])).isBetween(-7.8, -7.4);
    assertThat(cap)
        .matches("(-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)? )+-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?");
  }

  @Test
  void writesACircleAsCentreAndRadius() {
    AreaShape.Circle circle = CapShapes.circle(new GeoPoint(33.58831, -7.61138), 20);

    assertThat(circle.toCap()).isEqualTo("33.58831,-7.61138 20");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3})
  void rejectsABudgetTooSmallForAPolygon(int maxPoints) {
    assertThrows(IllegalArgumentException.class, () -> new CapShapes(maxPoints));
  }

  @Test
  void rejectsAnOpenRing() {
    List<GeoPoint> open =
        List.of(new GeoPoint(0, 0), new GeoPoint(0, 1), new GeoPoint(1, 1), new GeoPoint(1, 0));

    assertThrows(IllegalArgumentException.class, () -> new AreaShape.Outline(open));
  }

  private static Polygon parseCapPolygon(String cap) {
    String[] pairs = cap.split(" ");
    Coordinate[] coordinates = new Coordinate[pairs.length];
    for (int i = 0; i < pairs.length; i++) {
      String[] latLon = pairs[i].split(",");
      coordinates[i] = new Coordinate(Double.parseDouble(latLon[1]), Double.parseDouble(latLon[0]));
    }
    return FACTORY.createPolygon(coordinates);
  }

  @Test
  void theOutlineOfAnIslandedProvinceIsOnePolygon() {
    Geometry nador = AreaCatalog.morocco().get("MA-NAD").geometry();
    assertThat(nador.getNumGeometries()).isGreaterThan(1);

    assertThat(
            parseCapPolygon(new CapShapes().outline(AreaCatalog.morocco().get("MA-NAD")).toCap())
                .isValid())
        .isTrue();
  }
}
