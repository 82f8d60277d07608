package org.tifli.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tifli.api.AlertJson.AlertView;
import org.tifli.api.AlertJson.Cancellation;
import org.tifli.api.AlertJson.Decision;
import org.tifli.api.AlertJson.Hold;
import org.tifli.api.SightingJson.Receipt;
import org.tifli.api.SightingJson.SightingRequest;
import org.tifli.api.SightingJson.SightingView;
import org.tifli.application.AlertPolicy;
import org.tifli.application.AlertWorkflow;
import org.tifli.application.CapMessages;
import org.tifli.application.Sightings;
import org.tifli.domain.Actor;
import org.tifli.domain.Alert;
import org.tifli.domain.Sighting;
import org.tifli.publicpage.CapFeedServlet;

/**
 * Alerts: the supervisor's decision, widening and holding the zone, renewal and cancellation, the
 * alert with its stages and delivery ledger, its public CAP message, and the sightings the public
 * reports for it.
 */
@Path("alerts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "alerts", description = "Alerts: decision, widening and their deliveries")
public class AlertResource {

  @EJB AlertWorkflow alerts;

  @EJB CapMessages cap;

  @EJB Sightings sightings;

  @Inject AlertPolicy policy;

  @Inject Caller caller;

  @Inject ClientAddresses addresses;

  @Inject HttpServletRequest request;

  @GET
  @Path("{id}")
  @RolesAllowed({"officer", "supervisor", "system"})
  @Operation(
      summary = "Read an alert",
      description = "With its stages, target areas and the ledger of its deliveries.")
  public AlertView get(@PathParam("id") long id) {
    return view(alerts.get(id));
  }

  /** Approve or reject; the officer who asked for the alert cannot decide it (403). */
  @POST
  @Path("{id}/approval")
  @RolesAllowed("supervisor")
  @Operation(
      summary = "Approve or reject an alert",
      description = "Four eyes: the officer who asked for the alert gets 403.")
  @APIResponse(responseCode = "200", description = "The decided alert")
  @APIResponse(responseCode = "409", ref = TifliApi.CONFLICT)
  public AlertView decide(
      @PathParam("id") long id,
      @NotNull(message = "a decision is required") @Valid Decision decision) {
    AlertJson.requireReasonForRejection(decision);
    Alert alert =
        decision.approves()
            ? alerts.approve(id, caller.actor())
            : alerts.reject(id, caller.actor(), decision.reason());
    return view(alert);
  }

  /** Widens to the next stage of the schedule now, whatever the time. */
  @POST
  @Path("{id}/widening")
  @RolesAllowed("supervisor")
  @Operation(summary = "Widen an alert to its next stage now")
  @APIResponse(responseCode = "200", description = "The widened alert")
  @APIResponse(responseCode = "409", ref = TifliApi.CONFLICT)
  public AlertView widen(@PathParam("id") long id) {
    return view(alerts.widenNow(id, caller.actor()));
  }

  /** Holds the zone where it is ({@code {"held":true}}) or lets it widen again. */
  @POST
  @Path("{id}/hold")
  @RolesAllowed("supervisor")
  @Operation(summary = "Hold an alert's zone, or let it widen again")
  @APIResponse(responseCode = "200", description = "The alert")
  @APIResponse(responseCode = "409", ref = TifliApi.CONFLICT)
  public AlertView hold(
      @PathParam("id") long id, @NotNull(message = "say whether to hold") @Valid Hold hold) {
    return view(alerts.hold(id, hold.held(), caller.actor()));
  }

  /** Keeps the alert public for another lifetime from now. */
  @POST
  @Path("{id}/renewal")
  @RolesAllowed("supervisor")
  @Operation(summary = "Keep an alert public for another lifetime")
  @APIResponse(responseCode = "200", description = "The renewed alert")
  @APIResponse(responseCode = "409", ref = TifliApi.CONFLICT)
  public AlertView renew(@PathParam("id") long id) {
    return view(alerts.renew(id, caller.actor()));
  }

  /** Withdraws a pending or active alert, with a reason. */
  @POST
  @Path("{id}/cancellation")
  @RolesAllowed("supervisor")
  @Operation(
      summary = "Withdraw an alert",
      description = "Pending or active; a reason is required.")
  @APIResponse(responseCode = "200", description = "The cancelled alert")
  @APIResponse(responseCode = "409", ref = TifliApi.CONFLICT)
  public AlertView cancel(
      @PathParam("id") long id,
      @NotNull(message = "a reason is required") @Valid Cancellation cancellation) {
    return view(alerts.cancel(id, cancellation.reason().trim(), caller.actor()));
  }

  /**
   * The CAP 1.2 message an aggregator should hold now: the latest one issued. Public, for alerts
   * that were made public; after the alert ends it is the cancellation, which names nobody.
   */
  @GET
  @Path("{id}/cap")
  @Produces(CapFeedServlet.CAP_MEDIA_TYPE)
  @PermitAll
  @Operation(
      summary = "The alert's latest CAP 1.2 message",
      description =
          "For alerts made public: the Alert, then an Update per change, then a Cancel that names"
              + " nobody.")
  @APIResponse(responseCode = "200", description = "The CAP 1.2 XML (application/cap+xml)")
  @APIResponse(responseCode = "404", ref = TifliApi.NOT_FOUND)
  public Response cap(@PathParam("id") long id) {
    return cap.latest(id)
        .filter(message -> message.xml() != null)
        .map(
            message ->
                Response.ok(message.xml(), CapFeedServlet.CAP_MEDIA_TYPE)
                    .header("Cache-Control", "no-cache")
                    .build())
        .orElseGet(
            () -> Problem.response(Response.Status.NOT_FOUND, "no public alert with id " + id));
  }

  /**
   * A sighting from the public, no token needed, limited per client address: {@code 202} with the
   * sighting's id and status. An alert never made public is answered as unknown ({@code 404}); one
   * that has ended refuses sightings ({@code 409}).
   */
  @POST
  @Path("{id}/sightings")
  @PermitAll
  @RateLimited
  @Operation(
      summary = "Report a sighting",
      description =
          "No token needed; limited per client address. An alert never made public is unknown"
              + " (404); one that has ended takes no sightings (409).")
  @APIResponse(
      responseCode = "202",
      description = "The sighting's id and status",
      content = @Content(schema = @Schema(implementation = Receipt.class)))
  @APIResponse(responseCode = "409", ref = TifliApi.CONFLICT)
  @APIResponse(responseCode = "413", ref = TifliApi.TOO_LARGE)
  @APIResponse(responseCode = "429", ref = TifliApi.TOO_MANY)
  public Response report(
      @PathParam("id") long id,
      @NotNull(message = "a sighting is required") @Valid SightingRequest sighting) {
    Actor reporter = Actor.thePublic(addresses.of(request));
    Sighting received = sightings.report(id, sighting.toReport(), reporter);
    return Response.accepted(Receipt.of(received)).build();
  }

  /** The alert's sightings, the latest received first, with the reporters' contacts. */
  @GET
  @Path("{id}/sightings")
  @RolesAllowed({"officer", "supervisor"})
  @Operation(
      summary = "The alert's sightings",
      description = "The latest received first, with the reporters' contacts, a page at a time.")
  public Page<SightingView> sightingsOf(
      @PathParam("id") long id,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.LAST_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    alerts.get(id);
    return new Page<>(
        sightings.ofAlert(id, Page.first(page, size), size).stream().map(SightingView::of).toList(),
        page,
        size,
        sightings.countOfAlert(id));
  }

  private AlertView view(Alert alert) {
    return AlertView.of(
        alert,
        alerts.deliveries(alert.id()),
        policy.schedule(),
        sightings.countOfAlert(alert.id()));
  }
}
