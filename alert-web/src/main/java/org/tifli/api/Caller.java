package org.tifli.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.tifli.domain.Actor;

/**
 * The signed-in caller of the current request, as the audit trail records them: username and the
 * client address the request came from.
 */
@RequestScoped
public class Caller {

  @Inject HttpServletRequest request;

  public Actor actor() {
    return Actor.user(request.getUserPrincipal().getName(), request.getRemoteAddr());
  }
}
