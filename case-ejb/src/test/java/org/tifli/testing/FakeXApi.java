package org.tifli.testing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for X API v2 on loopback, for tests: {@code POST /2/tweets} ({@code {"text"}} with a
 * bearer user token; {@code 201 {"data": {"id", "text"}}}), {@code DELETE /2/tweets/{id}} ({@code
 * {"data": {"deleted": true}}}) and {@code GET /2/users/{id}/tweets} ({@code {"data": [...],
 * "meta": {"result_count"}}}). Errors are X's problem details, {@code {"title", "detail", "type",
 * "status"}}; a rate limit is 429 with {@code x-rate-limit-reset} in epoch seconds.
 *
 * <p>Like X, it refuses a text the account already posted (403, duplicate content) and a text over
 * 280 as X counts (a link counts 23; the fake counts every other code point as 1, which is never
 * more than X does), and keeps links as t.co addresses. A user's tweets are those posted with the
 * token that asks for them.
 */
public final class FakeXApi extends FakePlatform {

  private static final Pattern TWEET = Pattern.compile("/2/tweets/([^/]+)");
  private static final Pattern TIMELINE = Pattern.compile("/2/users/([^/]+)/tweets");
  private static final Pattern LINK = Pattern.compile("https?://\\S+");

  /** A tweet as X received it: the text as sent, and the token that sent it. */
  public record ReceivedTweet(String id, String text, String accessToken) {}

  private record Stored(ReceivedTweet received, String shownText) {}

  private final List<Stored> tweets = new CopyOnWriteArrayList<>();
  private final List<String> deletions = new CopyOnWriteArrayList<>();
  private final Set<String> deleted = ConcurrentHashMap.newKeySet();
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();
  private final AtomicLong ids = new AtomicLong(1_790_000_000_000_000_000L);

  private FakeXApi() {}

  public static FakeXApi start() throws IOException {
    FakeXApi fake = new FakeXApi();
    fake.listen(0);
    return fake;
  }

  /** Tweets received, in order, deleted ones included. */
  public List<ReceivedTweet> tweets() {
    return tweets.stream().map(Stored::received).toList();
  }

  /** Ids of the tweets deleted, in order. */
  public List<String> deletions() {
    return List.copyOf(deletions);
  }

  /** From now on the token is refused as X refuses an expired one. */
  public void revokeToken(String token) {
    revoked.add(token);
  }

  /** The next call is refused as by X's per-user daily post limit, reset after {@code resetIn}. */
  public void failNextWithDailyLimit(Duration resetIn) {
    queue(
        tooManyRequests()
            .withHeader("x-rate-limit-remaining", "250")
            .withHeader("x-rate-limit-reset", epochIn(Duration.ofMinutes(15)))
            .withHeader("x-user-limit-24hour-limit", "100")
            .withHeader("x-user-limit-24hour-remaining", "0")
            .withHeader("x-user-limit-24hour-reset", epochIn(resetIn)));
  }

  @Override
  protected Reply serve(Exchange exchange) {
    String token = bearer(exchange);
    if (token == null || revoked.contains(token)) {
      return expiredToken();
    }
    String method = exchange.method();
    String path = exchange.path();
    if (method.equals("POST") && path.equals("/2/tweets")) {
      return post(exchange.json(), token);
    }
    Matcher tweet = TWEET.matcher(path);
    if (method.equals("DELETE") && tweet.matches()) {
      return delete(tweet.group(1), token);
    }
    Matcher timeline = TIMELINE.matcher(path);
    if (method.equals("GET") && timeline.matches()) {
      return timeline(token, exchange.query().getOrDefault("max_results", "10"));
    }
    return problem(404, "Not Found Error", "Sorry, that page does not exist.", "about:blank");
  }

