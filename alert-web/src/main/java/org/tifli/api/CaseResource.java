package org.tifli.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tifli.api.AlertJson.AlertRequest;
import org.tifli.api.AlertJson.AlertView;
import org.tifli.api.CaseJson.CaseRequest;
import org.tifli.api.CaseJson.CaseView;
import org.tifli.api.SightingJson.SightingView;
import org.tifli.application.AlertPolicy;
import org.tifli.application.AlertWorkflow;
import org.tifli.application.AuditTrail;
import org.tifli.application.CaseIntake;
import org.tifli.application.CaseResolution;
import org.tifli.application.Sightings;
import org.tifli.domain.Alert;
import org.tifli.domain.AuditEntry;
import org.tifli.domain.CaseOutcome;
import org.tifli.domain.CaseStatus;
import org.tifli.domain.InvalidRequestException;
import org.tifli.domain.MissingChildCase;

/**
 * Cases: opening, revising, reading, listing, asking for an alert, resolving, the sightings of all
 * its alerts, and the timeline.
 */
@Path("cases")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "cases", description = "Missing-child cases, from intake to resolution")
public class CaseResource {

  /** An area code as a filter (ISO 3166-2, such as MA-CAS or MA-06); empty filters nothing. */
  static final String AREA_CODE = "[A-Za-z0-9-]{0,10}";

  static final String AREA_MESSAGE = "an area code such as MA-CAS or MA-06";

  @EJB CaseIntake cases;

  @EJB AlertWorkflow alerts;

  @EJB CaseResolution resolutions;

  @EJB AuditTrail audit;

  @EJB Sightings sightings;

  @Inject AlertPolicy policy;

  @Inject Caller caller;

  @Context UriInfo uri;

