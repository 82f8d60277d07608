package org.tifli.infrastructure.platform;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One HTTP exchange with a platform, and what every publisher does around it: a failure to reach
 * the platform or to hear from it in time becomes a {@link PlatformException} to retry later, and
 * no message ever carries the channel's secret, even where the platform puts it in the URL
 * (Telegram's bot token) or the query (Graph's access token).
 *
 * <p>The JDK's exception is not kept as the cause: its text and stack are logged by whoever handles
 * the failure, and some of them show the request's URI. Its class name and scrubbed text are in the
 * message instead.
 */
final class PlatformCall {

  /** What the platform answered; {@code json} is empty when the body is not a JSON object. */
  record Answer(int status, HttpHeaders headers, String body, JsonObject json) {

    boolean succeeded() {
      return status >= 200 && status < 300;
    }
  }

  private static final int SHOWN_BODY = 200;

  private PlatformCall() {}

  static HttpClient newClient() {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * Sends the request and returns the answer, whatever its status.
   *
   * @param platform the platform's name for messages, e.g. "Telegram"
   * @param secret the channel's secret, scrubbed from every message
   * @throws PlatformException to retry later when the platform cannot be reached or is too slow
   */
  static Answer send(HttpClient client, HttpRequest request, String platform, String secret) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers(),
          response.body(),
          parseOrEmpty(response.body()));
    } catch (HttpConnectTimeoutException | ConnectException e) {
      // Nothing was sent: the platform did nothing.
      throw PlatformException.retryLater(platform + " unreachable: " + describe(e, secret));
    } catch (HttpTimeoutException e) {
      throw PlatformException.outcomeUnknown(
          platform + " did not answer in time: " + describe(e, secret));
    } catch (IOException e) {
      throw PlatformException.outcomeUnknown(
          platform + " connection broke: " + describe(e, secret));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw PlatformException.outcomeUnknown("interrupted while calling " + platform);
    }
  }

  private static String describe(Exception e, String secret) {
    String name = e.getClass().getSimpleName();
    return e.getMessage() == null ? name : name + ": " + scrub(e.getMessage(), secret);
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
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException | ClassCastException e) {
      return JsonObject.EMPTY_JSON_OBJECT;
    }
  }

  /**
   * The wait an HTTP {@code Retry-After} header asks for, in seconds or as an HTTP date; empty when
   * there is no such header or it cannot be read.
   */
  static Optional<Duration> retryAfterHeader(HttpHeaders headers, Instant now) {
    Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
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

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> formValue(e.getKey()) + "=" + formValue(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  static String formValue(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String pathSegment(String value) {
    return formValue(value).replace("+", "%20");
  }

  static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  static HttpRequest.BodyPublisher utf8(String body) {
    return HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
  }
}
