package org.tifli.console;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.tifli.application.CasePhotos;
import org.tifli.domain.CasePhoto;
import org.tifli.domain.RecordNotFoundException;

/**
 * A case's photo in full, as uploaded, for the police in the console ({@code
 * /console/photo?case=N&photo=M}): the case's page shows previews and links each to this address.
 *
 * <p>It lies under {@code /console/}, so that only a signed-in session reaches it and {@link
 * ConsoleAccess} lets only the roles of {@link ConsolePage#CASE_PHOTO} through (officers and
 * supervisors). The content type is the photo's stored format; nothing keeps a copy, neither the
 * browser nor a shared cache, since it is a child's photo. The public sees a photo only on the
 * public page of an active alert, never here.
 */
@WebServlet(CasePhotoImage.PATH)
public class CasePhotoImage extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final String PATH = "/console/photo";

  @EJB private transient CasePhotos photos;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "no-store, private");
    Optional<Long> caseId = number(request.getParameter("case"));
    Optional<Long> photoId = number(request.getParameter("photo"));
    if (caseId.isEmpty() || photoId.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }

    CasePhoto photo;
    try {
      photo = photos.get(caseId.get(), photoId.get());
    } catch (RecordNotFoundException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }

    byte[] content = photo.content();
    response.setContentType(photo.format().mediaType());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentLength(content.length);
    response.getOutputStream().write(content);
  }

  /** The address of a photo, relative to the application. */
  static String address(long caseId, long photoId) {
    return PATH + "?case=" + caseId + "&photo=" + photoId;
  }

  private static Optional<Long> number(String parameter) {
    if (parameter == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.valueOf(parameter.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
