package org.tifli.infrastructure.platform;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;

/**
 * A partner's webhook, as a MicroProfile Rest Client whose base URI is the partner's whole address
 * (query included): one client per address.
 *
 * <p>The body goes as the very bytes that were signed, so that the partner's check of the signature
 * holds. The answer is returned as it is, for {@link WebhookPublisher} to class.
 *
 * <p>{@code @RegisterRestClient} marks it a client interface, so that the server does not take it
 * for one of its own resources; it is built with {@code RestClientBuilder} on the configured base
 * URL ({@link PlatformCall.Clients}), not injected.
 */
interface PartnerWebhookClient {

  @POST
  @Consumes("application/json; charset=UTF-8")
  Response deliver(
      @HeaderParam(WebhookPublisher.SIGNATURE) String signature,
      @HeaderParam(WebhookPublisher.DELIVERY) String tag,
      byte[] body);
}
