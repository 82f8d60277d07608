package org.tifli.infrastructure.platform;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The calls Tifli makes to the Graph API, for Facebook Pages and Instagram accounts, as a
 * MicroProfile Rest Client whose base URI ends with the API version ({@code
 * https://graph.facebook.com/v23.0}). The access token goes in the form of a POST and in the query
 * of a GET or DELETE, as Graph documents it.
 *
 * <p>Every call returns Graph's answer as it is, for {@link GraphApi} to class.
 *
 * <p>{@code @RegisterRestClient} marks it a client interface, so that the server does not take it
 * for one of its own resources; it is built with {@code RestClientBuilder} on the configured base
 * URL ({@link PlatformCall.Clients}), not injected.
 */
@Produces(MediaType.APPLICATION_JSON)
@RegisterRestClient
interface GraphApiClient {

  /** Posts the message and the link on the page's feed: {@code {"id": "<page>_<post>"}}. */
  @POST
  @Path("{page}/feed")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  Response postToFeed(
      @PathParam("page") String pageId,
      @FormParam("message") String message,
      @FormParam("link") String link,
      @FormParam("access_token") String token);

  /** The page's latest posts: {@code {"data": [{"id", "message"}, …]}}. */
  @GET
  @Path("{page}/feed")
  Response feed(
      @PathParam("page") String pageId,
      @QueryParam("fields") String fields,
      @QueryParam("limit") int limit,
      @QueryParam("access_token") String token);

  /** Deletes a post: {@code {"success": true}}. */
  @DELETE
  @Path("{object}")
  Response delete(@PathParam("object") String objectId, @QueryParam("access_token") String token);

  /** Makes an Instagram media container of the photo and its caption: {@code {"id"}}. */
  @POST
  @Path("{user}/media")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  Response createMedia(
      @PathParam("user") String instagramUserId,
      @FormParam("image_url") String imageUrl,
      @FormParam("caption") String caption,
      @FormParam("access_token") String token);

  /** Publishes a container: {@code {"id": "<media id>"}}. */
  @POST
  @Path("{user}/media_publish")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  Response publishMedia(
      @PathParam("user") String instagramUserId,
      @FormParam("creation_id") String containerId,
      @FormParam("access_token") String token);

  /** The account's latest media: {@code {"data": [{"id", "caption"}, …]}}. */
  @GET
  @Path("{user}/media")
  Response media(
      @PathParam("user") String instagramUserId,
      @QueryParam("fields") String fields,
      @QueryParam("limit") int limit,
      @QueryParam("access_token") String token);
}
