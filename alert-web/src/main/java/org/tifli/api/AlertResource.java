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
import org.tifli.api.AlertJson.AlertView;
import org.tifli.api.AlertJson.Cancellation;
import org.tifli.api.AlertJson.Decision;
import org.tifli.api.AlertJson.Hold;
import org.tifli.application.AlertPolicy;
import org.tifli.application.AlertWorkflow;
import org.tifli.domain.Alert;

/**
 * Alerts: the supervisor's decision, widening and holding the zone, renewal and cancellation, and
 * the alert with its stages and delivery ledger.
 */
@Path("alerts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "alerts", description = "Alerts: decision, widening and their deliveries")
public class AlertResource {

  @EJB AlertWorkflow alerts;

  @Inject AlertPolicy policy;

  @Inject Caller caller;

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

  private AlertView view(Alert alert) {
    return AlertView.of(alert, alerts.deliveries(alert.id()), policy.schedule());
  }
}
