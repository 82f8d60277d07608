package org.tifli.infrastructure.platform;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tifli.domain.Platform;

/**
 * Posts on X through API v2: {@code POST /2/tweets} with {@code {"text": …}} and the account's
 * OAuth 2.0 user access token as a bearer token, answered by {@code 201 {"data": {"id", "text"}}}.
 * The text is the post's text, the link and the tag, fitted to 280 as X counts ({@link
 * PostFitting}). X shows the link's card, with the alert page's photo; the photo itself is not
 * uploaded.
 *
 * <p>A post is taken down with {@code DELETE /2/tweets/{id}} ({@code {"data": {"deleted": true}}});
 * one X no longer knows (404) is gone already. Recent posts are read from {@code GET
 * /2/users/{id}/tweets}: the channel's account id is the X user id. X keeps the tag as it is, but
 * shows links as t.co addresses.
 *
 * <p>Errors come as problem details, {@code {"title", "detail", "type", "status"}}. 429 and 5xx are
 * retried later, after the wait from {@code Retry-After} or else the reset time (epoch seconds) of
 * the exhausted limit ({@code x-user-limit-24hour-reset}, {@code x-app-limit-24hour-reset}, {@code
 * x-rate-limit-reset}); 401 (bad or expired token), 403 (not permitted) and 400 need a fix, the
 * first two the channel's own. X refuses a text it already has from the account with 403 "duplicate
 * content": as every post carries its own tag, that means this very post was made earlier, its
 * answer lost, so its id is looked up and returned.
 *
 * <p>The calls go through the {@link XApiClient} Rest Client, each given up after {@code
 * tifli.platform.timeout}.
 */
@ApplicationScoped
public class XPublisher implements PlatformPublisher {

  private static final Logger LOG = Logger.getLogger(XPublisher.class.getName());

  private static final int RECENT_POSTS = 100;

  private static final List<String> LIMITS =
      List.of("x-user-limit-24hour", "x-app-limit-24hour", "x-rate-limit");

  @Inject
  @ConfigProperty(name = "tifli.platform.x.base-url", defaultValue = "https://api.x.com")
  String baseUrl;

  @Inject
  @ConfigProperty(name = "tifli.platform.timeout", defaultValue = "PT10S")
  String timeout;

  Clock clock = Clock.systemUTC();

  private final PlatformCall.Clients<XApiClient> clients =
      new PlatformCall.Clients<>(XApiClient.class);

  @Override
  public Platform platform() {
    return Platform.X;
  }

  // TODO [credentials] An X user access token lives two hours; Tifli does not refresh it with the
  // refresh token yet, so an expired one fails as "needs a fix" until an administrator replaces it.
  @Override
  public String publish(ChannelAccount account, AlertPost post) {
    String text =
        PostFitting.fit(
            Platform.X,
            Platform.X.textLimit(),
            post.text(),
            "\n\n" + post.link() + "\n" + post.tag());
    JsonObject tweet = PlatformCall.JSON.createObjectBuilder().add("text", text).build();

    PlatformCall.Answer answer = send(account, (api, bearer) -> api.post(bearer, tweet));

    if (answer.succeeded()
        && answer.json().get("data") instanceof JsonObject data
        && data.get("id") instanceof JsonString id) {
      return id.getString();
    }
    if (answer.status() == 403 && detail(answer.json()).contains("duplicate content")) {
      Optional<String> earlier = findPostWithTag(account, post.tag());
      if (earlier.isPresent()) {
        LOG.info(() -> "X post with tag " + post.tag() + " was made before: " + earlier.get());
        return earlier.get();
      }
    }
    throw failure(answer, account);
  }

  @Override
  public void retract(ChannelAccount account, String postId, AlertPost closing) {
    String tweet = PlatformCall.segment(postId, "X post id");

    PlatformCall.Answer answer = send(account, (api, bearer) -> api.delete(bearer, tweet));

    if (answer.status() == 404) {
      LOG.fine(() -> "X post " + postId + " was gone already");
      return;
    }
    if (answer.succeeded()) {
      if (answer.json().get("data") instanceof JsonObject data
          && data.getBoolean("deleted", false)) {
        LOG.fine(() -> "Deleted X post " + postId);
        return;
      }
      throw PlatformException.needsFix("X did not delete post " + postId);
    }
    throw failure(answer, account);
  }

