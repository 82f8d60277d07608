package org.tifli.testing;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner system's webhook on loopback, for tests: it takes {@code POST}s on any path, checks
 * {@code X-Tifli-Signature} ({@code sha256=} and the HMAC-SHA256 of the raw body, keyed with the
 * shared secret) as a partner would, and records each event it accepts. A missing or wrong
 * signature is refused with 401 and counted.
 *
 * <p>It answers 202 with no id by default, or 200 {@code {"id": "evt-N"}} after {@link #giveIds}.
 */
public final class FakeWebhookReceiver extends FakePlatform {

  /** An accepted event: where it came, its delivery header, its raw body and that body read. */
  public record ReceivedEvent(
      String path, Map<String, String> query, String delivery, String rawBody, JsonObject body) {}

  private final String secret;
  private final List<ReceivedEvent> events = new CopyOnWriteArrayList<>();
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicLong ids = new AtomicLong();
  private volatile boolean giveIds;

  private FakeWebhookReceiver(String secret) {
    this.secret = secret;
  }

  /** Starts a receiver that shares {@code secret} with Tifli. */
  public static FakeWebhookReceiver start(String secret) throws IOException {
    FakeWebhookReceiver fake = new FakeWebhookReceiver(secret);
    fake.listen(0);
    return fake;
  }

  /** The receiver's address for a path, e.g. {@code /hooks/tv}: a channel's account id. */
  public String url(String path) {
    return baseUrl() + path;
  }

  public List<ReceivedEvent> events() {
    return List.copyOf(events);
  }

  /** How many requests were refused for their signature. */
  public int refused() {
    return refused.get();
  }

  /** From now on accepted events are answered with an id of the partner's. */
  public void giveIds() {
    giveIds = true;
  }

  /** The next call is answered with this status and body. */
  public void failNext(int status, String body) {
    queue(Reply.json(status, body));
  }

  @Override
  protected Reply serve(Exchange exchange) {
    if (!exchange.method().equals("POST")) {
      return Reply.json(405, "{\"error\":\"method not allowed\"}");
    }
    String signature = exchange.headers().getFirst("X-Tifli-Signature");
    if (signature == null
        || !MessageDigest.isEqual(
            signature.getBytes(StandardCharsets.US_ASCII),
            expectedSignature(exchange.body()).getBytes(StandardCharsets.US_ASCII))) {
      refused.incrementAndGet();
      return expiredToken();
    }
    events.add(
        new ReceivedEvent(
            exchange.path(),
            exchange.query(),
            exchange.headers().getFirst("X-Tifli-Delivery"),
            exchange.text(),
            exchange.json()));
    return giveIds
        ? Reply.json(200, "{\"id\":\"evt-" + ids.incrementAndGet() + "\"}")
        : Reply.json(202, "");
  }

  private String expectedSignature(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected Reply serverError() {
    return Reply.json(503, "{\"error\":\"service unavailable\"}");
  }

  @Override
  protected Reply rateLimited(Duration retryAfter) {
    return Reply.json(429, "{\"error\":\"too many requests\"}")
        .withHeader("Retry-After", String.valueOf(Math.max(1, retryAfter.toSeconds())));
  }

  /** A partner's answer to a signature made with another secret. */
  @Override
  protected Reply expiredToken() {
    return Reply.json(401, "{\"error\":\"invalid signature\"}");
  }
}
