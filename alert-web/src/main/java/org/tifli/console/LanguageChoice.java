package org.tifli.console;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Keeps the console's language for the session: a page opened with {@code ?lang=ar}, {@code fr} or
 * {@code en} switches to it (the language links of the layout do that); otherwise the language is
 * the one already chosen, or the browser's first that the console speaks. The public alert page
 * keeps its own language per request and is not filtered, so that the public gets no session; the
 * error pages are, so that they speak the user's language.
 */
@WebFilter(
    urlPatterns = {"/console/*", "/login.xhtml", "/errors/*"},
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class LanguageChoice extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String PARAMETER = "lang";

  @Inject ConsoleLanguage language;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    language.startFrom(request.getLocales());
    // Only links switch the language: a form's body is left for Faces to read.
    String asked = "GET".equals(request.getMethod()) ? request.getParameter(PARAMETER) : null;
    if (asked != null) {
      language.choose(asked);
    }
    chain.doFilter(request, response);
  }
}