  @Override
  public boolean canFindPosts() {
    return true;
  }

  @Override
  public Optional<String> findPostWithTag(ChannelAccount account, String tag) {
    String user = PlatformCall.segment(account.accountId(), "X user id");
    PlatformCall.Answer answer =
        send(account, (api, bearer) -> api.postsOf(bearer, user, RECENT_POSTS));
    if (!answer.succeeded()) {
      throw failure(answer, account);
    }
    if (answer.json().get("data") instanceof JsonArray posts) {
      for (JsonValue item : posts) {
        if (item instanceof JsonObject post
            && post.get("text") instanceof JsonString text
            && text.getString().contains(tag)
            && post.get("id") instanceof JsonString id) {
          return Optional.of(id.getString());
        }
      }
    }
    return Optional.empty();
  }

  /** The failure an unsuccessful answer means, classed, with the wait X asked for. */
  PlatformException failure(PlatformCall.Answer answer, ChannelAccount account) {
    int status = answer.status();
    String message = PlatformCall.scrub(describe(answer), account.secret());
    if (status == 429 || status >= 500) {
      return PlatformException.retryLater(
          message, retryAfter(answer.headers(), clock.instant()).orElse(null));
    }
    if (status == 401 || status == 403) {
      return PlatformException.channelNeedsFix(message);
    }
    return PlatformException.needsFix(message);
  }

  /**
   * The wait before X takes calls again: {@code Retry-After} if given, else the latest reset of a
   * limit with nothing remaining, else the general rate limit's reset.
   */
  static Optional<Duration> retryAfter(Map<String, List<String>> headers, Instant now) {
    Optional<Duration> asked = PlatformCall.retryAfterHeader(headers, now);
    if (asked.isPresent()) {
      return asked;
    }
    Optional<Instant> exhausted = Optional.empty();
    for (String limit : LIMITS) {
      if (PlatformCall.header(headers, limit + "-remaining")
          .map(String::strip)
          .orElse("")
          .equals("0")) {
        Optional<Instant> reset = epochSeconds(headers, limit + "-reset");
        if (reset.isPresent() && (exhausted.isEmpty() || reset.get().isAfter(exhausted.get()))) {
          exhausted = reset;
        }
      }
    }
    return exhausted
        .or(() -> epochSeconds(headers, "x-rate-limit-reset"))
        .map(reset -> PlatformCall.untilOrZero(now, reset));
  }

  private static Optional<Instant> epochSeconds(Map<String, List<String>> headers, String name) {
    try {
      return PlatformCall.header(headers, name)
          .map(String::strip)
          .map(Long::parseLong)
          .map(Instant::ofEpochSecond);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String describe(PlatformCall.Answer answer) {
    JsonObject problem = answer.json();
    StringBuilder message = new StringBuilder("X HTTP ").append(answer.status());
    String title = text(problem, "title");
    String detail = detail(problem);
    if (!title.isEmpty()) {
      message.append(": ").append(title);
    }
    if (!detail.isEmpty() && !detail.equals(title)) {
      message.append(title.isEmpty() ? ": " : " - ").append(detail);
    }
    if (problem.get("errors") instanceof JsonArray errors
        && !errors.isEmpty()
        && errors.get(0) instanceof JsonObject first) {
      String firstMessage = text(first, "message");
      if (!firstMessage.isEmpty()) {
        message.append(" (").append(firstMessage).append(")");
      }
    }
    if (problem.isEmpty() && !answer.body().isBlank()) {
      message.append(": ").append(PlatformCall.excerpt(answer.body(), null));
    }
    return message.toString();
  }

  private static String detail(JsonObject problem) {
    return text(problem, "detail");
  }

  private static String text(JsonObject object, String name) {
    return object.get(name) instanceof JsonString value ? value.getString() : "";
  }

  @PreDestroy
  void closeClients() {
    clients.close();
  }

  /** Makes the call with the account's bearer token and returns X's answer as it is. */
  private PlatformCall.Answer send(
      ChannelAccount account, BiFunction<XApiClient, String, Response> call) {
    XApiClient client = clients.at(PlatformCall.baseUri(baseUrl), Duration.parse(timeout));
    String bearer = "Bearer " + account.secret();
    return PlatformCall.send("X", account.secret(), () -> call.apply(client, bearer));
  }
}
