package org.tifli.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Lets a signed-in user open a console page only when one of their roles may ({@link ConsolePage}):
 * anyone else gets the forbidden page (403). A page missing from {@link ConsolePage} is not served
 * at all (404), so that a new page is never open to every role by oversight.
 *
 * <p>Signing in comes first: {@code web.xml} sends anyone not signed in to the login page before
 * this filter runs. The error pages are reached by the container's error dispatch, which this
 * filter does not see.
 */
@WebFilter(urlPatterns = "/console/*")
public class ConsoleAccess extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ConsoleAccess.class.getName());

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getServletPath();
    if (path.equals("/console/") || path.equals("/console")) {
      response.sendRedirect(request.getContextPath() + ConsolePage.HOME.viewId());
      return;
    }
    Optional<ConsolePage> page = ConsolePage.at(path);
    if (page.isEmpty()) {
      LOG.fine(() -> "No console page is registered at " + path);
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (!page.get().allows(request::isUserInRole)) {
      LOG.fine(() -> request.getRemoteUser() + " may not open " + path);
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    chain.doFilter(request, response);
  }
}
