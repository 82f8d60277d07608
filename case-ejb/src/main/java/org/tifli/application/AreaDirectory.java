package org.tifli.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tifli.geo.AdministrativeArea;
import org.tifli.geo.AreaCatalog;
import org.tifli.geo.AreaLocator;
import org.tifli.geo.MapOutlines;
import org.tifli.geo.Placement;
import org.tifli.geo.TargetZones;

/**
 * The administrative areas this installation serves, loaded once at start: Morocco's regions and
 * provinces by default, or a deployment's own GeoJSON files ({@code tifli.geo.regions-file} and
 * {@code tifli.geo.provinces-file}).
 */
@ApplicationScoped
public class AreaDirectory {

  private static final Logger LOG = Logger.getLogger(AreaDirectory.class.getName());

  @Inject
  @ConfigProperty(name = "tifli.geo.regions-file")
  Optional<String> regionsFile;

  @Inject
  @ConfigProperty(name = "tifli.geo.provinces-file")
  Optional<String> provincesFile;

  private AreaCatalog catalog;
  private AreaLocator locator;
  private TargetZones zones;
  private volatile String mapOutlines;

  @PostConstruct
  void load() {
    if (regionsFile.isPresent() && provincesFile.isPresent()) {
      catalog = AreaCatalog.load(Path.of(regionsFile.get()), Path.of(provincesFile.get()));
    } else {
      catalog = AreaCatalog.morocco();
    }
    locator = new AreaLocator(catalog);
    zones = new TargetZones(locator);
    LOG.info(() -> "Loaded " + catalog.areas().size() + " administrative areas");
  }

  public List<AdministrativeArea> areas() {
    return catalog.areas();
  }

  public Optional<AdministrativeArea> find(String code) {
    return catalog.find(code);
  }

  /** The province and region of a point; rejects coordinates out of range. */
  public Placement locate(double latitude, double longitude) {
    return locator.locate(latitude, longitude);
  }

  /**
   * Every area as a GeoJSON feature collection simplified for drawing on a map ({@link
   * MapOutlines}); made on first use, then kept.
   */
  public String mapOutlines() {
    String outlines = mapOutlines;
    if (outlines == null) {
      outlines = MapOutlines.featureCollection(areas(), MapOutlines.DEFAULT_TOLERANCE_DEGREES);
      mapOutlines = outlines;
    }
    return outlines;
  }

  /** The target zones of alerts over these areas. */
  public TargetZones zones() {
    return zones;
  }
}
