package org.tifli.deploy;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API over plain HTTP, for what {@code TifliClient} would never send: any method, any content
 * type or none, bytes that are not JSON, bodies of megabytes; and the whole answer back, whatever
 * its type, so that a test can see an HTML error page when there is one.
 */
final class RawApi {

  private final String apiBase;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  RawApi(String appUrl) {
    this(appUrl, "/api/v1");
  }

  private RawApi(String appUrl, String base) {
    this.apiBase = appUrl + base;
  }

  /** Requests to what the application serves beside the API, such as the CAP feed. */
  static RawApi beside(String appUrl) {
    return new RawApi(appUrl, "");
  }

  /** An answer: status, headers and the body as text. */
  record Reply(int status, Map<String, List<String>> headers, String body) {

    Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }

    String contentType() {
      return header("Content-Type").orElse("");
    }

    /** The body as a JSON object, or empty when it is none. */
    Optional<JsonObject> json() {
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        JsonValue value = reader.readValue();
        return value.getValueType() == JsonValue.ValueType.OBJECT
            ? Optional.of(value.asJsonObject())
            : Optional.empty();
      } catch (JsonException e) {
        return Optional.empty();
      }
    }
  }

  /**
   * Sends a request.
   *
   * @param token bearer token, or null for none
   * @param contentType the {@code Content-Type}, or null to send none
   * @param body the body, or null for none
   */
  Reply send(String method, String path, String token, String contentType, BodyPublisher body) {
    return send(method, path, token, contentType, body, Map.of());
  }

  Reply send(
      String method,
      String path,
      String token,
      String contentType,
      BodyPublisher body,
      Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(apiBase + path))
            .timeout(Duration.ofSeconds(60))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
