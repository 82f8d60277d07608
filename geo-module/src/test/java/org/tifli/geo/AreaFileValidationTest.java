package org.tifli.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a small imaginary country "XX" from files, good and bad. */
class AreaFileValidationTest {

  private static final String SQUARE = "[[[0,0],[2,0],[2,2],[0,2],[0,0]]]";
  private static final String BOWTIE = "[[[0,0],[2,2],[2,0],[0,2],[0,0]]]";

  @TempDir Path dir;

  @Test
  void loadsAnotherCountry() throws IOException {
    AreaCatalog catalog =
        AreaCatalog.load(
            write("regions.geojson", collection(region("XX-01", "Polygon", SQUARE))),
            write("provinces.geojson", collection(province("XX-AAA", "XX-01", SQUARE))));

    assertThat(catalog.regions()).extracting(AdministrativeArea::code).containsExactly("XX-01");
    assertThat(catalog.provincesOf("XX-01"))
        .extracting(AdministrativeArea::code)
        .containsExactly("XX-AAA");
    assertThat(new AreaLocator(catalog).locate(1, 1).province())
        .map(AdministrativeArea::code)
        .contains("XX-AAA");
  }

  @Test
  void rejectsAFileThatIsNotJson() throws IOException {
    Path regions = write("regions.geojson", "<kml>not json</kml>");
    Path provinces = write("provinces.geojson", collection(province("XX-AAA", "XX-01", SQUARE)));

    AreaDataException e =
        assertThrows(AreaDataException.class, () -> AreaCatalog.load(regions, provinces));
    assertThat(e).hasMessageContaining("regions.geojson").hasMessageContaining("not JSON");
  }

  @Test
  void rejectsJsonThatIsNotAFeatureCollection() throws IOException {
    Path regions =
        write("regions.geojson", "{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "}");

    AreaDataException e = assertThrows(AreaDataException.class, () -> load(regions));
    assertThat(e).hasMessageContaining("not a GeoJSON FeatureCollection");
  }

  @Test
  void rejectsAFileThatDoesNotExist() {
    Path missing = dir.resolve("missing.geojson");

    AreaDataException e = assertThrows(AreaDataException.class, () -> load(missing));
    assertThat(e).hasMessageContaining("missing.geojson").hasMessageContaining("cannot be read");
  }

  @Test
  void rejectsAnInvalidGeometryNamingTheFeature() throws IOException {
    Path regions =
        write(
            "regions.geojson",
            collection(region("XX-01", "Polygon", SQUARE), region("XX-02", "Polygon", BOWTIE)));

    AreaDataException e = assertThrows(AreaDataException.class, () -> load(regions));
    assertThat(e)
        .hasMessageContaining("feature #2 (XX-02)")
        .hasMessageContaining("invalid geometry")
        .hasMessageContaining("Self-intersection");
  }

  @Test
  void rejectsAnUnclosedRing() throws IOException {
    Path regions =
        write(
            "regions.geojson",
            collection(region("XX-01", "Polygon", "[[[0,0],[2,0],[2,2],[0,2]]]")));

    AreaDataException e = assertThrows(AreaDataException.class, () -> load(regions));
    assertThat(e).hasMessageContaining("(XX-01)").hasMessageContaining("geometry");
  }

  @Test
  void rejectsAGeometryThatIsNotPolygonal() throws IOException {
    Path regions = write("regions.geojson", collection(region("XX-01", "Point", "[1,1]")));

    AreaDataException e = assertThrows(AreaDataException.class, () -> load(regions));
    assertThat(e).hasMessageContaining("(XX-01)").hasMessageContaining("Polygon or MultiPolygon");
  }

  @Test
  void rejectsCoordinatesThatAreNotLongitudeLatitude() throws IOException {
    String projected = "[[[0,0],[500000,0],[500000,500000],[0,500000],[0,0]]]";
    Path regions = write("regions.geojson", collection(region("XX-01", "Polygon", projected)));

    AreaDataException e = assertThrows(AreaDataException.class, () -> load(regions));
    assertThat(e).hasMessageContaining("(XX-01)").hasMessageContaining("longitude/latitude");
  }

