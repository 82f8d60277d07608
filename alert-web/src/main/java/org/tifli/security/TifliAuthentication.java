package org.tifli.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tifli.application.Accounts;
import org.tifli.domain.Role;
import org.tifli.domain.UserAccount;
import org.tifli.infrastructure.security.AccessTokens;

/**
 * The one authentication mechanism of the application, for its two kinds of caller.
 *
 * <ul>
 *   <li>API callers send {@code Authorization: Bearer <token>} on every request; no session is made
 *       for them. An invalid token counts as no token, and so does a token Tifli issued to an
 *       account that has since been disabled (one read of the account per request). Tokens of an
 *       external identity provider are that provider's to revoke.
 *   <li>Console users sign in on the login page, which hands their password here; the identity is
 *       then kept in their HTTP session (under a new session id) until they sign out or their
 *       account is disabled.
 * </ul>
 *
 * A protected console page reached without signing in redirects to the login page.
 */
@ApplicationScoped
public class TifliAuthentication implements HttpAuthenticationMechanism {

  static final String LOGIN_PAGE = "/login.xhtml";
  private static final String CONSOLE = "/console/";
  private static final String SESSION_IDENTITY = TifliAuthentication.class.getName() + ".identity";

  @Inject AccessTokens tokens;

  @EJB Accounts accounts;

  /** Who signed in to the console, kept in the session. */
  record ConsoleIdentity(String name, Set<String> groups) implements Serializable {}

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return tokens
          .verify(authorization.substring(7).trim())
          .filter(bearer -> !bearer.issuedHere() || accounts.isEnabled(bearer.name()))
          .map(bearer -> context.notifyContainerAboutLogin(bearer.name(), bearer.groups()))
          .orElseGet(context::doNothing);
    }

    Credential credential = context.getAuthParameters().getCredential();
    if (credential instanceof UsernamePasswordCredential password) {
      return signIn(request, context, password);
    }

    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(SESSION_IDENTITY) instanceof ConsoleIdentity who) {
      if (accounts.isEnabled(who.name())) {
        return context.notifyContainerAboutLogin(who.name(), who.groups());
      }
      // Disabled since signing in: the session ends here.
      session.invalidate();
    }
    if (context.isProtected() && request.getServletPath().startsWith(CONSOLE)) {
      return context.redirect(request.getContextPath() + LOGIN_PAGE);
    }
    return context.doNothing();
  }

  private AuthenticationStatus signIn(
      HttpServletRequest request,
      HttpMessageContext context,
      UsernamePasswordCredential credential) {
    Optional<UserAccount> account =
        accounts.authenticate(credential.getCaller(), credential.getPassword().getValue());
    if (account.isEmpty()) {
      // No error page: the login form shows the failure itself.
      return AuthenticationStatus.SEND_FAILURE;
    }
    Set<String> groups =
        account.get().roles().stream().map(Role::groupName).collect(Collectors.toSet());
    request.getSession(true);
    request.changeSessionId();
    request
        .getSession()
        .setAttribute(SESSION_IDENTITY, new ConsoleIdentity(account.get().username(), groups));
    return context.notifyContainerAboutLogin(account.get().username(), groups);
  }
}