  private Reply post(JsonObject body, String token) {
    if (!(body.get("text") instanceof JsonString given) || given.getString().isEmpty()) {
      return Reply.json(
          400,
          "{\"errors\":[{\"message\":\"$.text: is missing but it is required\"}],"
              + "\"title\":\"Invalid Request\",\"detail\":\"One or more parameters to your request"
              + " was invalid.\",\"type\":\"https://api.twitter.com/2/problems/invalid-request\"}");
    }
    String text = given.getString();
    if (weight(text) > 280) {
      return problem(
          403,
          "Forbidden",
          "Your Tweet text is too long. For more information on how Twitter determines text length"
              + " see https://github.com/twitter/twitter-text.",
          "about:blank");
    }
    boolean duplicate =
        tweets.stream()
            .anyMatch(
                t ->
                    t.received().accessToken().equals(token)
                        && t.received().text().equals(text)
                        && !deleted.contains(t.received().id()));
    if (duplicate) {
      return problem(
          403,
          "Forbidden",
          "You are not allowed to create a Tweet with duplicate content.",
          "about:blank");
    }
    String id = String.valueOf(ids.incrementAndGet());
    String shown = LINK.matcher(text).replaceAll("https://t.co/" + id.substring(id.length() - 10));
    tweets.add(new Stored(new ReceivedTweet(id, text, token), shown));
    return Reply.json(
        201,
        Json.createObjectBuilder()
            .add(
                "data",
                Json.createObjectBuilder()
                    .add("id", id)
                    .add("text", shown)
                    .add("edit_history_tweet_ids", Json.createArrayBuilder().add(id)))
            .build()
            .toString());
  }

  private Reply delete(String id, String token) {
    Stored tweet =
        tweets.stream().filter(t -> t.received().id().equals(id)).findFirst().orElse(null);
    if (tweet == null || deleted.contains(id)) {
      return problem(
          404,
          "Not Found Error",
          "Could not find tweet with id: [" + id + "].",
          "https://api.twitter.com/2/problems/resource-not-found");
    }
    if (!tweet.received().accessToken().equals(token)) {
      return problem(403, "Forbidden", "You are not allowed to delete this Tweet.", "about:blank");
    }
    deleted.add(id);
    deletions.add(id);
    return Reply.json(200, "{\"data\":{\"deleted\":true}}");
  }

  private Reply timeline(String token, String maxResults) {
    int max = Math.max(5, Math.min(100, Integer.parseInt(maxResults)));
    List<Stored> own = new ArrayList<>();
    for (Stored tweet : tweets) {
      if (tweet.received().accessToken().equals(token)
          && !deleted.contains(tweet.received().id())) {
        own.add(0, tweet);
      }
    }
    List<Stored> page = own.subList(0, Math.min(max, own.size()));
    if (page.isEmpty()) {
      return Reply.json(200, "{\"meta\":{\"result_count\":0}}");
    }
    JsonArrayBuilder data = Json.createArrayBuilder();
    for (Stored tweet : page) {
      data.add(
          Json.createObjectBuilder()
              .add("id", tweet.received().id())
              .add("text", tweet.shownText())
              .add("edit_history_tweet_ids", Json.createArrayBuilder().add(tweet.received().id())));
    }
    return Reply.json(
        200,
        Json.createObjectBuilder()
            .add("data", data)
            .add(
                "meta",
                Json.createObjectBuilder()
                    .add("result_count", page.size())
                    .add("newest_id", page.get(0).received().id())
                    .add("oldest_id", page.get(page.size() - 1).received().id()))
            .build()
            .toString());
  }

  @Override
  protected Reply serverError() {
    return problem(503, "Service Unavailable", "Service Unavailable", "about:blank");
  }

  @Override
  protected Reply rateLimited(Duration retryAfter) {
    return tooManyRequests()
        .withHeader("x-rate-limit-remaining", "0")
        .withHeader("x-rate-limit-reset", epochIn(retryAfter));
  }

  @Override
  protected Reply expiredToken() {
    return problem(401, "Unauthorized", "Unauthorized", "about:blank");
  }

  private static Reply tooManyRequests() {
    return problem(429, "Too Many Requests", "Too Many Requests", "about:blank")
        .withHeader("x-rate-limit-limit", "300");
  }

  private static String epochIn(Duration wait) {
    return String.valueOf(Instant.now().plus(wait).getEpochSecond());
  }

  private static Reply problem(int status, String title, String detail, String type) {
    return Reply.json(
        status,
        Json.createObjectBuilder()
            .add("title", title)
            .add("detail", detail)
            .add("type", type)
            .add("status", status)
            .build()
            .toString());
  }

  private static String bearer(Exchange exchange) {
    String authorization = exchange.headers().getFirst("Authorization");
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return null;
    }
    String token = authorization.substring("Bearer ".length()).strip();
    return token.isEmpty() ? null : token;
  }

  /** X's count, simplified: each link 23, every other code point 1. */
  private static int weight(String text) {
    Matcher link = LINK.matcher(text);
    int weight = 0;
    int from = 0;
    while (link.find()) {
      weight += text.codePointCount(from, link.start()) + 23;
      from = link.end();
    }
    return weight + text.codePointCount(from, text.length());
  }
}
