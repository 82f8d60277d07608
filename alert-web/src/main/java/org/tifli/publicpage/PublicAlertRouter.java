package org.tifli.publicpage;

import jakarta.ejb.EJB;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tifli.application.PublicAlerts;
import org.tifli.application.PublicAlerts.PublicPhoto;

/**
 * The short public addresses that posts and CAP messages link to: {@code /alerts/{id}} shows the
 * alert's public page ({@code /public/alert.xhtml}), {@code /alerts/{id}/photo} its publication
 * photo while the alert is active. Anything else under {@code /alerts/} is not found.
 */
@WebServlet("/alerts/*")
public class PublicAlertRouter extends HttpServlet {

  private static final Pattern PAGE = Pattern.compile("/(\\d{1,18})/?");
  private static final Pattern PHOTO = Pattern.compile("/(\\d{1,18})/photo");

  @EJB PublicAlerts alerts;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String path = Optional.ofNullable(request.getPathInfo()).orElse("");
    Matcher page = PAGE.matcher(path);
    if (page.matches()) {
      request
          .getRequestDispatcher("/public/alert.xhtml?id=" + page.group(1))
          .forward(request, response);
      return;
    }
    Matcher photo = PHOTO.matcher(path);
    if (photo.matches()) {
      sendPhoto(Long.parseLong(photo.group(1)), response);
      return;
    }
    response.sendError(HttpServletResponse.SC_NOT_FOUND);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    // The sighting form posts back to the page it is on.
    if (PAGE.matcher(Optional.ofNullable(request.getPathInfo()).orElse("")).matches()) {
      doGet(request, response);
    } else {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }

  /** Shown by the page and fetched by platforms; gone the moment the alert ends. */
  private void sendPhoto(long alertId, HttpServletResponse response) throws IOException {
    Optional<PublicPhoto> photo = alerts.photo(alertId);
    if (photo.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType(photo.get().format().mediaType());
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(photo.get().content().length);
    response.getOutputStream().write(photo.get().content());
  }
}
