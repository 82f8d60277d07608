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
import org.tifli.api.AlertJson.AlertView;
import org.tifli.api.AlertJson.Decision;
import org.tifli.application.AlertWorkflow;
import org.tifli.domain.Alert;

/** Alerts: the supervisor's decision, and the alert with its delivery ledger. */
@Path("alerts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AlertResource {

  @EJB AlertWorkflow alerts;

  @Inject Caller caller;

  @GET
  @Path("{id}")
  @RolesAllowed({"officer", "supervisor", "system"})
  public AlertView get(@PathParam("id") long id) {
    Alert alert = alerts.get(id);
    return AlertView.of(alert, alerts.deliveries(id));
  }

  /** Approve or reject; the officer who asked for the alert cannot decide it (403). */
  @POST
  @Path("{id}/approval")
  @RolesAllowed("supervisor")
  public AlertView decide(
      @PathParam("id") long id,
      @NotNull(message = "a decision is required") @Valid Decision decision) {
    AlertJson.requireReasonForRejection(decision);
    Alert alert =
        decision.approves()
            ? alerts.approve(id, caller.actor())
            : alerts.reject(id, caller.actor(), decision.reason());
    return AlertView.of(alert, alerts.deliveries(id));
  }
}
