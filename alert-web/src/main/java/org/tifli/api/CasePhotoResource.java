package org.tifli.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
public class CasePhotoResource {

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

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed({"officer", "system"})
  public Response upload(@PathParam("caseId") long caseId, List<EntityPart> parts)
      throws IOException {
    EntityPart photoPart =
        part(parts, "photo")
            .orElseThrow(
                () -> new InvalidRequestException("photo", "the image goes in the part 'photo'"));
    boolean publication = part(parts, "publication").map(this::isTrue).orElse(false);
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
  public List<PhotoView> list(@PathParam("caseId") long caseId) {
    return photos.ofCase(caseId).stream().map(PhotoView::of).toList();
  }

  /** The image, as uploaded; never cached, since it is a child's photo. */
  @GET
  @Path("{photoId}")
  @Produces({"image/jpeg", "image/png", MediaType.APPLICATION_JSON})
  @RolesAllowed({"officer", "supervisor", "system"})
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
  public PhotoView publish(@PathParam("caseId") long caseId, @PathParam("photoId") long photoId) {
    return PhotoView.of(photos.markForPublication(caseId, photoId, caller.actor()));
  }

  private static Optional<EntityPart> part(List<EntityPart> parts, String name) {
    return parts == null
        ? Optional.empty()
        : parts.stream().filter(p -> name.equals(p.getName())).findFirst();
  }

  private boolean isTrue(EntityPart part) {
    try {
      return "true".equalsIgnoreCase(part.getContent(String.class).trim());
    } catch (IOException e) {
      throw new InvalidRequestException("publication", "true or false");
    }
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
