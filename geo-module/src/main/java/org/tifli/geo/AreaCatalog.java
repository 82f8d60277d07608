package org.tifli.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The administrative areas of one country: its regions and the provinces inside them.
 *
 * <p>Invariants: codes are unique; every province's parent is a region of the catalog; every region
 * has at least one province; lists keep the order of the source files. Immutable and safe to share
 * between threads.
 *
 * <p>{@link #morocco()} is the shipped default: Morocco's 12 regions and 75 provinces, boundaries ©
 * OpenStreetMap contributors (ODbL 1.0) and attributes © HCP, RGPH 2024 (see {@code NOTICE.md} next
 * to the files). A deployment for another country calls {@link #load(Path, Path)} with its own
 * files in the same format.
 */
public final class AreaCatalog {

  private static final String MOROCCO = "morocco/";
  private static final String REGIONS_FILE = "morocco_regions_adm1.geojson";
  private static final String PROVINCES_FILE = "morocco_provinces_adm2.geojson";

  private final List<AdministrativeArea> areas;
  private final List<AdministrativeArea> regions;
  private final List<AdministrativeArea> provinces;
  private final Map<String, AdministrativeArea> byCode;
  private final Map<String, List<AdministrativeArea>> provincesByRegion;

  private AreaCatalog(List<AdministrativeArea> regions, List<AdministrativeArea> provinces) {
    Map<String, AdministrativeArea> codes = new LinkedHashMap<>();
    Map<String, List<AdministrativeArea>> children = new LinkedHashMap<>();
    for (AdministrativeArea region : regions) {
      putUnique(codes, region);
      children.put(region.code(), new ArrayList<>());
    }
    for (AdministrativeArea province : provinces) {
      putUnique(codes, province);
      List<AdministrativeArea> siblings = children.get(province.parentCode());
      if (siblings == null) {
        throw new AreaDataException(
            "province "
                + province.code()
                + ": its region "
                + province.parentCode()
                + " is not in the regions file");
      }
      siblings.add(province);
    }
    children.forEach(
        (region, list) -> {
          if (list.isEmpty()) {
            throw new AreaDataException("region " + region + ": no province lies in it");
          }
        });
    this.regions = List.copyOf(regions);
    this.provinces = List.copyOf(provinces);
    List<AdministrativeArea> all = new ArrayList<>(regions);
    all.addAll(provinces);
    this.areas = List.copyOf(all);
    this.byCode = Collections.unmodifiableMap(codes);
    Map<String, List<AdministrativeArea>> frozen = new LinkedHashMap<>();
    children.forEach((region, list) -> frozen.put(region, List.copyOf(list)));
    this.provincesByRegion = Collections.unmodifiableMap(frozen);
  }

  private static void putUnique(Map<String, AdministrativeArea> codes, AdministrativeArea area) {
    if (codes.putIfAbsent(area.code(), area) != null) {
      throw new AreaDataException("area " + area.code() + ": the code appears twice");
    }
  }

  /** Morocco's 12 regions and 75 provinces, read once from the classpath and then shared. */
  public static AreaCatalog morocco() {
    return Morocco.CATALOG;
  }

  /** Holder idiom: the shipped files are parsed on first use, once, thread-safely. */
  private static final class Morocco {
    static final AreaCatalog CATALOG =
        new AreaCatalog(
            readResource(REGIONS_FILE, AreaLevel.REGION),
            readResource(PROVINCES_FILE, AreaLevel.PROVINCE));
  }

  private static List<AdministrativeArea> readResource(String file, AreaLevel level) {
    try (InputStream in = AreaCatalog.class.getResourceAsStream(MOROCCO + file)) {
      if (in == null) {
        throw new AreaDataException(file + ": missing from the classpath");
      }
      return read(file, new InputStreamReader(in, StandardCharsets.UTF_8), level);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read", e);
    }
  }

  /**
   * Loads a deployment's own boundary files, in the format of the shipped Morocco files (GeoJSON
   * FeatureCollections in WGS 84; properties {@code iso_3166_2}, {@code hcp_code}, {@code name_fr},
   * {@code name_ar}, {@code population_2024}, and for provinces {@code region_iso_3166_2}).
   *
   * @throws AreaDataException if a file is unreadable, is not GeoJSON, or a feature is missing a
   *     code, name or parent, or has an invalid geometry; the message names the feature
   */
  public static AreaCatalog load(Path regionsGeoJson, Path provincesGeoJson) {
    return new AreaCatalog(
        readFile(regionsGeoJson, AreaLevel.REGION), readFile(provincesGeoJson, AreaLevel.PROVINCE));
  }

  private static List<AdministrativeArea> readFile(Path file, AreaLevel level) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(file.toString(), reader, level);
    } catch (IOException e) {
      throw new AreaDataException(file + ": cannot be read (" + e + ")", e);
    }
  }

  private static List<AdministrativeArea> read(String name, Reader reader, AreaLevel level)
      throws IOException {
    return new AreaFileReader(name, level).read(reader);
  }

  /** Every area: the regions first, then the provinces, each in file order. */
  public List<AdministrativeArea> areas() {
    return areas;
  }

  /** The regions, in file order. */
  public List<AdministrativeArea> regions() {
    return regions;
  }

  /** The provinces, in file order. */
  public List<AdministrativeArea> provinces() {
    return provinces;
  }

  /** The region or province with this ISO 3166-2 code, if any. */
  public Optional<AdministrativeArea> find(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /**
   * The area with this code.
   *
   * @throws NoSuchElementException if the catalog has no such area
   */
  public AdministrativeArea get(String code) {
    return find(code).orElseThrow(() -> new NoSuchElementException("no area with code " + code));
  }

  /** The provinces of a region, in file order; empty if the code is not a region's. */
  public List<AdministrativeArea> provincesOf(String regionCode) {
    return provincesByRegion.getOrDefault(regionCode, List.of());
  }
}
