package org.tifli.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

class TargetZonesTest {

  private static final AreaCatalog MOROCCO = AreaCatalog.morocco();
  private static final TargetZones ZONES = new TargetZones(new AreaLocator(MOROCCO));
  private static final WideningSchedule DEFAULT = WideningSchedule.productDefault();
  private static final Instant APPROVED = Instant.parse("2025-03-01T10:00:00Z");

  @ParameterizedTest(name = "{0}, {1} km")
  @CsvSource({
    "Casablanca, 20",
    "Casablanca, 160",
    "Fès, 60",
    "Errachidia, 160",
    "Dakhla, 160",
    "Tangier, 35"
  })
  void aRadiusZoneHoldsExactlyTheProvincesWithinThatGroundDistance(String city, double km) {
    GeoPoint point = Place.named(city).point();

    TargetZone zone = ZONES.zone(new StageScope.Radius(km), new SearchOrigin(point, List.of()));

    for (AdministrativeArea province : MOROCCO.provinces()) {
      // Independent check: haversine to the nearest boundary vertex, which lies at most one data
      // step (about 1 km at worst) beyond the true nearest point of the boundary.
      double vertexKm = covers(province, point) ? 0 : nearestVertexKm(point, province.geometry());
      if (vertexKm <= km) {
        assertThat(zone.contains(province.code())).as("%s at %.1f km", province, vertexKm).isTrue();
      } else if (vertexKm > km + 2) {
        assertThat(zone.contains(province.code()))
            .as("%s at %.1f km", province, vertexKm)
            .isFalse();
      }
    }
  }

  @Test
  void everyPlaceWithinTheRadiusHasItsProvinceInTheZone() {
    GeoPoint casablanca = Place.named("Casablanca").point();

    TargetZone zone =
        ZONES.zone(new StageScope.Radius(160), new SearchOrigin(casablanca, List.of()));

    List<Place> near =
        Place.all().stream().filter(p -> p.point().distanceKm(casablanca) <= 160).toList();
    assertThat(near).hasSizeGreaterThan(20);
    assertThat(zone.codes()).containsAll(near.stream().map(Place::province).toList());
  }

  @Test
  void aRadiusReachesANeighbouringRegion() {
    GeoPoint casablanca = Place.named("Casablanca").point();
    assertThat(casablanca.distanceKm(Place.named("Rabat").point())).isLessThan(160);

    TargetZone zone =
        ZONES.zone(new StageScope.Radius(160), new SearchOrigin(casablanca, List.of()));

    assertThat(zone.regionCodes()).contains("MA-06", "MA-04");
    assertThat(zone.contains("MA-RAB")).isTrue();
  }

  @Test
  void longitudeDegreesAreNotTakenForKilometres() {
    // Khouribga lies about 1.3 degrees of longitude east of Casablanca but only ~110 km away.
    GeoPoint casablanca = Place.named("Casablanca").point();
    GeoPoint khouribga = Place.named("Khouribga").point();
    double km = casablanca.distanceKm(khouribga);

    TargetZone zone =
        ZONES.zone(new StageScope.Radius(km + 1), new SearchOrigin(casablanca, List.of()));

    assertThat(zone.contains("MA-KHO")).isTrue();
  }

  @Test
  void theLikelyPlacesProvincesAreAlwaysIncluded() {
    SearchOrigin origin =
        new SearchOrigin(
            Place.named("Casablanca").point(), List.of(Place.named("Marrakesh").point()));

    TargetZone zone = ZONES.zone(new StageScope.Radius(20), origin);

    assertThat(zone.codes()).contains("MA-CAS", "MA-MAR");
  }

