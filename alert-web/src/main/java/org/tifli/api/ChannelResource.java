package org.tifli.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tifli.application.ChannelDirectory;
import org.tifli.domain.Channel;
import org.tifli.domain.Platform;

/** The channels of each area, managed by administrators. Secrets go in and never come out. */
@Path("channels")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "channels", description = "The social-media accounts that serve each area")
public class ChannelResource {

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
                  @NotNull(message = "a language code such as fr")
                  @Pattern(regexp = "[a-z]{2,3}", message = "a language code such as fr") String>
              languages,
      Boolean exercise) {}

  public record ChannelView(
      long id,
      String area,
      Platform platform,
      String accountId,
      List<String> languages,
      boolean exercise) {

    static ChannelView of(Channel channel) {
      return new ChannelView(
          channel.id(),
          channel.areaCode(),
          channel.platform(),
          channel.accountId(),
          channel.languages(),
          channel.exercise());
    }
  }

  @POST
  @Operation(
      summary = "Register a channel of an area",
      description = "The secret (the platform's access token) is sealed and never returned.")
  @APIResponse(
      responseCode = "201",
      description = "The channel, with its Location",
      content = @Content(schema = @Schema(implementation = ChannelView.class)))
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
  @Operation(summary = "List the channels", description = "Of one area with ?area=, else all.")
  public List<ChannelView> list(
      @QueryParam("area")
          @Pattern(regexp = CaseResource.AREA_CODE, message = CaseResource.AREA_MESSAGE)
          String area) {
    return channels.list(Optional.ofNullable(area).filter(a -> !a.isBlank())).stream()
        .map(ChannelView::of)
        .toList();
  }
}
