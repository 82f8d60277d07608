package org.tifli.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AreaCatalogTest {

  private static final AreaCatalog MOROCCO = AreaCatalog.morocco();

  @Test
  void shipsTwelveRegionsAndSeventyFiveProvinces() {
    assertThat(MOROCCO.regions()).hasSize(12).allMatch(a -> a.level() == AreaLevel.REGION);
    assertThat(MOROCCO.provinces()).hasSize(75).allMatch(a -> a.level() == AreaLevel.PROVINCE);
    assertThat(MOROCCO.areas()).hasSize(87);
    assertThat(MOROCCO.areas().subList(0, 12)).isEqualTo(MOROCCO.regions());
    assertThat(MOROCCO.areas().subList(12, 87)).isEqualTo(MOROCCO.provinces());
  }

  @Test
  void isLoadedOnce() {
    assertThat(AreaCatalog.morocco()).isSameAs(MOROCCO);
  }

  @Test
  void readsCodesNamesAndPopulation() {
    AdministrativeArea casablanca = MOROCCO.find("MA-CAS").orElseThrow();
    assertThat(casablanca.level()).isEqualTo(AreaLevel.PROVINCE);
    assertThat(casablanca.officialCode()).isEqualTo("06.141");
    assertThat(casablanca.nameFr()).isEqualTo("Casablanca");
    assertThat(casablanca.nameAr()).isEqualTo("الدار البيضاء");
    assertThat(casablanca.parentCode()).isEqualTo("MA-06");
    assertThat(casablanca.parent()).contains("MA-06");
    assertThat(casablanca.population()).isPositive();

    AdministrativeArea region = MOROCCO.find("MA-06").orElseThrow();
    assertThat(region.nameFr()).isEqualTo("Casablanca-Settat");
    assertThat(region.parentCode()).isNull();
    assertThat(region.parent()).isEmpty();
  }

  @Test
  void findsNothingForAnUnknownCode() {
    assertThat(MOROCCO.find("MA-XYZ")).isEmpty();
    assertThrows(java.util.NoSuchElementException.class, () -> MOROCCO.get("MA-XYZ"));
    assertThat(MOROCCO.provincesOf("MA-CAS")).isEmpty();
  }

  @Test
  void provincesAddUpToTheirRegion() {
    long national = 0;
    for (AdministrativeArea region : MOROCCO.regions()) {
      var provinces = MOROCCO.provincesOf(region.code());
      assertThat(provinces).isNotEmpty().allMatch(p -> p.parentCode().equals(region.code()));
      assertThat(provinces.stream().mapToLong(AdministrativeArea::population).sum())
          .as("population of %s", region)
          .isEqualTo(region.population());
      double provinceArea = provinces.stream().mapToDouble(p -> p.geometry().getArea()).sum();
      assertThat(provinceArea).isCloseTo(region.geometry().getArea(), withinPercent(0.01));
      national += region.population();
    }
    assertThat(MOROCCO.provinces().stream().mapToLong(AdministrativeArea::population).sum())
        .isEqualTo(national);
  }

  private static org.assertj.core.data.Percentage withinPercent(double percent) {
    return org.assertj.core.data.Percentage.withPercentage(percent);
  }

  @Test
  void everyGeometryIsValidPolygonal() {
    assertThat(MOROCCO.areas())
        .allMatch(a -> a.geometry().isValid())
        .allMatch(a -> a.geometry().getDimension() == 2);
  }

  @Test
  void loadsADeploymentsOwnFilesQuickly(@TempDir Path dir) throws IOException {
    Path regions = copyResource("morocco_regions_adm1.geojson", dir);
    Path provinces = copyResource("morocco_provinces_adm2.geojson", dir);

    long start = System.nanoTime();
    AreaCatalog catalog = AreaCatalog.load(regions, provinces);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(catalog.areas())
        .extracting(AdministrativeArea::code)
        .isEqualTo(MOROCCO.areas().stream().map(AdministrativeArea::code).toList());
    // Generous: a cold JVM on a busy 2-core machine; typically well under a second.
    assertThat(millis).as("load time in ms").isLessThan(5000);
  }

  private static Path copyResource(String name, Path dir) throws IOException {
    Path target = dir.resolve(name);
    try (InputStream in = AreaCatalog.class.getResourceAsStream("morocco/" + name)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }
}
