package org.tifli.console;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.tifli.application.AreaDirectory;

/**
 * The installation's areas as GeoJSON, simplified for drawing ({@link AreaDirectory#mapOutlines}),
 * so that maps show target areas without any tile server. The boundaries are public data, like
 * {@code GET /api/v1/areas}: no sign-in, and browsers may keep them for a day.
 */
@WebServlet(AreaMap.PATH)
public class AreaMap extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final String PATH = "/maps/areas.geojson";

  @Inject transient AreaDirectory areas;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    byte[] body = areas.mapOutlines().getBytes(StandardCharsets.UTF_8);
    response.setContentType("application/geo+json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "public, max-age=86400");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
