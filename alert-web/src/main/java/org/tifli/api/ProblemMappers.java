package org.tifli.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ParamException;
import org.tifli.domain.ForbiddenActionException;
import org.tifli.domain.IllegalTransitionException;
import org.tifli.domain.InvalidRequestException;
import org.tifli.domain.RecordExistsException;
import org.tifli.domain.RecordNotFoundException;

/** Turns every failure of an API call into a problem answer, so no caller ever sees a bare 500. */
public final class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  /**
   * How Yasson names the property it failed on, one level of the body per cause. Only used to point
   * the caller at a field; when it does not match, the answer names none.
   */
  private static final Pattern YASSON_PROPERTY =
      Pattern.compile("Unable to deserialize property '([^']+)'");

  private ProblemMappers() {}

  /** Business rules and JAX-RS errors, by meaning. */
  @Provider
  public static class Failures implements ExceptionMapper<RuntimeException> {

    @Override
    public Response toResponse(RuntimeException exception) {
      Throwable e = unwrap(exception);
      if (e instanceof ParamException param) {
        return parameterProblem(param);
      }
      Optional<JsonbException> binding = causeOfType(e, JsonbException.class);
      if (binding.isPresent()) {
        return bindingProblem(binding.get());
      }
      if (e instanceof WebApplicationException web) {
        return webProblem(web);
      }
      if (e instanceof InvalidRequestException invalid) {
        return Problem.response(
            400,
            "Bad Request",
            "the request breaks a rule",
            invalid.problems().stream()
                .map(p -> new Problem.FieldError(p.field(), p.message()))
                .toList());
      }
      if (e instanceof ConstraintViolationException violations) {
        return validationProblem(violations);
      }
      if (e instanceof RecordNotFoundException) {
        return Problem.response(Response.Status.NOT_FOUND, e.getMessage());
      }
      if (e instanceof IllegalTransitionException || e instanceof RecordExistsException) {
        return Problem.response(Response.Status.CONFLICT, e.getMessage());
      }
      if (e instanceof OptimisticLockException) {
        return Problem.response(Response.Status.CONFLICT, "changed by someone else: try again");
      }
      if (e instanceof ForbiddenActionException || e instanceof EJBAccessException) {
        return Problem.response(Response.Status.FORBIDDEN, e.getMessage());
      }
      if (e instanceof JsonParsingException || e instanceof ProcessingException) {
        return Problem.response(Response.Status.BAD_REQUEST, "the body is not valid JSON");
      }
      LOG.log(Level.SEVERE, "Unexpected failure of an API call", e);
      return Problem.response(
          Response.Status.INTERNAL_SERVER_ERROR, "an unexpected error; it has been logged");
    }
  }

  /** Bean Validation of request bodies, one entry per field; ahead of the server's own mapper. */
  @Provider
  public static class Violations implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
      return validationProblem(exception);
    }
  }

  private static Response webProblem(WebApplicationException web) {
    // A problem made on purpose (a body over the size limit, say) is answered as it is.
    if (web.getResponse().getEntity() instanceof Problem) {
      return web.getResponse();
    }
    Response.StatusType status = web.getResponse().getStatusInfo();
    String detail = detailOf(status.getStatusCode(), status.getReasonPhrase());
    if (status.getStatusCode() == 401) {
      return Problem.unauthorized(detail);
    }
    return Problem.response(status.getStatusCode(), status.getReasonPhrase(), detail, List.of());
  }

  /** Jersey's own messages may echo request content; only the meaning of the status is said. */
  static String detailOf(int status, String reasonPhrase) {
    return switch (status) {
      case 400 -> "the request is not well formed";
      case 401 -> "a valid bearer token is needed";
      case 403 -> "your role does not allow this";
      case 404 -> "no such resource";
      case 405 -> "this resource does not take this method";
      case 406 -> "the answer is JSON; accept application/json";
      case 413 -> "the body is too large";
      case 415 -> "send the body as application/json";
      default -> reasonPhrase;
    };
  }

  /**
   * A path parameter that does not convert (a case id that is not a number) names no resource: 404.
   * Any other parameter is the caller's mistake: 400, naming it.
   */
  private static Response parameterProblem(ParamException param) {
    if (param.getParameterType() == PathParam.class) {
      return Problem.response(Response.Status.NOT_FOUND, "no such resource");
    }
    return Problem.response(
        400,
        "Bad Request",
        "a parameter is not valid",
        List.of(new Problem.FieldError(param.getParameterName(), "not a valid value")));
  }

  /** A body that JSON-B cannot bind: a value of the wrong type, an unknown constant, a bad date. */
  private static Response bindingProblem(JsonbException binding) {
    List<String> path = new ArrayList<>();
    String reason = "not a valid value for this field";
    for (Throwable cause = binding; cause != null; cause = cause.getCause()) {
      Matcher property = YASSON_PROPERTY.matcher(String.valueOf(cause.getMessage()));
      if (property.lookingAt()) {
        path.add(property.group(1));
      }
      if (cause instanceof StrictJson.WrongType wrongType) {
        reason = wrongType.getMessage();
      }
    }
    List<Problem.FieldError> errors =
        path.isEmpty()
            ? List.of()
            : List.of(new Problem.FieldError(String.join(".", path), reason));
    return Problem.response(400, "Bad Request", "the body does not fit the expected JSON", errors);
  }

  static Response validationProblem(ConstraintViolationException violations) {
    List<Problem.FieldError> errors =
        violations.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
            .sorted((a, b) -> a.field().compareTo(b.field()))
            .toList();
    return Problem.response(400, "Bad Request", "some fields are not valid", errors);
  }

  /**
   * {@code create.request.child.givenName} (method, parameter, path) becomes the path in the body;
   * a violation of a query, path or header parameter is named after the parameter.
   */
  private static String fieldOf(ConstraintViolation<?> violation) {
    String[] parts = violation.getPropertyPath().toString().split("\\.");
    if (parts.length > 2) {
      return String.join(".", Arrays.copyOfRange(parts, 2, parts.length));
    }
    return parameterName(violation).orElse("body");
  }

  /** The name in the {@code @QueryParam} (or path, header...) of the violated method parameter. */
  private static Optional<String> parameterName(ConstraintViolation<?> violation) {
    Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
    Path.Node method = nodes.hasNext() ? nodes.next() : null;
    Path.Node parameter = nodes.hasNext() ? nodes.next() : null;
    if (method == null
        || method.getKind() != ElementKind.METHOD
        || parameter == null
        || parameter.getKind() != ElementKind.PARAMETER) {
      return Optional.empty();
    }
    String name = method.getName();
    Class<?>[] types =
        method.as(Path.MethodNode.class).getParameterTypes().toArray(Class<?>[]::new);
    int index = parameter.as(Path.ParameterNode.class).getParameterIndex();
    // The validated instance may be a container subclass that does not repeat the annotations.
    for (Class<?> type = violation.getRootBeanClass(); type != null; type = type.getSuperclass()) {
      try {
        Annotation[] annotations =
            type.getDeclaredMethod(name, types).getParameterAnnotations()[index];
        Optional<String> found =
            Arrays.stream(annotations)
                .map(ProblemMappers::parameterNameOf)
                .flatMap(Optional::stream)
                .findFirst();
        if (found.isPresent()) {
          return found;
        }
      } catch (NoSuchMethodException e) {
        // Declared higher up.
      }
    }
    return Optional.empty();
  }

  private static Optional<String> parameterNameOf(Annotation annotation) {
    if (annotation instanceof QueryParam query) {
      return Optional.of(query.value());
    }
    if (annotation instanceof PathParam path) {
      return Optional.of(path.value());
    }
    if (annotation instanceof HeaderParam header) {
      return Optional.of(header.value());
    }
    if (annotation instanceof FormParam form) {
      return Optional.of(form.value());
    }
    return Optional.empty();
  }

  /** Jersey hands JSON-B's failure over wrapped in its own exceptions. */
  private static <T extends Throwable> Optional<T> causeOfType(Throwable e, Class<T> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return Optional.of(type.cast(cause));
      }
    }
    return Optional.empty();
  }

  private static Throwable unwrap(Throwable e) {
    Throwable current = e;
    while (current instanceof EJBException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
