package org.tifli.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * Enforces {@code @RolesAllowed} on API methods: no valid token is 401, a token without one of the
 * roles is 403, both as problem answers. A method with neither annotation is refused to all, so
 * that forgetting to say who may call a path cannot open it.
 */
@Provider
public class RoleCheck implements DynamicFeature {

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    Method method = resource.getResourceMethod();
    if (method.isAnnotationPresent(PermitAll.class)) {
      return;
    }
    RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
    if (allowed == null) {
      allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }
    List<String> roles = allowed == null ? List.of() : Arrays.asList(allowed.value());
    context.register(new Filter(roles));
  }

  private record Filter(List<String> roles) implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
      SecurityContext security = request.getSecurityContext();
      if (security.getUserPrincipal() == null) {
        request.abortWith(Problem.unauthorized("a valid bearer token is needed"));
      } else if (roles.stream().noneMatch(security::isUserInRole)) {
        request.abortWith(
            Problem.response(Response.Status.FORBIDDEN, "your role does not allow this"));
      }
    }
  }
}
