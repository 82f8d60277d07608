package org.tifli.geo.bench;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.tifli.geo.AdministrativeArea;
import org.tifli.geo.AreaCatalog;
import org.tifli.geo.AreaLocator;
import org.tifli.geo.Placement;
import org.tifli.geo.SearchOrigin;
import org.tifli.geo.StageScope;
import org.tifli.geo.TargetZone;
import org.tifli.geo.TargetZones;

/**
 * Point-to-province lookups on one thread, indexed ({@link AreaLocator}) against a plain scan over
 * every province polygon, and the time to compute a 160 km target zone. Points are drawn, with a
 * fixed seed, uniformly over Morocco's land: uniform in the country's bounding box, kept only when
 * a province contains them.
 */
@State(Scope.Thread)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PointLookupBenchmark {

  private static final int POINTS = 4096;

  private List<AdministrativeArea> provinces;
  private AreaLocator locator;
  private TargetZones zones;
  private double[] latitudes;
  private double[] longitudes;
  private int next;

  @Setup
  public void drawPointsOnLand() {
    AreaCatalog catalog = AreaCatalog.morocco();
    provinces = catalog.provinces();
    locator = new AreaLocator(catalog);
    zones = new TargetZones(locator);
    Envelope country = new Envelope();
    provinces.forEach(p -> country.expandToInclude(p.geometry().getEnvelopeInternal()));
    Random random = new Random(20250301L);
    latitudes = new double[POINTS];
    longitudes = new double[POINTS];
    int drawn = 0;
    while (drawn < POINTS) {
      double lat = country.getMinY() + random.nextDouble() * country.getHeight();
      double lon = country.getMinX() + random.nextDouble() * country.getWidth();
      if (scan(lat, lon) != null) {
        latitudes[drawn] = lat;
        longitudes[drawn] = lon;
        drawn++;
      }
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Placement indexedLookup() {
    int i = next++ & (POINTS - 1);
    return locator.locate(latitudes[i], longitudes[i]);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public AdministrativeArea plainScan() {
    int i = next++ & (POINTS - 1);
    return scan(latitudes[i], longitudes[i]);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public TargetZone zone160Km() {
    int i = next++ & (POINTS - 1);
    return zones.zone(new StageScope.Radius(160), SearchOrigin.at(latitudes[i], longitudes[i]));
  }

  /**
   * Tests every province polygon in turn, as code without a spatial index would: a bounding-box
   * check, then a ray-crossing count over the polygon's rings.
   */
  private AdministrativeArea scan(double latitude, double longitude) {
    Coordinate point = new Coordinate(longitude, latitude);
    for (AdministrativeArea province : provinces) {
      if (SimplePointInAreaLocator.locate(point, province.geometry()) != Location.EXTERIOR) {
        return province;
      }
    }
    return null;
  }
}
