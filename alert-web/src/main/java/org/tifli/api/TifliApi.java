package org.tifli.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The JSON API under {@code /api/v1}, for police systems and scripts. Callers authenticate with a
 * bearer token from {@code POST /api/v1/tokens}; every error is {@code application/problem+json}.
 *
 * <p>Resources and providers are found by scanning; the one addition is Jersey's multipart support,
 * which photo uploads ({@code multipart/form-data}) need and which Payara does not enable by
 * itself.
 *
 * <p>Its OpenAPI document is served by the server at {@code /openapi}. The problem answers every
 * operation may give are defined once here and referred to by name from the resources; the roles an
 * operation needs open its description ("Roles: ..."), the same as its {@code @RolesAllowed}.
 */
@ApplicationPath("api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Tifli API",
            version = "1",
            description =
                "Missing-child cases, their alerts and the channels that publish them. Bearer"
                    + " tokens (JWT, RS256) carry the roles in their groups claim: officer,"
                    + " supervisor, admin, system. Errors are RFC 9457 problem answers."),
    components =
        @Components(
            securitySchemes =
                @SecurityScheme(
                    securitySchemeName = TifliApi.BEARER,
                    type = SecuritySchemeType.HTTP,
                    scheme = "bearer",
                    bearerFormat = "JWT",
                    description =
                        "A token from POST /api/v1/tokens, or from the installation's identity"
                            + " provider where one is configured"),
            responses = {
              @APIResponse(
                  name = TifliApi.BAD_REQUEST,
                  responseCode = "400",
                  description = "Invalid input; errors names each field and what is wrong",
                  content =
                      @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
              @APIResponse(
                  name = TifliApi.UNAUTHORIZED,
                  responseCode = "401",
                  description = "No valid bearer token, or wrong credentials",
                  content =
                      @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
              @APIResponse(
                  name = TifliApi.FORBIDDEN,
                  responseCode = "403",
                  description = "The token's roles do not allow this, or a rule forbids it",
                  content =
                      @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
              @APIResponse(
                  name = TifliApi.NOT_FOUND,
                  responseCode = "404",
                  description = "No such record",
                  content =
                      @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
              @APIResponse(
                  name = TifliApi.CONFLICT,
                  responseCode = "409",
                  description = "The record exists, or is not in a state that allows this",
                  content =
                      @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
              @APIResponse(
                  name = TifliApi.TOO_LARGE,
                  responseCode = "413",
                  description = "The body, or the photo in it, is larger than allowed",
                  content =
                      @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
              @APIResponse(
                  name = TifliApi.UNSUPPORTED_TYPE,
                  responseCode = "415",
                  description = "The body is not of the content type the operation takes",
                  content =
                      @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
              @APIResponse(
                  name = TifliApi.TOO_MANY,
                  responseCode = "429",
                  description = "Too many requests from the client's address; see Retry-After",
                  content =
                      @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
            }))
public class TifliApi extends Application {

  /** The name of the bearer token scheme in the OpenAPI document. */
  static final String BEARER = "bearer";

  static final String BAD_REQUEST = "BadRequest";
  static final String UNAUTHORIZED = "Unauthorized";
  static final String FORBIDDEN = "Forbidden";
  static final String NOT_FOUND = "NotFound";
  static final String CONFLICT = "Conflict";
  static final String TOO_LARGE = "TooLarge";
  static final String UNSUPPORTED_TYPE = "UnsupportedType";
  static final String TOO_MANY = "TooManyRequests";

  @Override
  public Map<String, Object> getProperties() {
    return Map.of(
        "jersey.config.server.provider.classnames",
        "org.glassfish.jersey.media.multipart.MultiPartFeature");
  }
}
