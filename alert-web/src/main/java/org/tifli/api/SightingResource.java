package org.tifli.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tifli.api.SightingJson.SightingView;
import org.tifli.api.SightingJson.Triage;
import org.tifli.application.Sightings;
import org.tifli.domain.SightingStatus;

/**
 * One sighting, as the police see it, and its triage. The public reports sightings through {@code
 * POST /alerts/{id}/sightings}; the lists are under the alert and the case.
 */
@Path("sightings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "sightings", description = "Sightings the public reported, and their triage")
public class SightingResource {

  @EJB Sightings sightings;

  @Inject Caller caller;

  @GET
  @Path("{id}")
  @RolesAllowed({"officer", "supervisor"})
  @Operation(summary = "Read a sighting", description = "With the reporter's contact.")
  public SightingView get(@PathParam("id") long id) {
    return SightingView.of(sightings.get(id));
  }

  /** An officer's verdict, {@code RELEVANT} or {@code DISMISSED}, with an optional note. */
  @POST
  @Path("{id}/triage")
  @RolesAllowed({"officer", "supervisor"})
  @Operation(
      summary = "Triage a sighting",
      description = "RELEVANT or DISMISSED, with an optional note; a verdict can be changed.")
  @APIResponse(responseCode = "200", description = "The sighting")
  public SightingView triage(
      @PathParam("id") long id, @NotNull(message = "a verdict is required") @Valid Triage triage) {
    return SightingView.of(
        sightings.triage(
            id, SightingStatus.valueOf(triage.status()), triage.note(), caller.actor()));
  }
}
