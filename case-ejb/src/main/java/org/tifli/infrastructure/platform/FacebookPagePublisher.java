package org.tifli.infrastructure.platform;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
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
 * <p>Errors are classed by {@link GraphErrors}; Graph gives no retry-after. The calls go through
 * the {@link GraphApiClient} Rest Client, each given up after {@code tifli.platform.timeout}.
 */
@ApplicationScoped
public class FacebookPagePublisher implements PlatformPublisher {

  private static final Logger LOG = Logger.getLogger(FacebookPagePublisher.class.getName());

  static final int RECENT_POSTS = 100;

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

  private final PlatformCall.Clients<GraphApiClient> clients =
      new PlatformCall.Clients<>(GraphApiClient.class);

  @Override
  public Platform platform() {
    return Platform.FACEBOOK;
  }

  @Override
  public String publish(ChannelAccount account, AlertPost post) {
    String message =
        PostFitting.fit(
            Platform.FACEBOOK, Platform.FACEBOOK.textLimit(), post.text(), "\n\n" + post.tag());

    String page = PlatformCall.segment(account.accountId(), "Facebook Page id");

    JsonObject answer =
        graph(account).expect((api, token) -> api.postToFeed(page, message, post.link(), token));

    if (answer.get("id") instanceof JsonString id) {
      return id.getString();
    }
    throw PlatformException.needsFix("Facebook answered the post without an id");
  }

  @Override
  public void retract(ChannelAccount account, String postId, AlertPost closing) {
    String target = PlatformCall.segment(postId, "Facebook post id");
    GraphApi graph = graph(account);

    PlatformCall.Answer answer = graph.answer((api, token) -> api.delete(target, token));

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
    String page = PlatformCall.segment(account.accountId(), "Facebook Page id");
    JsonObject feed =
        graph(account).expect((api, token) -> api.feed(page, "id,message", RECENT_POSTS, token));
    return GraphApi.idOfItemWithTag(feed, "message", tag);
  }

  static PlatformException classify(int status, JsonObject body) {
    return GraphErrors.classify("Facebook", status, body, null);
  }

  @PreDestroy
  void closeClients() {
    clients.close();
  }

  private GraphApi graph(ChannelAccount account) {
    GraphApiClient client =
        clients.at(GraphApi.versionUri(baseUrl, apiVersion), Duration.parse(timeout));
    return new GraphApi(client, "Facebook", account.secret());
  }
}
