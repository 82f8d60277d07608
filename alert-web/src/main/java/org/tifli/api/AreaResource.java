package org.tifli.api;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tifli.application.AreaDirectory;
import org.tifli.geo.AdministrativeArea;

/** The administrative areas Tifli targets: public reference data. */
@Path("areas")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "areas", description = "The administrative areas alerts target")
public class AreaResource {

  @Inject AreaDirectory areas;

  public record AreaView(String code, String level, String nameFr, String nameAr, String parent) {

    static AreaView of(AdministrativeArea area) {
      return new AreaView(
          area.code(), area.level().name(), area.nameFr(), area.nameAr(), area.parentCode());
    }
  }

  @GET
  @PermitAll
  @Operation(
      summary = "List the areas",
      description = "Regions and provinces, with codes and names.")
  public List<AreaView> list() {
    return areas.areas().stream().map(AreaView::of).toList();
  }
}
