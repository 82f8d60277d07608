package org.tifli.infrastructure.platform;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Graph API at one base URL and version, called with one channel's access token: Facebook Pages
 * and Instagram accounts alike. The token goes in the form of a POST and in the query of a GET or
 * DELETE, as Graph documents it; it never reaches a message.
 */
final class GraphApi {

  private final HttpClient client;
  private final String platform;
  private final String root;
  private final Duration timeout;
  private final String token;

  GraphApi(
      HttpClient client,
      String platform,
      String baseUrl,
      String version,
      Duration timeout,
      String token) {
    this.client = client;
    this.platform = platform;
    this.root = PlatformCall.stripSlash(baseUrl) + "/" + version;
    this.timeout = timeout;
    this.token = token;
  }

  /** POSTs the form to {@code /{node}/{edge}} and returns Graph's answer, or throws its error. */
  JsonObject post(String node, String edge, Map<String, String> form) {
    Map<String, String> fields = new LinkedHashMap<>(form);
    fields.put("access_token", token);
    HttpRequest request =
        HttpRequest.newBuilder(uri(node, edge, Map.of()))
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(PlatformCall.utf8(PlatformCall.form(fields)))
            .build();
    return expect(send(request));
  }

  /** GETs {@code /{node}/{edge}} with the query and returns Graph's answer, or throws its error. */
  JsonObject get(String node, String edge, Map<String, String> query) {
    HttpRequest request =
        HttpRequest.newBuilder(uri(node, edge, withToken(query))).timeout(timeout).GET().build();
    return expect(send(request));
  }

  /** DELETEs {@code /{node}}; the answer is returned as it is, for the caller to judge. */
  PlatformCall.Answer delete(String node) {
    HttpRequest request =
        HttpRequest.newBuilder(uri(node, null, withToken(Map.of())))
            .timeout(timeout)
            .DELETE()
            .build();
    return send(request);
  }

  /** The answer's body when it succeeded, else Graph's error, classed. */
  JsonObject expect(PlatformCall.Answer answer) {
    if (answer.succeeded() && !answer.json().containsKey("error")) {
      return answer.json();
    }
    throw failure(answer);
  }

  PlatformException failure(PlatformCall.Answer answer) {
    return GraphErrors.classify(platform, answer.status(), answer.json(), token);
  }

  /**
   * The id of the first item of a Graph list ({@code {"data": [...]}}) whose {@code textField}
   * carries the tag.
   */
  static Optional<String> idOfItemWithTag(JsonObject list, String textField, String tag) {
    JsonValue data = list.get("data");
    if (!(data instanceof JsonArray items)) {
      return Optional.empty();
    }
    for (JsonValue item : items) {
      if (item instanceof JsonObject post
          && post.get(textField) instanceof JsonString text
          && text.getString().contains(tag)
          && post.get("id") instanceof JsonString id) {
        return Optional.of(id.getString());
      }
    }
    return Optional.empty();
  }

  private PlatformCall.Answer send(HttpRequest request) {
    return PlatformCall.send(client, request, platform, token);
  }

  private Map<String, String> withToken(Map<String, String> query) {
    Map<String, String> fields = new LinkedHashMap<>(query);
    fields.put("access_token", token);
    return fields;
  }

  private URI uri(String node, String edge, Map<String, String> query) {
    String path = root + "/" + PlatformCall.pathSegment(node);
    if (edge != null) {
      path += "/" + edge;
    }
    return URI.create(query.isEmpty() ? path : path + "?" + PlatformCall.form(query));
  }
}
