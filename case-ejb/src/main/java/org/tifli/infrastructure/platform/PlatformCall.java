package org.tifli.infrastructure.platform;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.jnh.connector.JavaNetHttpConnectorProvider;

/**
 * One HTTP exchange with a platform through its typed MicroProfile Rest Client, and what every
 * publisher does around it: a failure to reach the platform or to hear from it in time becomes a
 * {@link PlatformException} to retry later (outcome unknown when the request may have been served),
 * and no message ever carries the channel's secret, even where the platform puts it in the URL
 * (Telegram's bot token) or the query (Graph's access token).
 *
 * <p>The clients return the whole {@link Response}, whatever its status (the default exception
 * mapper is off): a publisher must read some refusals as outcomes (a post gone already, X's
 * duplicate content, a photo Telegram cannot fetch), so each classes its platform's answers itself.
 *
 * <p>The clients run on Jersey's {@code java.net.http} connector rather than its default, which
 * sits on {@code HttpURLConnection}: that one silently sends a POST again when the connection
 * breaks before the answer (a second post, where Tifli must find out whether the first was made),
 * and in streaming mode drops the body of a 401. The connector bounds each exchange, connecting
 * included, by the read timeout (it gives its HTTP client no connect timeout of its own); a
 * time-out before the connection was made is still told apart, as nothing was sent.
 *
 * <p>Jersey's exception is not kept as the cause: its text and stack are logged by whoever handles
 * the failure, and some of them could show the request's URI. Its class name and scrubbed text are
 * in the message instead.
 */
final class PlatformCall {

  /**
   * What the platform answered; {@code json} is empty when the body is not a JSON object, and the
   * header names are case-insensitive.
   */
  record Answer(int status, Map<String, List<String>> headers, String body, JsonObject json) {

    boolean succeeded() {
      return status >= 200 && status < 300;
    }
  }

  /** Typed clients of one platform API, one per base URL and time limit, made on first use. */
  static final class Clients<T> implements AutoCloseable {

    /** Webhooks have a client per partner address; this many are kept, the least used dropped. */
    private static final int KEPT = 64;

    private record Key(URI baseUri, Duration timeout) {}

    private final Class<T> api;

    // A dropped client is not closed, as another thread may be using it: it holds no resource
    // that outlives it, and the garbage collector takes it.
    private final Map<Key, T> made =
        new LinkedHashMap<>(4, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, T> eldest) {
            return size() > KEPT;
          }
        };

    Clients(Class<T> api) {
      this.api = api;
    }

    /** The client of the API at the base URI, whose calls give up after the timeout. */
    synchronized T at(URI baseUri, Duration timeout) {
      return made.computeIfAbsent(new Key(baseUri, timeout), key -> build(key.baseUri(), timeout));
    }

    private T build(URI baseUri, Duration timeout) {
      long millis = Math.max(1, timeout.toMillis());
      return RestClientBuilder.newBuilder()
          .baseUri(baseUri)
          .connectTimeout(millis, TimeUnit.MILLISECONDS)
          .readTimeout(millis, TimeUnit.MILLISECONDS)
          .followRedirects(false)
          // The connector reads this from the client's configuration, not from the target.
          .property(ClientProperties.FOLLOW_REDIRECTS, false)
          .property("microprofile.rest.client.disable.default.mapper", true)
          .register(new JavaNetHttpConnectorProvider())
          .build(api);
    }

