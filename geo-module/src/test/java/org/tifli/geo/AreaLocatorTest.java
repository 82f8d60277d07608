package org.tifli.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

class AreaLocatorTest {

  private static final AreaCatalog MOROCCO = AreaCatalog.morocco();
  private static final AreaLocator LOCATOR = new AreaLocator(MOROCCO);

  static Stream<Place> places() {
    return Place.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("places")
  void placesLandInTheProvinceAndRegionOfThePlacesFile(Place place) {
    Placement placement = LOCATOR.locate(place.latitude(), place.longitude());

    assertThat(placement.province()).map(AdministrativeArea::code).contains(place.province());
    assertThat(placement.region()).map(AdministrativeArea::code).contains(place.region());
    assertThat(placement.inside()).isEqualTo(place.within());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("places")
  void theRegionPolygonAgreesWithTheProvincesParent(Place place) {
    AdministrativeArea region = LOCATOR.locate(place.point()).region().orElseThrow();

    double km =
        new AzimuthalEquidistant(place.latitude(), place.longitude()).distanceKm(region.geometry());
    // Regions and provinces were repaired separately: their borders may differ by a data step.
    assertThat(km).isLessThan(0.5);
  }

  @Test
  void anOffshoreCoastalVillageGetsTheNearestProvince() {
    Place taghazout = Place.named("Taghazout");

    Placement placement = LOCATOR.locate(taghazout.point());

    assertThat(placement.inside()).isFalse();
    assertThat(placement.outsideEveryArea()).isFalse();
    assertThat(placement.province()).map(AdministrativeArea::code).contains(taghazout.province());
    assertThat(placement.distanceKm()).isBetween(0.01, 1.0);
  }

  @Test
  void withoutToleranceAnOffshorePointIsOutsideEveryArea() {
    Placement placement = new AreaLocator(MOROCCO, 0).locate(Place.named("Taghazout").point());

    assertThat(placement.outsideEveryArea()).isTrue();
    assertThat(placement.province()).isEmpty();
    assertThat(placement.region()).isEmpty();
  }

  @Test
  void aPointAFewKilometresOffCasablancaIsPlacedAtItsTrueDistance() {
    GeoPoint casablanca = Place.named("Casablanca").point();
    GeoPoint offshore = casablanca.destination(315, 8); // north-west, out in the Atlantic

    Placement placement = LOCATOR.locate(offshore);

    assertThat(placement.inside()).isFalse();
    assertThat(placement.province()).map(AdministrativeArea::code).contains("MA-CAS");
    double nearestVertexKm = nearestVertexKm(offshore, placement.province().get().geometry());
    assertThat(placement.distanceKm()).isPositive().isLessThanOrEqualTo(nearestVertexKm);
    assertThat(placement.distanceKm()).isGreaterThan(nearestVertexKm - 0.5);
  }

  @Test
  void aPointFarOutAtSeaIsOutsideEveryArea() {
    GeoPoint farOut = Place.named("Casablanca").point().destination(290, 60);

    Placement placement = LOCATOR.locate(farOut);

    assertThat(placement.outsideEveryArea()).isTrue();
    assertThat(placement.inside()).isFalse();
    assertThat(placement.distanceKm()).isInfinite();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "Madrid, 40.4168, -3.7038",
    "Algiers, 36.7538, 3.0588",
    "Nouakchott, 18.0735, -15.9582",
    "Gibraltar Strait, 35.95, -5.6",
    "Null Island, 0, 0",
    "North Pole, 90, 0",
    "South Pole, -90, 123",
    "Antimeridian east, 35, 180",
    "Antimeridian west, 35, -180"
  })
  void pointsAbroadOrAtSeaAreOutsideEveryArea(String name, double latitude, double longitude) {
    assertThat(LOCATOR.locate(latitude, longitude).outsideEveryArea()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"90.0001, 0", "-91, 0", "0, 180.0001", "0, -181", "NaN, 0", "0, Infinity"})
  void rejectsCoordinatesOutOfRange(double latitude, double longitude) {
    InvalidCoordinatesException e =
        assertThrows(InvalidCoordinatesException.class, () -> LOCATOR.locate(latitude, longitude));
    assertThat(e).hasMessageMatching("(latitude|longitude) must be a number between .*");
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource({
    "Rabat, Sale",
    "Oued Laou, Tizgane",
    "Agadir, Inezgane",
    "Tétouan, Martil",
    "Sidi Bousber, Ghouazi",
    "Ksar El Kebir, Arbaoua"
  })
  void neighboursAcrossABorderLandOnTheirOwnSide(String one, String other) {
    Place a = Place.named(one);
    Place b = Place.named(other);
    assertThat(a.province()).isNotEqualTo(b.province());
    assertThat(a.point().distanceKm(b.point())).isLessThan(15);

    assertThat(LOCATOR.locate(a.point()).province())
        .map(AdministrativeArea::code)
        .contains(a.province());
    assertThat(LOCATOR.locate(b.point()).province())
        .map(AdministrativeArea::code)
        .contains(b.province());
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource({"MA-RAB, MA-SAL", "MA-CAS, MA-NOU", "MA-TNG, MA-FAH", "MA-SET, MA-KHO"})
  void pointsJustEitherSideOfASharedBorder(String oneCode, String otherCode) {
    Geometry one = MOROCCO.get(oneCode).geometry();
    Geometry other = MOROCCO.get(otherCode).geometry();
    Geometry border = one.intersection(other);
    assertThat(border.isEmpty()).as("%s and %s share a border", oneCode, otherCode).isFalse();
    // Step 300 m to either side, square to the middle segment of the shared border.
    Coordinate[] line = border.getCoordinates();
    Coordinate c0 = line[line.length / 2 - 1];
    Coordinate c1 = line[line.length / 2];
    GeoPoint middle = new GeoPoint((c0.y + c1.y) / 2, (c0.x + c1.x) / 2);
    double along =
        Math.toDegrees(
            Math.atan2((c1.x - c0.x) * Math.cos(Math.toRadians(middle.latitude())), c1.y - c0.y));
    GeoPoint left = middle.destination(along - 90, 0.3);
    GeoPoint right = middle.destination(along + 90, 0.3);

    String leftCode = LOCATOR.locate(left).province().orElseThrow().code();
    String rightCode = LOCATOR.locate(right).province().orElseThrow().code();

    assertThat(List.of(leftCode, rightCode)).containsExactlyInAnyOrder(oneCode, otherCode);
    assertThat(leftCode).isEqualTo(codeCovering(left));
    assertThat(rightCode).isEqualTo(codeCovering(right));
  }

  @Test
  void agreesWithAPlainScanOnSampledPoints() {
    AreaLocator exact = new AreaLocator(MOROCCO, 0);
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 2000; i++) {
      double latitude = 20.7 + random.nextDouble() * 15.3;
      double longitude = -17.2 + random.nextDouble() * 16.3;
      String scanned = codeCovering(new GeoPoint(latitude, longitude));
      Placement placement = exact.locate(latitude, longitude);
      assertThat(placement.province().map(AdministrativeArea::code).orElse(null))
          .as("%f, %f", latitude, longitude)
          .isEqualTo(scanned);
    }
  }

  @Test
  void isSafeToShareBetweenThreads() throws Exception {
    List<String> expected =
        Place.all().stream().map(p -> LOCATOR.locate(p.point()).province().get().code()).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> runs =
          Stream.generate(
                  () ->
                      pool.submit(
                          () ->
                              Place.all().stream()
                                  .map(p -> LOCATOR.locate(p.point()))
                                  .map(p -> p.province().get().code())
                                  .toList()))
              .limit(8)
              .toList();
      for (Future<List<String>> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void rejectsANegativeTolerance() {
    assertThrows(IllegalArgumentException.class, () -> new AreaLocator(MOROCCO, -1));
  }

  private static String codeCovering(GeoPoint point) {
    Geometry p =
        MOROCCO
            .provinces()
            .get(0)
            .geometry()
            .getFactory()
            .createPoint(new Coordinate(point.longitude(), point.latitude()));
    return MOROCCO.provinces().stream()
        .filter(a -> a.geometry().covers(p))
        .map(AdministrativeArea::code)
        .findFirst()
        .orElse(null);
  }

  private static double nearestVertexKm(GeoPoint point, Geometry area) {
    double best = Double.POSITIVE_INFINITY;
    for (Coordinate c : area.getCoordinates()) {
      best = Math.min(best, point.distanceKm(new GeoPoint(c.y, c.x)));
    }
    return best;
  }

  @Test
  void distancesAreGreatCircleKilometres() {
    GeoPoint origin = new GeoPoint(33.6, -7.6);
    double oneDegreeOfLatitude = Math.toRadians(GeoPoint.EARTH_RADIUS_KM);

    assertThat(origin.distanceKm(new GeoPoint(34.6, -7.6)))
        .isCloseTo(oneDegreeOfLatitude, within(1e-6));
    assertThat(origin.destination(90, 100).distanceKm(origin)).isCloseTo(100, within(1e-6));
    // A degree of longitude at Morocco's latitudes is far shorter than a degree of latitude.
    assertThat(origin.distanceKm(new GeoPoint(33.6, -6.6)))
        .isCloseTo(oneDegreeOfLatitude * Math.cos(Math.toRadians(33.6)), within(0.1));
  }
}
