package org.tifli.infrastructure.platform;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The Graph API as one channel sees it: its {@link GraphApiClient}, called with the channel's
 * access token, and Graph's answers classed by {@link GraphErrors}. Facebook Pages and Instagram
 * accounts alike; the token never reaches a message.
 */
final class GraphApi {

  private final GraphApiClient client;
  private final String platform;
  private final String token;

  GraphApi(GraphApiClient client, String platform, String token) {
    this.client = client;
    this.platform = platform;
    this.token = token;
  }

  /** The base URI of the API's version, such as {@code https://graph.facebook.com/v23.0}. */
  static URI versionUri(String baseUrl, String version) {
    return PlatformCall.baseUri(PlatformCall.stripSlash(baseUrl) + "/" + version);
  }

  /**
   * Makes the call with the channel's token and returns Graph's answer, or throws its error.
   *
   * @param call the client's method, given the client and the token
   */
  JsonObject expect(BiFunction<GraphApiClient, String, Response> call) {
    PlatformCall.Answer answer = answer(call);
    if (answer.succeeded() && !answer.json().containsKey("error")) {
      return answer.json();
    }
    throw failure(answer);
  }

  /** Makes the call with the channel's token; the answer is returned as it is, to be judged. */
  PlatformCall.Answer answer(BiFunction<GraphApiClient, String, Response> call) {
    return PlatformCall.send(platform, token, () -> call.apply(client, token));
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
}
