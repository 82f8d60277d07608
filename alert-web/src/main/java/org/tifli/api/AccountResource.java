package org.tifli.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tifli.application.Accounts;
import org.tifli.domain.Role;
import org.tifli.domain.UserAccount;

/**
 * The accounts of people and of systems (role {@code system}), managed by administrators. A
 * password goes in and never comes out; a disabled account gets no token and its tokens stop
 * working.
 */
@Path("accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "accounts", description = "Users and service accounts")
public class AccountResource {

  private static final String ROLES = "officer|supervisor|admin|system";
  private static final int REASON_LENGTH = 1000;

  @EJB Accounts accounts;

  @Inject Caller caller;

  @Context UriInfo uri;

  /** A new account: {@code {"username","password","roles":["system"]}}. */
  public record NewAccount(
      @NotNull(message = "a username is required")
          @Size(max = UserAccount.USERNAME_LENGTH, message = "at most {max} characters")
          @Pattern(
              regexp = UserAccount.USERNAME_PATTERN,
              message = "lower-case letters, digits, . _ and -, starting with a letter or digit")
          String username,
      @NotNull(message = "a password is required")
          @Size(
              min = UserAccount.MINIMUM_PASSWORD_LENGTH,
              max = UserAccount.MAXIMUM_PASSWORD_LENGTH,
              message = "between {min} and {max} characters")
          String password,
      @NotEmpty(message = "at least one role") @Size(max = 4, message = "at most {max} roles")
          List<
                  @NotNull(message = "one of officer, supervisor, admin, system")
                  @Pattern(regexp = ROLES, message = "one of officer, supervisor, admin, system")
                  String>
              roles) {

    Set<Role> roleSet() {
      Set<Role> set = EnumSet.noneOf(Role.class);
      roles.forEach(role -> set.add(Role.valueOf(role.toUpperCase(Locale.ROOT))));
      return set;
    }
  }

  /** Why an account is disabled, for the audit trail: {@code {"reason":"left the unit"}}. */
  public record Disabling(
      @Size(max = REASON_LENGTH, message = "at most {max} characters") String reason) {}

  /** An account as administrators see it: never its password nor its hash. */
  public record AccountView(
      String username, List<String> roles, boolean enabled, Instant createdAt) {

    static AccountView of(UserAccount account) {
      return new AccountView(
          account.username(),
          account.roles().stream().map(Role::groupName).toList(),
          account.enabled(),
          account.createdAt());
    }
  }

  @POST
  @Operation(
      summary = "Create an account",
      description =
          "A user or a service account; the password has at least 12 characters"
              + " and does not contain the username. The password is never returned.")
  @APIResponse(
      responseCode = "201",
      description = "The account, with its Location",
      content = @Content(schema = @Schema(implementation = AccountView.class)))
  @APIResponse(responseCode = "400", ref = TifliApi.BAD_REQUEST)
  @APIResponse(responseCode = "409", ref = TifliApi.CONFLICT)
  public Response create(@NotNull(message = "an account is required") @Valid NewAccount request) {
    UserAccount account =
        accounts.create(
            request.username(),
            request.password().toCharArray(),
            request.roleSet(),
            caller.actor());
    return Response.created(uri.getAbsolutePathBuilder().path(account.username()).build())
        .entity(AccountView.of(account))
        .build();
  }

  @GET
  @Operation(summary = "List the accounts", description = "By username, a page at a time.")
  @APIResponse(responseCode = "200", description = "A page of the accounts, without passwords")
  public Page<AccountView> list(
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.LAST_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return new Page<>(
        accounts.list(Page.first(page, size), size).stream().map(AccountView::of).toList(),
        page,
        size,
        accounts.count());
  }

  @GET
  @Path("{username}")
  @Operation(summary = "Read an account")
  @APIResponse(responseCode = "200", description = "The account, without its password")
  @APIResponse(responseCode = "404", ref = TifliApi.NOT_FOUND)
  public AccountView get(@PathParam("username") String username) {
    return AccountView.of(accounts.get(username));
  }

  @POST
  @Path("{username}/disabling")
  @Operation(
      summary = "Disable an account",
      description =
          "The account gets no more tokens, and the tokens it holds stop working."
              + " An administrator cannot disable their own account (403).")
  @APIResponse(responseCode = "200", description = "The account, disabled")
  @APIResponse(responseCode = "404", ref = TifliApi.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = TifliApi.CONFLICT)
  public AccountView disable(@PathParam("username") String username, @Valid Disabling disabling) {
    String reason = disabling == null ? null : disabling.reason();
    return AccountView.of(accounts.disable(username, reason, caller.actor()));
  }

  @GET
  @Path("{username}/audit")
  @Operation(
      summary = "The account's history",
      description = "Every audited change, oldest first, a page at a time.")
  @APIResponse(responseCode = "200", description = "A page of the account's history")
  @APIResponse(responseCode = "404", ref = TifliApi.NOT_FOUND)
  public Page<CaseResource.AuditView> audit(
      @PathParam("username") String username,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.LAST_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return new Page<>(
        accounts.history(username, Page.first(page, size), size).stream()
            .map(CaseResource.AuditView::of)
            .toList(),
        page,
        size,
        accounts.historySize(username));
  }

  @POST
  @Path("{username}/enabling")
  @Operation(summary = "Enable a disabled account again")
  @APIResponse(responseCode = "200", description = "The account, enabled")
  @APIResponse(responseCode = "404", ref = TifliApi.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = TifliApi.CONFLICT)
  public AccountView enable(@PathParam("username") String username) {
    return AccountView.of(accounts.enable(username, caller.actor()));
  }
}
