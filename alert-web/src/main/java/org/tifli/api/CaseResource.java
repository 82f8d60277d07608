package org.tifli.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.tifli.api.AlertJson.AlertRequest;
import org.tifli.api.AlertJson.AlertView;
import org.tifli.api.CaseJson.CaseRequest;
import org.tifli.api.CaseJson.CaseView;
import org.tifli.application.AlertWorkflow;
import org.tifli.application.CaseIntake;
import org.tifli.domain.ActivationCriteria;
import org.tifli.domain.Alert;
import org.tifli.domain.CaseStatus;
import org.tifli.domain.InvalidRequestException;
import org.tifli.domain.MissingChildCase;

/** Cases: opening, reading, listing, and asking for an alert. */
@Path("cases")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseResource {

  @EJB CaseIntake cases;

  @EJB AlertWorkflow alerts;

  @Inject Caller caller;

  @Context UriInfo uri;

  @POST
  @RolesAllowed({"officer", "system"})
  public Response open(@NotNull(message = "a case is required") @Valid CaseRequest request) {
    MissingChildCase opened = cases.open(request.toNewCase(), caller.actor());
    return Response.created(uri.getAbsolutePathBuilder().path(opened.id().toString()).build())
        .entity(CaseView.of(opened))
        .build();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({"officer", "supervisor", "system"})
  public CaseView get(@PathParam("id") long id) {
    return CaseView.of(cases.get(id));
  }

  @GET
  @RolesAllowed({"officer", "supervisor", "system"})
  public Page<CaseView> list(
      @QueryParam("status") String status,
      @QueryParam("area") @Size(max = 10) String area,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    Optional<CaseStatus> inStatus = statusFilter(status);
    Optional<String> inArea = Optional.ofNullable(area).filter(a -> !a.isBlank());
    return new Page<>(
        cases.list(inStatus, inArea, page * size, size).stream().map(CaseView::of).toList(),
        page,
        size,
        cases.count(inStatus, inArea));
  }

  @POST
  @Path("{id}/alerts")
  @RolesAllowed("officer")
  public Response requestAlert(
      @PathParam("id") long id,
      @NotNull(message = "an alert request is required") @Valid AlertRequest request) {
    AlertJson.CriteriaJson c = request.criteria();
    Alert alert =
        alerts.request(
            id,
            new ActivationCriteria(
                c.minor(), c.danger(), c.descriptionSufficient(), c.guardianConsent()),
            request.justification(),
            request.exercise(),
            caller.actor());
    return Response.created(
            uri.getBaseUriBuilder().path("alerts").path(alert.id().toString()).build())
        .entity(AlertView.of(alert, List.of()))
        .build();
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