    @Override
    public synchronized void close() {
      for (T client : made.values()) {
        try {
          ((AutoCloseable) client).close();
        } catch (Exception e) {
          // Closing at shutdown: nothing is left to do with a client that fails to close.
        }
      }
      made.clear();
    }
  }

  private static final int SHOWN_BODY = 200;

  /**
   * The JSON provider, looked up once: {@code Json.createReader} and the like look it up again on
   * every call, a class-path scan that cost more than the rest of a delivery's JSON.
   */
  static final JsonProvider JSON = JsonProvider.provider();

  private PlatformCall() {}

  /** The base URL as a URI, without a trailing slash. */
  static URI baseUri(String baseUrl) {
    return URI.create(stripSlash(baseUrl));
  }

  /**
   * Makes the call and returns the answer, whatever its status.
   *
   * @param platform the platform's name for messages, e.g. "Telegram"
   * @param secret the channel's secret, scrubbed from every message
   * @throws PlatformException to retry later when the platform cannot be reached, is too slow or
   *     breaks off; outcome unknown unless nothing was sent
   */
  static Answer send(String platform, String secret, Supplier<Response> call) {
    try (Response response = call.get()) {
      String body = response.hasEntity() ? response.readEntity(String.class) : "";
      return new Answer(response.getStatus(), headers(response), body, parseOrEmpty(body));
    } catch (ProcessingException e) {
      throw failure(platform, secret, e);
    }
  }

  private static PlatformException failure(String platform, String secret, ProcessingException e) {
    Throwable cause = e;
    while (cause.getCause() != null
        && !(cause instanceof IOException || cause instanceof InterruptedException)) {
      cause = cause.getCause();
    }
    if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
      // Nothing was sent: the platform did nothing.
      return PlatformException.retryLater(platform + " unreachable: " + describe(cause, secret));
    }
    if (cause instanceof HttpTimeoutException) {
      return PlatformException.outcomeUnknown(
          platform + " did not answer in time: " + describe(cause, secret));
    }
    if (cause instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      return PlatformException.outcomeUnknown("interrupted while calling " + platform);
    }
    if (cause instanceof IOException) {
      return PlatformException.outcomeUnknown(
          platform + " connection broke: " + describe(cause, secret));
    }
    return PlatformException.outcomeUnknown(platform + " call failed: " + describe(cause, secret));
  }

  private static String describe(Throwable e, String secret) {
    String name = e.getClass().getSimpleName();
    return e.getMessage() == null ? name : name + ": " + scrub(e.getMessage(), secret);
  }

  private static Map<String, List<String>> headers(Response response) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    response.getStringHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    return Collections.unmodifiableMap(headers);
  }

  /** The first value of the header, whatever the case of its name. */
  static Optional<String> header(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
        return Optional.ofNullable(header.getValue().get(0));
      }
    }
    return Optional.empty();
  }

  /** The text with the secret, as is and URL-encoded, replaced by {@code ***}. */
  static String scrub(String text, String secret) {
    if (text == null || secret == null || secret.isEmpty()) {
      return text;
    }
    return text.replace(secret, "***").replace(formValue(secret), "***");
  }

  /** The start of a body, on one line, scrubbed: enough to tell an error page from another. */
  static String excerpt(String body, String secret) {
    String line = scrub(body == null ? "" : body, secret).replaceAll("\\s+", " ").strip();
    return line.length() <= SHOWN_BODY ? line : line.substring(0, SHOWN_BODY) + "…";
  }

  static JsonObject parseOrEmpty(String text) {
    if (text == null || text.isBlank()) {
      return JsonObject.EMPTY_JSON_OBJECT;
    }
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException | ClassCastException e) {
      return JsonObject.EMPTY_JSON_OBJECT;
    }
  }

  /**
   * The wait an HTTP {@code Retry-After} header asks for, in seconds or as an HTTP date; empty when
   * there is no such header or it cannot be read.
   */
  static Optional<Duration> retryAfterHeader(Map<String, List<String>> headers, Instant now) {
    Optional<String> value = header(headers, "Retry-After").map(String::strip);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.get()))));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at =
            ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return Optional.of(untilOrZero(now, at));
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  /** The time from now to then, rounded up to whole seconds; zero when then is past. */
  static Duration untilOrZero(Instant now, Instant then) {
    Duration left = Duration.between(now, then);
    if (left.isNegative()) {
      return Duration.ZERO;
    }
    return left.getNano() == 0 ? left : Duration.ofSeconds(left.getSeconds() + 1);
  }

  /**
   * The id, checked to be one path segment: the Rest Client encodes what a segment cannot hold but
   * leaves slashes as they are, so an id with one would reach another endpoint with the token.
   *
   * @throws PlatformException needing a fix when the id cannot be a path segment
   */
  static String segment(String id, String what) {
    if (id == null
        || id.isBlank()
        || id.contains("/")
        || id.contains("\\")
        || id.equals(".")
        || id.equals("..")) {
      throw PlatformException.needsFix("not a valid " + what + ": " + id);
    }
    return id;
  }

  static String formValue(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
