package org.tifli.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tifli.application.ChannelDirectory;
import org.tifli.application.ChannelRevision;
import org.tifli.domain.Channel;
import org.tifli.domain.ChannelStatus;
import org.tifli.domain.Platform;

/**
 * The channels of each area, managed by administrators: registered, read, revised, retired and
 * brought back. Secrets go in and never come out. A channel whose platform refused its credential
 * shows {@code NEEDS_FIX} with the platform's error; a new secret puts it back in service.
 */
@Path("channels")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "channels", description = "The social-media accounts that serve each area")
public class ChannelResource {

  private static final String LANGUAGE = "a language code: ar, fr, en or zgh";
  private static final String FIXED =
      "a channel's area, platform and account never change: retire it and register another";
  private static final int REASON_LENGTH = 1000;

  @EJB ChannelDirectory channels;

  @Inject Caller caller;

  @Context UriInfo uri;

  public record NewChannel(
      @NotBlank @Size(max = 10) String area,
      @NotNull Platform platform,
      @NotBlank @Size(max = Channel.ACCOUNT_ID_LENGTH) String accountId,
      @NotBlank @Size(max = 2000) String secret,
      @Size(max = 5)
          List<
                  @NotNull(message = LANGUAGE) @Pattern(regexp = "[a-z]{2,3}", message = LANGUAGE)
                  String>
              languages,
      Boolean exercise) {}

  /**
   * A revision of a channel: {@code {"languages":["ar","fr"],"exercise":true,"secret":"…"}}. Every
   * field is optional, and one left out keeps its value; the secret is write-only, and a new one
   * puts a channel that needs a fix back in service.
   */
  public record ChannelChange(
      @Size(min = 1, max = 5, message = "between {min} and {max} languages")
          List<
                  @NotNull(message = LANGUAGE) @Pattern(regexp = "[a-z]{2,3}", message = LANGUAGE)
                  String>
              languages,
      Boolean exercise,
      @Size(min = 1, max = 2000, message = "between {min} and {max} characters") String secret,
      @Null(message = FIXED) String area,
      @Null(message = FIXED) String platform,
      @Null(message = FIXED) String accountId) {

    /** Hides the secret from any text form of the request. */
    @Override
    public String toString() {
      return "ChannelChange[languages=" + languages + ", exercise=" + exercise + "]";
    }
  }

  /** Why a channel is retired, for the audit trail: {@code {"reason":"page closed"}}. */
  public record Retirement(
      @Size(max = REASON_LENGTH, message = "at most {max} characters") String reason) {}

  /**
   * A channel as administrators see it, never with its secret.
   *
   * @param status {@code ACTIVE}, {@code NEEDS_FIX} (the platform refused its credential: see
   *     {@code problem}) or {@code RETIRED}
   * @param problem the platform's error that stopped the channel, while it needs a fix
   */
  public record ChannelView(
      long id,
      String area,
      Platform platform,
      String accountId,
      List<String> languages,
      boolean exercise,
      ChannelStatus status,
      String problem,
      Instant problemSince,
      Instant retiredAt,
      Instant createdAt) {

    static ChannelView of(Channel channel) {
      return new ChannelView(
          channel.id(),
          channel.areaCode(),
          channel.platform(),
          channel.accountId(),
          channel.languages(),
          channel.exercise(),
          channel.status(),
          channel.problem().orElse(null),
          channel.problemSince().orElse(null),
          channel.retiredAt().orElse(null),
          channel.createdAt());
    }
  }

  @POST
  @Operation(
      summary = "Register a channel of an area",
      description =
          "The secret (the platform's access token) is sealed and never returned. Languages are"
              + " among ar, fr, en and zgh; French when none is given.")
  @APIResponse(
      responseCode = "201",
      description = "The channel, with its Location",
      content = @Content(schema = @Schema(implementation = ChannelView.class)))
  @APIResponse(responseCode = "400", ref = TifliApi.BAD_REQUEST)
  public Response register(@NotNull @Valid NewChannel request) {
    Channel channel =
        channels.register(
            request.area(),
            request.platform(),
            request.accountId(),
            request.secret(),
            request.languages() == null ? List.of("fr") : request.languages(),
            Boolean.TRUE.equals(request.exercise()),
            caller.actor());
    return Response.created(uri.getAbsolutePathBuilder().path(channel.id().toString()).build())
        .entity(ChannelView.of(channel))
        .build();
  }