  @POST
  @RolesAllowed({"officer", "system"})
  @Operation(
      summary = "Open a case",
      description = "The whole intake; the answer has the case's reference and its areas.")
  @APIResponse(
      responseCode = "201",
      description = "The case, with its Location",
      content = @Content(schema = @Schema(implementation = CaseView.class)))
  public Response open(@NotNull(message = "a case is required") @Valid CaseRequest request) {
    MissingChildCase opened = cases.open(request.toDetails(), caller.actor());
    return Response.created(uri.getAbsolutePathBuilder().path(opened.id().toString()).build())
        .entity(CaseView.of(opened))
        .build();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({"officer", "supervisor", "system"})
  @Operation(summary = "Read a case")
  public CaseView get(@PathParam("id") long id) {
    return CaseView.of(cases.get(id));
  }

  /** Replaces the details of an open case with a revised version of the whole intake. */
  @PUT
  @Path("{id}")
  @RolesAllowed({"officer", "system"})
  @Operation(summary = "Revise an open case", description = "Replaces the whole intake.")
  @APIResponse(responseCode = "200", description = "The revised case")
  @APIResponse(responseCode = "409", ref = TifliApi.CONFLICT)
  public CaseView revise(
      @PathParam("id") long id,
      @NotNull(message = "a case is required") @Valid CaseRequest request) {
    return CaseView.of(cases.revise(id, request.toDetails(), caller.actor()));
  }

  /** Ends the case with its outcome, and with it every alert of the case. */
  @POST
  @Path("{id}/resolution")
  @RolesAllowed("supervisor")
  @Operation(
      summary = "Resolve a case",
      description = "Ends the case with its outcome, and every alert of it; posts are retracted.")
  @APIResponse(responseCode = "200", description = "The resolved case")
  @APIResponse(responseCode = "409", ref = TifliApi.CONFLICT)
  public CaseView resolve(
      @PathParam("id") long id,
      @NotNull(message = "an outcome is required") @Valid Resolution resolution) {
    return CaseView.of(
        resolutions.resolve(
            id, CaseOutcome.valueOf(resolution.outcome()), resolution.note(), caller.actor()));
  }

  /** The case's timeline: every recorded change of it, its alerts and its sightings. */
  @GET
  @Path("{id}/audit")
  @RolesAllowed({"officer", "supervisor"})
  @Operation(
      summary = "The case's timeline",
      description = "Every audited change, oldest first, a page at a time.")
  public Page<AuditView> audit(
      @PathParam("id") long id,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.LAST_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    cases.get(id);
    return new Page<>(
        audit.ofCase(id, Page.first(page, size), size).stream().map(AuditView::of).toList(),
        page,
        size,
        audit.countOfCase(id));
  }

  /** The alerts of a case, oldest first, without their ledgers. */
  @GET
  @Path("{id}/alerts")
  @RolesAllowed({"officer", "supervisor", "system"})
  @Operation(
      summary = "The alerts of a case",
      description = "Oldest first, without ledgers, a page at a time.")
  public Page<AlertView> alertsOf(
      @PathParam("id") long id,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.LAST_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    cases.get(id);
    return new Page<>(
        alerts.ofCase(id, Page.first(page, size), size).stream()
            .map(a -> AlertView.of(a, List.of(), policy.schedule(), sightings.countOfAlert(a.id())))
            .toList(),
        page,
        size,
        alerts.countOfCase(id));
  }

  /** The sightings of all the case's alerts, the latest received first, with contacts. */
  @GET
  @Path("{id}/sightings")
  @RolesAllowed({"officer", "supervisor"})
  @Operation(
      summary = "The sightings of all the case's alerts",
      description = "The latest received first, with the reporters' contacts, a page at a time.")
  public Page<SightingView> sightingsOf(
      @PathParam("id") long id,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.LAST_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    cases.get(id);
    return new Page<>(
        sightings.ofCase(id, Page.first(page, size), size).stream().map(SightingView::of).toList(),
        page,
        size,
        sightings.countOfCase(id));
  }

  @GET
  @RolesAllowed({"officer", "supervisor", "system"})
  @Operation(summary = "List cases", description = "By status and area, a page at a time.")
  public Page<CaseView> list(
      @QueryParam("status") String status,
      @QueryParam("area") @Pattern(regexp = AREA_CODE, message = AREA_MESSAGE) String area,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.LAST_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    Optional<CaseStatus> inStatus = statusFilter(status);
    Optional<String> inArea = Optional.ofNullable(area).filter(a -> !a.isBlank());
    return new Page<>(
        cases.list(inStatus, inArea, Page.first(page, size), size).stream()
            .map(CaseView::of)
            .toList(),
        page,
        size,
        cases.count(inStatus, inArea));
  }

  @POST
  @Path("{id}/alerts")
  @RolesAllowed("officer")
  @Operation(
      summary = "Ask for an alert",
      description = "With the activation criteria; a failed criterion needs a justification.")
  @APIResponse(
      responseCode = "201",
      description = "The alert, waiting for a supervisor's decision",
      content = @Content(schema = @Schema(implementation = AlertView.class)))
  @APIResponse(responseCode = "409", ref = TifliApi.CONFLICT)
  public Response requestAlert(
      @PathParam("id") long id,
      @NotNull(message = "an alert request is required") @Valid AlertRequest request) {
    Alert alert =
        alerts.request(
            id,
            request.criteria().toCriteria(),
            request.justification(),
            request.isExercise(),
            caller.actor());
    return Response.created(
            uri.getBaseUriBuilder().path("alerts").path(alert.id().toString()).build())
        .entity(AlertView.of(alert, List.of(), policy.schedule(), 0))
        .build();
  }

  /** How a case ended: {@code {"outcome":"FOUND_SAFE","note":"..."}}. */
  public record Resolution(
      @NotNull(
              message = "one of FOUND_SAFE, FOUND_HARMED, FOUND_DECEASED, RETURNED_HOME, UNFOUNDED")
          @Pattern(
              regexp = "FOUND_SAFE|FOUND_HARMED|FOUND_DECEASED|RETURNED_HOME|UNFOUNDED",
              message = "one of FOUND_SAFE, FOUND_HARMED, FOUND_DECEASED, RETURNED_HOME, UNFOUNDED")
          String outcome,
      @Size(max = MissingChildCase.NOTE_LENGTH, message = "at most {max} characters")
          String note) {}

  /** One line of a case's timeline. */
  public record AuditView(
      long id,
      Instant at,
      String actor,
      String actorKind,
      String origin,
      String subject,
      long subjectId,
      String action,
      JsonObject changes) {

    static AuditView of(AuditEntry entry) {
      try (JsonReader reader = Json.createReader(new StringReader(entry.changes()))) {
        return new AuditView(
            entry.id(),
            entry.occurredAt(),
            entry.actor().name(),
            entry.actor().kind().name(),
            entry.actor().origin(),
            entry.subjectType().name(),
            entry.subjectId(),
            entry.action(),
            reader.readObject());
      }
    }
  }

  private static Optional<CaseStatus> statusFilter(String status) {
    if (status == null || status.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(CaseStatus.valueOf(status));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("status", "one of OPEN, RESOLVED, CLOSED_UNFOUNDED");
    }
  }
}
