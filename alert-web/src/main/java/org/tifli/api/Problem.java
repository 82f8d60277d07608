package org.tifli.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An error answer in the shape of RFC 9457 ({@code application/problem+json}), with the fields that
 * failed validation, one entry each.
 */
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One field of the request and what is wrong with it. */
  public record FieldError(String field, String message) {}

  /** A 401 answer, with the challenge that tells the caller to send a bearer token. */
  public static Response unauthorized(String detail) {
    return Response.fromResponse(response(Response.Status.UNAUTHORIZED, detail))
        .header("WWW-Authenticate", "Bearer realm=\"tifli\"")
        .build();
  }

  public static Response response(Response.Status status, String detail) {
    return response(status.getStatusCode(), status.getReasonPhrase(), detail, List.of());
  }

  public static Response response(
      int status, String title, String detail, List<FieldError> errors) {
    Problem problem = new Problem("about:blank", title, status, detail, errors);
    return Response.status(status)
        .type(MediaType.valueOf(MEDIA_TYPE + ";charset=utf-8"))
        .entity(problem)
        .build();
  }
}
