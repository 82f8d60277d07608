package org.tifli.api;

import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers the errors that reach the servlet container under {@code /api/} as problems rather than
 * as the server's HTML error page.
 *
 * <p>Jersey answers a few malformed requests itself, without the exception mappers (an unparsable
 * {@code Content-Type}, for one), by asking the container to send an error with no body; this
 * filter writes the problem instead. Requests the server refuses before the application sees them
 * (a malformed URL escape) are beyond its reach.
 */
@WebFilter(urlPatterns = "/api/*")
public class ContainerErrors extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(request, new ProblemResponse(response));
  }

  /** A response whose {@code sendError} writes a problem body. */
  private static final class ProblemResponse extends HttpServletResponseWrapper {

    ProblemResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendError(int status) throws IOException {
      sendError(status, null);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      if (isCommitted()) {
        super.sendError(status, message);
        return;
      }
      Response.Status known = Response.Status.fromStatusCode(status);
      String title = known == null ? "Error" : known.getReasonPhrase();
      // The container's message may echo the request; only the meaning of the status is said.
      byte[] body =
          Json.createObjectBuilder()
              .add("type", "about:blank")
              .add("title", title)
              .add("status", status)
              .add("detail", ProblemMappers.detailOf(status, title))
              .add("errors", Json.createArrayBuilder())
              .build()
              .toString()
              .getBytes(StandardCharsets.UTF_8);
      resetBuffer();
      setStatus(status);
      setContentType(Problem.MEDIA_TYPE + ";charset=utf-8");
      setContentLength(body.length);
      if (status == 401) {
        setHeader("WWW-Authenticate", "Bearer realm=\"tifli\"");
      }
      getOutputStream().write(body);
      flushBuffer();
    }
  }
}