  @Test
  void rejectsAFeatureWithoutCode() throws IOException {
    String feature =
        "{\"type\":\"Feature\",\"properties\":{\"hcp_code\":\"01\"},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + SQUARE
            + "}}";
    Path regions = write("regions.geojson", collection(feature));

    AreaDataException e = assertThrows(AreaDataException.class, () -> load(regions));
    assertThat(e)
        .hasMessageContaining("feature #1")
        .hasMessageContaining("missing ISO 3166-2 code");
  }

  @Test
  void rejectsAFeatureWithoutArabicName() throws IOException {
    String feature = region("XX-01", "Polygon", SQUARE).replace("\"name_ar\":\"منطقة\",", "");
    Path regions = write("regions.geojson", collection(feature));

    AreaDataException e = assertThrows(AreaDataException.class, () -> load(regions));
    assertThat(e).hasMessageContaining("(XX-01)").hasMessageContaining("name_ar");
  }

  @Test
  void rejectsAProvinceWithoutParentProperty() throws IOException {
    String orphan =
        province("XX-AAA", "XX-01", SQUARE).replace("\"region_iso_3166_2\":\"XX-01\",", "");
    Path regions = write("regions.geojson", collection(region("XX-01", "Polygon", SQUARE)));
    Path provinces = write("provinces.geojson", collection(orphan));

    AreaDataException e =
        assertThrows(AreaDataException.class, () -> AreaCatalog.load(regions, provinces));
    assertThat(e).hasMessageContaining("(XX-AAA)").hasMessageContaining("region_iso_3166_2");
  }

  @Test
  void rejectsAProvinceWhoseRegionDoesNotExist() throws IOException {
    Path regions = write("regions.geojson", collection(region("XX-01", "Polygon", SQUARE)));
    Path provinces =
        write(
            "provinces.geojson",
            collection(province("XX-AAA", "XX-01", SQUARE), province("XX-BBB", "XX-09", SQUARE)));

    AreaDataException e =
        assertThrows(AreaDataException.class, () -> AreaCatalog.load(regions, provinces));
    assertThat(e).hasMessageContaining("XX-BBB").hasMessageContaining("XX-09");
  }

  @Test
  void rejectsADuplicateCode() throws IOException {
    Path regions =
        write(
            "regions.geojson",
            collection(region("XX-01", "Polygon", SQUARE), region("XX-01", "Polygon", SQUARE)));

    AreaDataException e = assertThrows(AreaDataException.class, () -> load(regions));
    assertThat(e).hasMessageContaining("XX-01").hasMessageContaining("twice");
  }

  private void load(Path regions) throws IOException {
    AreaCatalog.load(
        regions, write("provinces.geojson", collection(province("XX-AAA", "XX-01", SQUARE))));
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static String collection(String... features) {
    return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
  }

  private static String region(String code, String geometryType, String coordinates) {
    return "{\"type\":\"Feature\",\"id\":\""
        + code
        + "\",\"properties\":{\"iso_3166_2\":\""
        + code
        + "\",\"hcp_code\":\"01\",\"name_fr\":\"Région\",\"name_ar\":\"منطقة\","
        + "\"population_2024\":1000},\"geometry\":{\"type\":\""
        + geometryType
        + "\",\"coordinates\":"
        + coordinates
        + "}}";
  }

  private static String province(String code, String region, String coordinates) {
    return "{\"type\":\"Feature\",\"id\":\""
        + code
        + "\",\"properties\":{\"iso_3166_2\":\""
        + code
        + "\",\"hcp_code\":\"01.001\",\"name_fr\":\"Province\",\"name_ar\":\"إقليم\","
        + "\"region_iso_3166_2\":\""
        + region
        + "\",\"population_2024\":1000},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
        + coordinates
        + "}}";
  }
}
