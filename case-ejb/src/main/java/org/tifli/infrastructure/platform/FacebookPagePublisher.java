package org.tifli.infrastructure.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tifli.domain.Platform;

/**
 * Posts on a Facebook Page through the Graph API: {@code POST /v{N}/{page-id}/feed} with the
 * message, the link and the page's access token, answered by {@code {"id": "<page-id>_<post-id>"}}.
 * The message is the text, a blank line and the delivery's tag; the link is its own field, so
 * Facebook shows the alert page's preview with its photo.
 *
 * <p>A post is taken down with {@code DELETE /v{N}/{post-id}} ({@code {"success": true}}); one that
 * Graph no longer knows (code 100, subcode 33) is gone already. Recent posts are read from {@code
 * GET /v{N}/{page-id}/feed?fields=id,message}, the latest hundred.
 *
 * <p>Errors are classed by {@link GraphErrors}; Graph gives no retry-after.
 */
@ApplicationScoped
public class FacebookPagePublisher implements PlatformPublisher {

  private static final Logger LOG = Logger.getLogger(FacebookPagePublisher.class.getName());

  static final String RECENT_POSTS = "100";

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

  private final HttpClient client = PlatformCall.newClient();

  @Override
  public Platform platform() {
    return Platform.FACEBOOK;
  }

  @Override
  public String publish(ChannelAccount account, AlertPost post) {
    String message =
        PostFitting.fit(
            Platform.FACEBOOK, Platform.FACEBOOK.textLimit(), post.text(), "\n\n" + post.tag());

    JsonObject answer =
        graph(account)
            .post(account.accountId(), "feed", Map.of("message", message, "link", post.link()));

    if (answer.get("id") instanceof JsonString id) {
      return id.getString();
    }
    throw PlatformException.needsFix("Facebook answered the post without an id");
  }

  @Override
  public void retract(ChannelAccount account, String postId, AlertPost closing) {
    GraphApi graph = graph(account);
    PlatformCall.Answer answer = graph.delete(postId);

    if (answer.succeeded() && answer.json().getBoolean("success", false)) {
      LOG.fine(() -> "Deleted Facebook post " + postId);
      return;
    }
    if (GraphErrors.code(answer.json()) == 100
        && GraphErrors.subcode(answer.json()) == GraphErrors.NO_SUCH_OBJECT) {
      LOG.fine(() -> "Facebook post " + postId + " was gone already");
      return;
    }
    throw answer.succeeded()
        ? PlatformException.needsFix("Facebook did not confirm deleting post " + postId)
        : graph.failure(answer);
  }

  @Override
  public boolean canFindPosts() {
    return true;
  }

  @Override
  public Optional<String> findPostWithTag(ChannelAccount account, String tag) {
    JsonObject feed =
        graph(account)
            .get(
                account.accountId(), "feed", Map.of("fields", "id,message", "limit", RECENT_POSTS));
    return GraphApi.idOfItemWithTag(feed, "message", tag);
  }

  static PlatformException classify(int status, JsonObject body) {
    return GraphErrors.classify("Facebook", status, body, null);
  }

  private GraphApi graph(ChannelAccount account) {
    return new GraphApi(
        client, "Facebook", baseUrl, apiVersion, Duration.parse(timeout), account.secret());
  }
}