  @Test
  void theRegionsScopeCoversTheWholeRegionsOfEveryPlace() {
    SearchOrigin origin =
        new SearchOrigin(
            Place.named("Casablanca").point(), List.of(Place.named("Marrakesh").point()));

    TargetZone zone = ZONES.zone(new StageScope.Regions(), origin);

    List<AdministrativeArea> expected = new ArrayList<>(MOROCCO.provincesOf("MA-06"));
    expected.addAll(MOROCCO.provincesOf("MA-07"));
    assertThat(zone.provinces()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theNationalScopeCoversEveryProvince() {
    TargetZone zone = ZONES.zone(new StageScope.National(), SearchOrigin.at(33.6, -7.6));

    assertThat(zone.provinces()).isEqualTo(MOROCCO.provinces());
  }

  @ParameterizedTest(name = "{0}, {1}")
  @CsvSource({"40.4168, -3.7038", "90, 0", "-90, 0", "0, 180", "0, -180", "35, 179.99"})
  void aLastSeenPointAbroadGivesAnEmptyRadiusZone(double latitude, double longitude) {
    TargetZone zone = ZONES.zone(new StageScope.Radius(160), SearchOrigin.at(latitude, longitude));

    assertThat(zone.isEmpty()).isTrue();
  }

  static Stream<String> lastSeenCities() {
    return Stream.of("Casablanca", "Oujda-Angad", "Agadir", "Laayoune", "Ifrane", "Tétouan");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lastSeenCities")
  void theDefaultScheduleNeverRepeatsAnArea(String city) {
    SearchOrigin origin =
        new SearchOrigin(Place.named(city).point(), List.of(Place.named("Fès").point()));
    Set<String> alerted = new HashSet<>();
    int stagesDone = 0;
    for (Duration elapsed :
        List.of(Duration.ZERO, Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(24))) {
      WideningStep step =
          ZONES
              .dueStep(DEFAULT, origin, APPROVED, stagesDone, APPROVED.plus(elapsed))
              .orElseThrow();
      for (AdministrativeArea area : step.newAreas()) {
        assertThat(alerted.add(area.code())).as("%s alerted twice", area).isTrue();
      }
      assertThat(alerted).isEqualTo(Set.copyOf(step.reach().codes()));
      stagesDone = step.stagesDoneAfter();
    }
    assertThat(alerted).hasSize(75);
  }

  @Test
  void passingOverOverdueStagesLosesNoArea() {
    SearchOrigin origin =
        SearchOrigin.at(
            Place.named("Oujda-Angad").latitude(), Place.named("Oujda-Angad").longitude());
    WideningSchedule schedule =
        WideningSchedule.parse("PT0H=radius:5;PT1H=radius:200;PT6H=regions");

    WideningStep first = ZONES.dueStep(schedule, origin, APPROVED, 0, APPROVED).orElseThrow();
    WideningStep late =
        ZONES
            .dueStep(schedule, origin, APPROVED, 1, APPROVED.plus(Duration.ofHours(7)))
            .orElseThrow();

    assertThat(late.stageIndex()).isEqualTo(2);
    Set<String> posted = new HashSet<>(first.reach().codes());
    late.newAreas().forEach(a -> assertThat(posted.add(a.code())).isTrue());
    // The 200 km ring reaches beyond the Oriental region, and is not lost by jumping to regions.
    Set<String> ring = Set.copyOf(ZONES.zone(new StageScope.Radius(200), origin).codes());
    assertThat(posted).containsAll(ring);
    assertThat(ring.stream().anyMatch(c -> !MOROCCO.get(c).parentCode().equals("MA-02"))).isTrue();
  }

  @Test
  void widenNowAdvancesBeforeTime() {
    SearchOrigin origin = SearchOrigin.at(33.58831, -7.61138);

    WideningStep step = ZONES.widenNow(DEFAULT, origin, 1).orElseThrow();

    assertThat(step.stageIndex()).isEqualTo(1);
    assertThat(step.newAreas()).isNotEmpty();
    assertThat(step.newAreas()).noneMatch(a -> ZONES.reach(DEFAULT, 0, origin).contains(a.code()));
    assertThat(ZONES.widenNow(DEFAULT, origin, 4)).isEmpty();
  }

  @Test
  void nothingIsDueBeforeTheNextStage() {
    assertThat(
            ZONES.dueStep(
                DEFAULT,
                SearchOrigin.at(33.6, -7.6),
                APPROVED,
                1,
                APPROVED.plus(Duration.ofHours(1))))
        .isEmpty();
  }

  private static boolean covers(AdministrativeArea area, GeoPoint point) {
    Geometry p =
        area.geometry()
            .getFactory()
            .createPoint(new Coordinate(point.longitude(), point.latitude()));
    return area.geometry().covers(p);
  }

  private static double nearestVertexKm(GeoPoint point, Geometry area) {
    double best = Double.POSITIVE_INFINITY;
    for (Coordinate c : area.getCoordinates()) {
      best = Math.min(best, point.distanceKm(new GeoPoint(c.y, c.x)));
    }
    return best;
  }
}
