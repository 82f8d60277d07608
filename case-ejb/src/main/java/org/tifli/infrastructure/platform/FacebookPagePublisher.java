package org.tifli.infrastructure.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tifli.domain.Platform;

/**
 * Posts on a Facebook Page through the Graph API: {@code POST /v{N}/{page-id}/feed} with the page's
 * access token, answered by {@code {"id": "<page-id>_<post-id>"}}.
 *
 * <p>Graph errors come as {@code {"error": {"code": …, "message": …}}}. Codes 190 (bad or expired
 * token), 10 and 200–299 (permissions) and 100 (invalid parameter) need a fix; rate limits (4, 17,
 * 32, 613), transient errors (1, 2), HTTP 5xx and timeouts are retried later.
 */
@ApplicationScoped
public class FacebookPagePublisher implements PlatformPublisher {

  private static final Set<Integer> RATE_LIMITS = Set.of(4, 17, 32, 613);
  private static final Set<Integer> TRANSIENT = Set.of(1, 2);

  @Inject
  @ConfigProperty(
      name = "tifli.platform.facebook.base-url",
      defaultValue = "https://graph.facebook.com")
  String baseUrl;

  @Inject
  @ConfigProperty(name = "tifli.platform.facebook.api-version", defaultValue = "v23.0")
  String apiVersion;

  @Inject
  @ConfigProperty(name = "tifli.platform.timeout", defaultValue = "PT10S")
  String timeout;

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  public Platform platform() {
    return Platform.FACEBOOK;
  }

  @Override
  public String publish(ChannelAccount account, AlertPost post) {
    String form =
        formEncode(
            Map.of(
                "message", post.text() + "\n\n" + post.tag(),
                "link", post.link(),
                "access_token", account.secret()));
    URI uri =
        URI.create(
            stripSlash(baseUrl)
                + "/"
                + apiVersion
                + "/"
                + pathSegment(account.accountId())
                + "/feed");
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.parse(timeout))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();

    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw PlatformException.retryLater(
          "Facebook unreachable: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw PlatformException.retryLater("interrupted while posting to Facebook", e);
    }

    JsonObject body = parseOrEmpty(response.body());
    if (response.statusCode() == 200 && body.containsKey("id")) {
      return body.getString("id");
    }
    throw classify(response.statusCode(), body);
  }

  static PlatformException classify(int status, JsonObject body) {
    JsonObject error = body.containsKey("error") ? body.getJsonObject("error") : null;
    int code = error == null ? -1 : error.getInt("code", -1);
    String message =
        "Facebook HTTP "
            + status
            + (error == null
                ? ""
                : ", code " + code + ": " + error.getString("message", "(no message)"));
    if (status >= 500 || RATE_LIMITS.contains(code) || TRANSIENT.contains(code) || status == 429) {
      return PlatformException.retryLater(message);
    }
    return PlatformException.needsFix(message);
  }

  private static JsonObject parseOrEmpty(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    } catch (JsonParsingException | IllegalStateException | ClassCastException e) {
      return JsonObject.EMPTY_JSON_OBJECT;
    }
  }

  private static String formEncode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String pathSegment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
