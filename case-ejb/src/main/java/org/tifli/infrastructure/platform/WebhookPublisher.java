package org.tifli.infrastructure.platform;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tifli.domain.Platform;

/**
 * Sends alerts to a partner system (a broadcaster, signage, an app): {@code POST} to the channel's
 * account id, which is the partner's http or https address, with the alert as JSON.
 *
 * <p>The body is {@code {"event": "alert", "tag", "alertId", "caseReference", "status", "text",
 * "texts": {language: text}, "link", "photoUrl", "sentAt"}} (the alert's identity, state and texts
 * when the post carries them). Headers: {@code X-Tifli-Signature: sha256=<hex>}, the HMAC-SHA256 of
 * the raw body with the channel's secret as key, so the partner can check that the alert comes from
 * Tifli and is whole; {@code X-Tifli-Delivery: <tag>}. Taking a post down sends {@code {"event":
 * "retracted", "postId", …}} with the closing message, signed the same way.
 *
 * <p>Any 2xx is a success; the post's id is the {@code id} of a JSON answer, if there is a short
 * one, else the delivery's tag. 408, 429 and 5xx are retried later (after {@code Retry-After} when
 * given), as are timeouts; any other answer, redirects included (they are not followed), needs a
 * fix: the channel's own for 401 and 403 (the partner refuses the key; a new one fixes it). A
 * partner cannot be asked for its recent posts.
 *
 * <p>The calls go through a {@link PartnerWebhookClient} Rest Client per address, each given up
 * after {@code tifli.platform.timeout}.
 */
@ApplicationScoped
public class WebhookPublisher implements PlatformPublisher {

  static final String SIGNATURE = "X-Tifli-Signature";
  static final String DELIVERY = "X-Tifli-Delivery";

  /** The longest id of the partner's kept as the post's id (the ledger's column is 200 long). */
  private static final int LONGEST_ID = 200;

  @Inject
  @ConfigProperty(name = "tifli.platform.timeout", defaultValue = "PT10S")
  String timeout;

  Clock clock = Clock.systemUTC();

  private final PlatformCall.Clients<PartnerWebhookClient> clients =
      new PlatformCall.Clients<>(PartnerWebhookClient.class);

  @Override
  public Platform platform() {
    return Platform.WEBHOOK;
  }

  @Override
  public String publish(ChannelAccount account, AlertPost post) {
    JsonObjectBuilder event = event("alert", post);

    PlatformCall.Answer answer = send(account, post.tag(), event);

    return partnersId(answer).orElse(post.tag());
  }

  @Override
  public void retract(ChannelAccount account, String postId, AlertPost closing) {
    send(account, closing.tag(), event("retracted", closing).add("postId", postId));
  }

  @Override
  public boolean canFindPosts() {
    return false;
  }

  @Override
  public Optional<String> findPostWithTag(ChannelAccount account, String tag) {
    throw new UnsupportedOperationException("a partner system cannot be asked for its posts");
  }

  /** The signature header's value for a body: {@code sha256=} and the HMAC-SHA256 in hex. */
  static String signature(byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  private JsonObjectBuilder event(String kind, AlertPost post) {
    int limit = Platform.WEBHOOK.textLimit();
    JsonObjectBuilder event =
        PlatformCall.JSON.createObjectBuilder().add("event", kind).add("tag", post.tag());
    if (post.facts() != null) {
      event
          .add("alertId", post.facts().alertId())
          .add("caseReference", post.facts().caseReference())
          .add("status", post.facts().status());
    }
    event.add("text", PostFitting.fit(Platform.WEBHOOK, limit, post.text(), ""));
    if (post.facts() != null) {
      JsonObjectBuilder texts = PlatformCall.JSON.createObjectBuilder();
      for (Map.Entry<String, String> text : post.facts().texts().entrySet()) {
        texts.add(text.getKey(), PostFitting.fit(Platform.WEBHOOK, limit, text.getValue(), ""));
      }
      event.add("texts", texts);
    }
    event.add("link", post.link());
    if (post.photoUrl() == null) {
      event.addNull("photoUrl");
    } else {
      event.add("photoUrl", post.photoUrl());
    }
    return event.add("sentAt", clock.instant().toString());
  }

  private PlatformCall.Answer send(ChannelAccount account, String tag, JsonObjectBuilder event) {
    if (account.secret() == null || account.secret().isEmpty()) {
      throw PlatformException.channelNeedsFix("the webhook has no secret to sign with");
    }
    byte[] body = event.build().toString().getBytes(StandardCharsets.UTF_8);
    String signature = signature(body, account.secret());
    PartnerWebhookClient partner = clients.at(address(account), Duration.parse(timeout));

    PlatformCall.Answer answer =
        PlatformCall.send("Webhook", account.secret(), () -> partner.deliver(signature, tag, body));

    if (answer.succeeded()) {
      return answer;
    }
    String message = "Webhook HTTP " + answer.status();
    if (!answer.body().isBlank()) {
      message += ": " + PlatformCall.excerpt(answer.body(), account.secret());
    }
    int status = answer.status();
    if (status == 408 || status == 429 || status >= 500) {
      throw PlatformException.retryLater(
          message, PlatformCall.retryAfterHeader(answer.headers(), clock.instant()).orElse(null));
    }
    if (status >= 300 && status < 400) {
      throw PlatformException.needsFix(
          message + " (redirects are not followed: set the address it points to)");
    }
    if (status == 401 || status == 403) {
      throw PlatformException.channelNeedsFix(message);
    }
    throw PlatformException.needsFix(message);
  }

  @PreDestroy
  void closeClients() {
    clients.close();
  }

  /** The channel's address, which must be http or https; it is never shown in a message. */
  private static URI address(ChannelAccount account) {
    URI uri;
    try {
      uri = new URI(account.accountId());
    } catch (URISyntaxException e) {
      throw PlatformException.needsFix("the webhook's address is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw PlatformException.needsFix("the webhook's address must be an http or https URL");
    }
    return uri;
  }

  private static Optional<String> partnersId(PlatformCall.Answer answer) {
    JsonValue id = answer.json().get("id");
    String value =
        id instanceof JsonString text
            ? text.getString()
            : id instanceof JsonNumber number ? number.toString() : null;
    if (value == null
        || value.isBlank()
        || value.length() > LONGEST_ID
        || value.chars().anyMatch(Character::isISOControl)) {
      return Optional.empty();
    }
    return Optional.of(value);
  }
}
