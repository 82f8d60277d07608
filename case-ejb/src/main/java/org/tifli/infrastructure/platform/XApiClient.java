package org.tifli.infrastructure.platform;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The calls Tifli makes to X API v2, as a MicroProfile Rest Client on X's base URL ({@code
 * https://api.x.com}). Each takes the account's OAuth 2.0 user access token as {@code Bearer
 * <token>}.
 *
 * <p>Every call returns X's answer as it is, for {@link XPublisher} to class.
 *
 * <p>{@code @RegisterRestClient} marks it a client interface, so that the server does not take it
 * for one of its own resources; it is built with {@code RestClientBuilder} on the configured base
 * URL ({@link PlatformCall.Clients}), not injected.
 */
@Path("2")
@RegisterRestClient
@Produces(MediaType.APPLICATION_JSON)
interface XApiClient {

  /** Posts {@code {"text": …}}: {@code 201 {"data": {"id", "text"}}}. */
  @POST
  @Path("tweets")
  @Consumes(MediaType.APPLICATION_JSON)
  Response post(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, JsonObject post);

  /** Deletes a post of the account: {@code {"data": {"deleted": true}}}. */
  @DELETE
  @Path("tweets/{id}")
  Response delete(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") String id);

  /** The user's latest posts: {@code {"data": [{"id", "text"}, …]}}. */
  @GET
  @Path("users/{id}/tweets")
  Response postsOf(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
      @PathParam("id") String userId,
      @QueryParam("max_results") int maxResults);
}
