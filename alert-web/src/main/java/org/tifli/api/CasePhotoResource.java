package org.tifli.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tifli.application.CasePhotos;
import org.tifli.domain.CasePhoto;
import org.tifli.domain.InvalidRequestException;

/**
 * Photos of a case. An upload is {@code multipart/form-data} with the image in the part {@code
 * photo} and, optionally, {@code publication=true} to make it the photo alerts show. The format is
 * read from the bytes, whatever the file's name or declared type.
 */
@Path("cases/{caseId}/photos")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cases", description = "Missing-child cases, from intake to resolution")
public class CasePhotoResource {

  /** The multipart part that carries the image. */
  private static final String PHOTO_PART = "photo";

  /** The multipart part that says whether the photo is the one alerts show. */
  private static final String PUBLICATION_PART = "publication";

  /** {@code true} or {@code false}, perhaps with spaces around; nothing longer is read. */
  private static final int PUBLICATION_LENGTH = 16;

  @EJB CasePhotos photos;

  @Inject Caller caller;

  @Context UriInfo uri;

  /** What the API says of a photo; the image itself is at the photo's own address. */
  public record PhotoView(
      long id,
      String contentType,
      int width,
      int height,
      int sizeBytes,
      boolean publication,
      String uploadedBy,
      Instant uploadedAt) {

    static PhotoView of(CasePhoto photo) {
      return new PhotoView(
          photo.id(),
          photo.format().mediaType(),
          photo.width(),
          photo.height(),
          photo.sizeBytes(),
          photo.forPublication(),
          photo.uploadedBy(),
          photo.uploadedAt());
    }
  }

  /** The parts of an upload, for the OpenAPI document; the resource reads the parts themselves. */
  public record PhotoUpload(@NotNull byte[] photo, boolean publication) {}

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed({"officer", "system"})
  @Operation(
      summary = "Add a photo to an open case",
      description =
          "multipart/form-data: the image in the part 'photo' (JPEG or PNG, recognised from its"
              + " bytes), and 'publication' true to make it the photo alerts show.")
  @APIResponse(
      responseCode = "201",
      description = "The photo, with its Location",
      content = @Content(schema = @Schema(implementation = PhotoView.class)))
  @APIResponse(responseCode = "409", ref = TifliApi.CONFLICT)
  @APIResponse(responseCode = "413", ref = TifliApi.TOO_LARGE)
  @APIResponse(responseCode = "415", ref = TifliApi.UNSUPPORTED_TYPE)
  public Response upload(
      @PathParam("caseId") long caseId,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.MULTIPART_FORM_DATA,
                      schema = @Schema(implementation = PhotoUpload.class)))
          List<EntityPart> parts)
      throws IOException {
    EntityPart photoPart =
        part(parts, PHOTO_PART)
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        PHOTO_PART, "the image goes in the part '" + PHOTO_PART + "'"));
    boolean publication = part(parts, PUBLICATION_PART).map(this::isTrue).orElse(false);
    byte[] content = readAtMost(photoPart, photos.maxBytes());
    if (content == null) {
      return Problem.response(
          Response.Status.REQUEST_ENTITY_TOO_LARGE,
          "a photo is at most " + photos.maxBytes() + " bytes");
    }

    CasePhoto added = photos.add(caseId, content, publication, caller.actor());
    return Response.created(uri.getAbsolutePathBuilder().path(added.id().toString()).build())
        .entity(PhotoView.of(added))
        .build();
  }

  @GET
  @RolesAllowed({"officer", "supervisor", "system"})
  @Operation(
      summary = "The photos of a case",
      description = "In the order they were uploaded, a page at a time; without the images.")
  public Page<PhotoView> list(
      @PathParam("caseId") long caseId,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.LAST_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return new Page<>(
        photos.ofCase(caseId, Page.first(page, size), size).stream().map(PhotoView::of).toList(),
        page,
        size,
        photos.countOfCase(caseId));
  }

  /** The image, as uploaded; never cached, since it is a child's photo. */
  @GET
  @Path("{photoId}")
  @Produces({"image/jpeg", "image/png", MediaType.APPLICATION_JSON})
  @RolesAllowed({"officer", "supervisor", "system"})
  @Operation(summary = "One photo's image, as uploaded", description = "JPEG or PNG.")
  public Response image(@PathParam("caseId") long caseId, @PathParam("photoId") long photoId) {
    CasePhoto photo = photos.get(caseId, photoId);
    return Response.ok(photo.content(), photo.format().mediaType())
        .header("Cache-Control", "no-store")
        .build();
  }

  /** Makes the photo the one alerts show; active alerts of the case post an update. */
  @POST
  @Path("{photoId}/publication")
  @RolesAllowed({"officer", "supervisor"})
  @Operation(
      summary = "Make a photo the one alerts show",
      description = "Active alerts of the case post an update.")
  @APIResponse(responseCode = "200", description = "The photo")
  @APIResponse(responseCode = "409", ref = TifliApi.CONFLICT)
  public PhotoView publish(@PathParam("caseId") long caseId, @PathParam("photoId") long photoId) {
    return PhotoView.of(photos.markForPublication(caseId, photoId, caller.actor()));
  }

  private static Optional<EntityPart> part(List<EntityPart> parts, String name) {
    return parts == null
        ? Optional.empty()
        : parts.stream().filter(p -> name.equals(p.getName())).findFirst();
  }

  /** The part's value, {@code true} or {@code false}; anything else is refused, not taken as no. */
  private boolean isTrue(EntityPart part) {
    byte[] value;
    try (InputStream content = part.getContent()) {
      value = content.readNBytes(PUBLICATION_LENGTH);
    } catch (IOException e) {
      throw new InvalidRequestException(PUBLICATION_PART, "true or false");
    }
    String text = new String(value, StandardCharsets.US_ASCII).trim();
    if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
      throw new InvalidRequestException(PUBLICATION_PART, "true or false");
    }
    return text.equalsIgnoreCase("true");
  }

  /** The part's bytes, or null when there are more than {@code limit}. */
  private static byte[] readAtMost(EntityPart part, int limit) throws IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream content = part.getContent()) {
      int n;
      while ((n = content.read(buffer)) > 0) {
        if (read.size() + n > limit) {
          return null;
        }
        read.write(buffer, 0, n);
      }
    }
    return read.toByteArray();
  }
}