  @GET
  @Operation(
      summary = "List the channels",
      description =
          "Of one area with ?area=, else all; of one status with ?status= (ACTIVE, NEEDS_FIX,"
              + " RETIRED), else any. A JSON array, without secrets.")
  public List<ChannelView> list(
      @QueryParam("area")
          @Pattern(regexp = CaseResource.AREA_CODE, message = CaseResource.AREA_MESSAGE)
          String area,
      @QueryParam("status")
          @Pattern(regexp = "ACTIVE|NEEDS_FIX|RETIRED", message = "ACTIVE, NEEDS_FIX or RETIRED")
          String status) {
    Optional<ChannelStatus> wanted =
        Optional.ofNullable(status).filter(s -> !s.isEmpty()).map(ChannelStatus::valueOf);
    return channels.list(Optional.ofNullable(area).filter(a -> !a.isBlank()), wanted).stream()
        .map(ChannelView::of)
        .toList();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Read a channel", description = "Without its secret.")
  @APIResponse(responseCode = "200", description = "The channel")
  @APIResponse(responseCode = "404", ref = TifliApi.NOT_FOUND)
  public ChannelView get(@PathParam("id") long id) {
    return ChannelView.of(channels.get(id));
  }

  @PUT
  @Path("{id}")
  @Operation(
      summary = "Revise a channel",
      description =
          "Changes the fields given and keeps the others: languages (ar, fr, en, zgh), exercise,"
              + " and the secret, which is write-only. A new secret puts a channel that needs a fix"
              + " back in service and queues again the deliveries that waited for it. The area,"
              + " platform and account never change.")
  @APIResponse(responseCode = "200", description = "The channel as revised")
  @APIResponse(responseCode = "400", ref = TifliApi.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = TifliApi.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = TifliApi.CONFLICT)
  public ChannelView revise(
      @PathParam("id") long id,
      @NotNull(message = "a revision is required, with the fields to change") @Valid
          ChannelChange change) {
    return ChannelView.of(
        channels.revise(
            id,
            new ChannelRevision(change.languages(), change.exercise(), change.secret()),
            caller.actor()));
  }

  @POST
  @Path("{id}/retirement")
  @Operation(
      summary = "Retire a channel",
      description =
          "It gets no new alert, update or closing message; the posts it carries still come down"
              + " when their alert ends, and its deliveries stay in the ledger.")
  @APIResponse(responseCode = "200", description = "The channel, retired")
  @APIResponse(responseCode = "404", ref = TifliApi.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = TifliApi.CONFLICT)
  public ChannelView retire(@PathParam("id") long id, @Valid Retirement retirement) {
    String reason = retirement == null ? null : retirement.reason();
    return ChannelView.of(channels.retire(id, reason, caller.actor()));
  }

  @DELETE
  @Path("{id}/retirement")
  @Operation(
      summary = "Bring a retired channel back",
      description = "The stages and updates to come reach it again.")
  @APIResponse(responseCode = "200", description = "The channel, back in service")
  @APIResponse(responseCode = "404", ref = TifliApi.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = TifliApi.CONFLICT)
  public ChannelView reinstate(@PathParam("id") long id) {
    return ChannelView.of(channels.reinstate(id, caller.actor()));
  }

  @GET
  @Path("{id}/audit")
  @Operation(
      summary = "The channel's history",
      description = "Every audited change, oldest first, a page at a time.")
  @APIResponse(responseCode = "404", ref = TifliApi.NOT_FOUND)
  public Page<CaseResource.AuditView> audit(
      @PathParam("id") long id,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.LAST_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return new Page<>(
        channels.history(id, Page.first(page, size), size).stream()
            .map(CaseResource.AuditView::of)
            .toList(),
        page,
        size,
        channels.historyLength(id));
  }
}
