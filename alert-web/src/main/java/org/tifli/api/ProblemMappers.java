package org.tifli.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tifli.domain.ForbiddenActionException;
import org.tifli.domain.IllegalTransitionException;
import org.tifli.domain.InvalidRequestException;
import org.tifli.domain.RecordExistsException;
import org.tifli.domain.RecordNotFoundException;

/** Turns every failure of an API call into a problem answer, so no caller ever sees a bare 500. */
public final class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  private ProblemMappers() {}

  /** Business rules and JAX-RS errors, by meaning. */
  @Provider
  public static class Failures implements ExceptionMapper<RuntimeException> {

    @Override
    public Response toResponse(RuntimeException exception) {
      Throwable e = unwrap(exception);
      if (e instanceof WebApplicationException web) {
        Response.StatusType status = web.getResponse().getStatusInfo();
        return Problem.response(
            status.getStatusCode(), status.getReasonPhrase(), safeDetail(web, status), List.of());
      }
      if (e instanceof InvalidRequestException invalid) {
        return Problem.response(
            400,
            "Bad Request",
            "the request breaks a rule",
            List.of(new Problem.FieldError(invalid.field(), invalid.getMessage())));
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
      if (e instanceof JsonbException
          || e instanceof JsonParsingException
          || e instanceof ProcessingException) {
        return Problem.response(Response.Status.BAD_REQUEST, "the body is not valid JSON");
      }
      LOG.log(Level.SEVERE, "Unexpected failure of an API call", e);
      return Problem.response(
          Response.Status.INTERNAL_SERVER_ERROR, "an unexpected error; it has been logged");
    }

    private static String safeDetail(WebApplicationException web, Response.StatusType status) {
      // Jersey's own messages may echo request content; only the status is repeated.
      return status.getStatusCode() == 404 ? "no such resource" : status.getReasonPhrase();
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

  static Response validationProblem(ConstraintViolationException violations) {
    List<Problem.FieldError> errors =
        violations.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
            .sorted((a, b) -> a.field().compareTo(b.field()))
            .toList();
    return Problem.response(400, "Bad Request", "some fields are not valid", errors);
  }

  /** {@code create.request.child.givenName} (method, parameter, path) becomes the path. */
  private static String fieldOf(ConstraintViolation<?> violation) {
    String[] parts = violation.getPropertyPath().toString().split("\\.");
    return parts.length > 2 ? String.join(".", Arrays.copyOfRange(parts, 2, parts.length)) : "body";
  }

  private static Throwable unwrap(Throwable e) {
    Throwable current = e;
    while (current instanceof EJBException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
