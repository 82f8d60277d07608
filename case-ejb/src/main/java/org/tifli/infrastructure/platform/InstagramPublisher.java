package org.tifli.infrastructure.platform;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tifli.domain.Platform;

/**
 * Posts on an Instagram professional account through the Graph API's content publishing, in two
 * steps: {@code POST /v{N}/{ig-user-id}/media} with the photo's public URL and the caption makes a
 * container ({@code {"id": "<container-id>"}}), then {@code POST /v{N}/{ig-user-id}/media_publish}
 * with {@code creation_id} publishes it ({@code {"id": "<media-id>"}}, the post's id). The caption
 * is the text, the link and the tag, each after a blank line (Instagram shows links in captions as
 * text).
 *
 * <p>Instagram posts photos only: a post without a photo needs a fix. A container that fails to
 * publish is left to expire (Instagram drops unpublished containers after a day), and the next try
 * makes a new one.
 *
 * <p>Instagram's API can neither delete nor edit a published post (it can only turn its comments on
 * or off), so {@link #retract} always needs a fix: someone takes the post down in the app. Recent
 * posts are read from {@code GET /v{N}/{ig-user-id}/media?fields=id,caption}.
 *
 * <p>Errors are classed by {@link GraphErrors}; Graph gives no retry-after. The calls go through
 * the {@link GraphApiClient} Rest Client, each given up after {@code tifli.platform.timeout}.
 */
@ApplicationScoped
public class InstagramPublisher implements PlatformPublisher {

  @Inject
  @ConfigProperty(
      name = "tifli.platform.instagram.base-url",
      defaultValue = "https://graph.facebook.com")
  String baseUrl;

  @Inject
  @ConfigProperty(name = "tifli.platform.instagram.api-version", defaultValue = "v23.0")
  String apiVersion;

  @Inject
  @ConfigProperty(name = "tifli.platform.timeout", defaultValue = "PT10S")
  String timeout;

  private final PlatformCall.Clients<GraphApiClient> clients =
      new PlatformCall.Clients<>(GraphApiClient.class);

  @Override
  public Platform platform() {
    return Platform.INSTAGRAM;
  }

  @Override
  public String publish(ChannelAccount account, AlertPost post) {
    if (post.photoUrl() == null) {
      throw PlatformException.needsFix(
          "Instagram posts need a photo, and this alert has no publication photo");
    }
    String caption =
        PostFitting.fit(
            Platform.INSTAGRAM,
            Platform.INSTAGRAM.captionLimit(),
            post.text(),
            "\n\n" + post.link() + "\n\n" + post.tag());
    String user = PlatformCall.segment(account.accountId(), "Instagram user id");
    GraphApi graph = graph(account);

    String container =
        idOf(
            graph.expect((api, token) -> api.createMedia(user, post.photoUrl(), caption, token)),
            "container");
    return idOf(
        graph.expect((api, token) -> api.publishMedia(user, container, token)), "published post");
  }

  @Override
  public void retract(ChannelAccount account, String postId, AlertPost closing) {
    throw PlatformException.needsFix(
        "Instagram's API can neither delete nor edit a published post: delete post "
            + postId
            + " of account "
            + account.accountId()
            + " in the Instagram app");
  }

  @Override
  public boolean canFindPosts() {
    return true;
  }

  @Override
  public Optional<String> findPostWithTag(ChannelAccount account, String tag) {
    String user = PlatformCall.segment(account.accountId(), "Instagram user id");
    JsonObject media =
        graph(account)
            .expect(
                (api, token) ->
                    api.media(user, "id,caption", FacebookPagePublisher.RECENT_POSTS, token));
    return GraphApi.idOfItemWithTag(media, "caption", tag);
  }

  private static String idOf(JsonObject answer, String what) {
    if (answer.get("id") instanceof JsonString id) {
      return id.getString();
    }
    throw PlatformException.needsFix("Instagram answered without the " + what + "'s id");
  }

  @PreDestroy
  void closeClients() {
    clients.close();
  }

  private GraphApi graph(ChannelAccount account) {
    GraphApiClient client =
        clients.at(GraphApi.versionUri(baseUrl, apiVersion), Duration.parse(timeout));
    return new GraphApi(client, "Instagram", account.secret());
  }
}
