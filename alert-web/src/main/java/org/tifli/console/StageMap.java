package org.tifli.console;

import jakarta.faces.context.FacesContext;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;
import org.tifli.application.AreaDirectory;
import org.tifli.geo.AreaLevel;
import org.tifli.publicpage.PublicPageSettings;

/**
 * What {@code resources/js/stage-map.js} draws, as JSON for a {@code data-map} attribute (no script
 * in the pages): the last-seen point and, stage by stage, the provinces a stage reaches for the
 * first time. Regions are left out: a region is drawn as its provinces.
 */
final class StageMap {

  /** One stage: its number as people count (1, 2, ...), its label and its area codes. */
  record Stage(int number, String label, List<String> areaCodes) {}

  private StageMap() {}

  static String json(
      FacesContext faces,
      AreaDirectory areas,
      PublicPageSettings settings,
      double latitude,
      double longitude,
      List<Stage> stages) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (Stage stage : stages) {
      list.add(
          Json.createObjectBuilder()
              .add("number", stage.number())
              .add("label", stage.label())
              .add(
                  "areas",
                  Json.createArrayBuilder(
                      stage.areaCodes().stream()
                          .filter(
                              code ->
                                  areas
                                      .find(code)
                                      .map(a -> a.level() == AreaLevel.PROVINCE)
                                      .orElse(false))
                          .toList())));
    }
    return Json.createObjectBuilder()
        .add("tiles", settings.tileUrl())
        .add("areasUrl", faces.getExternalContext().getRequestContextPath() + AreaMap.PATH)
        .add("latitude", latitude)
        .add("longitude", longitude)
        .add("stages", list)
        .build()
        .toString();
  }
}
