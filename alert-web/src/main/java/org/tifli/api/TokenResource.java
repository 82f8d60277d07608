package org.tifli.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tifli.application.Accounts;
import org.tifli.domain.Role;
import org.tifli.domain.UserAccount;
import org.tifli.infrastructure.security.AccessTokens;

/**
 * Exchanges a user's or a service account's credentials for a bearer token. An installation whose
 * tokens come from its own identity provider ({@code tifli.jwt.local-tokens=false}) answers 404
 * here, naming that issuer.
 */
@Path("tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "tokens", description = "Bearer tokens for the API")
public class TokenResource {

  private static final Logger LOG = Logger.getLogger(TokenResource.class.getName());

  @EJB Accounts accounts;

  @Inject AccessTokens tokens;

  public record Credentials(
      @NotBlank @Size(max = UserAccount.USERNAME_LENGTH) String username,
      @NotNull @Size(max = 200) String password) {}

  public record TokenAnswer(String access_token, String token_type, long expires_in) {}

  @POST
  @PermitAll
  @Operation(
      summary = "Get a bearer token",
      description =
          "Anyone with the credentials of an enabled account. The token is valid for"
              + " expires_in seconds (default 3600).")
  @APIResponse(
      responseCode = "200",
      description = "The token",
      content = @Content(schema = @Schema(implementation = TokenAnswer.class)))
  @APIResponse(responseCode = "400", ref = TifliApi.BAD_REQUEST)
  @APIResponse(responseCode = "401", ref = TifliApi.UNAUTHORIZED)
  @APIResponse(responseCode = "404", ref = TifliApi.NOT_FOUND)
  public Response issue(@NotNull @Valid Credentials credentials) {
    if (!tokens.issuesTokens()) {
      return Problem.response(
          Response.Status.NOT_FOUND,
          "tokens are issued by this installation's identity provider, "
              + tokens.externalIssuer().orElseThrow());
    }
    return accounts
        .authenticate(credentials.username(), credentials.password().toCharArray())
        .map(
            account -> {
              AccessTokens.IssuedToken issued =
                  tokens.issue(
                      account.username(), account.roles().stream().map(Role::groupName).toList());
              return Response.ok(new TokenAnswer(issued.token(), "Bearer", issued.expiresIn()))
                  .header("Cache-Control", "no-store")
                  .build();
            })
        .orElseGet(
            () -> {
              LOG.info("Token refused: wrong credentials");
              return Problem.unauthorized("the username or the password is wrong");
            });
  }
}
