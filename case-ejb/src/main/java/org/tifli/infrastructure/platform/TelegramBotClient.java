package org.tifli.infrastructure.platform;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The Bot API methods Tifli calls, as a MicroProfile Rest Client on Telegram's base URL ({@code
 * https://api.telegram.org}). The bot's token is part of every path ({@code /bot<token>/<method>})
 * and the parameters go as a JSON object; the answer is {@code {"ok", "result"}} or {@code {"ok":
 * false, "error_code", "description", "parameters"}}.
 *
 * <p>Every call returns Telegram's answer as it is, for {@link TelegramPublisher} to class.
 *
 * <p>{@code @RegisterRestClient} marks it a client interface, so that the server does not take it
 * for one of its own resources; it is built with {@code RestClientBuilder} on the configured base
 * URL ({@link PlatformCall.Clients}), not injected.
 */
@Path("bot{token}")
@RegisterRestClient
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface TelegramBotClient {

  /** {@code chat_id}, {@code photo} (its URL) and {@code caption}. */
  @POST
  @Path("sendPhoto")
  Response sendPhoto(@PathParam("token") String token, JsonObject parameters);

  /** {@code chat_id} and {@code text}. */
  @POST
  @Path("sendMessage")
  Response sendMessage(@PathParam("token") String token, JsonObject parameters);

  /** {@code chat_id} and {@code message_id}. */
  @POST
  @Path("deleteMessage")
  Response deleteMessage(@PathParam("token") String token, JsonObject parameters);

  /** {@code chat_id}, {@code message_id} and {@code text}. */
  @POST
  @Path("editMessageText")
  Response editMessageText(@PathParam("token") String token, JsonObject parameters);

  /** {@code chat_id}, {@code message_id} and {@code caption}. */
  @POST
  @Path("editMessageCaption")
  Response editMessageCaption(@PathParam("token") String token, JsonObject parameters);
}
