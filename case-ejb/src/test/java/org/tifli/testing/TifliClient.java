package org.tifli.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** A small client of Tifli's JSON API, for system tests. */
public final class TifliClient {

  private final String apiBase;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * @param appUrl the application's URL, such as {@code http://localhost:8080/tifli}
   */
  public TifliClient(String appUrl) {
    this.apiBase = appUrl + "/api/v1";
  }

  /** An answer: status, content type and the JSON body (null when there is none). */
  public record Answer(int status, String contentType, String location, JsonStructure body) {

    public JsonObject json() {
      return (JsonObject) body;
    }
  }

  public String token(String username, String password) {
    Answer answer =
        post(
            "/tokens",
            null,
            Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .build()
                .toString());
    if (answer.status() != 200) {
      throw new IllegalStateException("no token for " + username + ": " + answer.status());
    }
    return answer.json().getString("access_token");
  }

  public Answer get(String path, String token) {
    return send(request(path, token).GET().build());
  }

  public Answer post(String path, String token, String json) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public Answer put(String path, String token, String json) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public Answer delete(String path, String token) {
    return send(request(path, token).DELETE().build());
  }

  /** The raw bytes of an answer, such as an image. */
  public record Bytes(int status, String contentType, byte[] body) {}

  public Bytes getBytes(String path, String token) {
    try {
      HttpResponse<byte[]> response =
          http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Bytes(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Posts {@code multipart/form-data}: each named part is a file when its value is a byte array, a
   * text field otherwise.
   */
  public Answer postMultipart(String path, String token, Map<String, Object> parts) {
    String boundary = "tifli-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, Object> part : parts.entrySet()) {
      StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n");
      head.append("Content-Disposition: form-data; name=\"").append(part.getKey()).append('"');
      if (part.getValue() instanceof byte[]) {
        head.append("; filename=\"").append(part.getKey()).append(".jpg\"\r\n");
        head.append("Content-Type: application/octet-stream");
      }
      head.append("\r\n\r\n");
      body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
      body.writeBytes(
          part.getValue() instanceof byte[] file
              ? file
              : part.getValue().toString().getBytes(StandardCharsets.UTF_8));
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        request(path, token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(apiBase + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      JsonStructure json = null;
      if (!body.isBlank()) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
          json = reader.read();
        }
      }
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("Location").orElse(null),
          json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
