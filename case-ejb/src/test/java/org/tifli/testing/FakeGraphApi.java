package org.tifli.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the Graph API on loopback, for tests: Facebook Pages and Instagram accounts, as
 * the real one serves both from one address.
 *
 * <ul>
 *   <li>Facebook: {@code POST /v{N}/{page-id}/feed} (form with {@code message}, {@code link},
 *       {@code access_token}) answers {@code {"id":"<page-id>_<post-id>"}}; {@code DELETE
 *       /v{N}/{post-id}?access_token=} answers {@code {"success":true}}; {@code GET
 *       /v{N}/{page-id}/feed?fields=id,message} lists the page's posts, newest first.
 *   <li>Instagram: {@code POST /v{N}/{ig-user-id}/media} ({@code image_url}, {@code caption}) makes
 *       a container, {@code POST /v{N}/{ig-user-id}/media_publish} ({@code creation_id}) publishes
 *       it, {@code GET /v{N}/{ig-user-id}/media?fields=id,caption} lists the account's posts.
 * </ul>
 *
 * <p>Errors have Graph's shape, {@code {"error":{"message","type","code","error_subcode",
 * "fbtrace_id"}}}. Faults can be queued for the next calls, every answer can be delayed, and a
 * fraction of calls can fail at random; a slow answer serves the call (the post is made) and
 * answers late, as when a client gives up on a platform that did its work.
 *
 * <p>It uses nothing but the JDK, because it also runs on its own as a single source file (see
 * {@link #main}); that is why it does not share {@link FakePlatform} with the other fakes.
 */
public final class FakeGraphApi implements AutoCloseable {

  private static final Pattern EDGE = Pattern.compile("/v\\d+\\.\\d+/([^/]+)/([a-z_]+)");
  private static final Pattern NODE = Pattern.compile("/v\\d+\\.\\d+/([^/]+)");
  private static final DateTimeFormatter CREATED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx").withZone(ZoneOffset.UTC);

  /** A post as the platform received it. */
  public record ReceivedPost(String pageId, String message, String link, String accessToken) {}

  /** An Instagram post as published: its media id, the photo's address and the caption. */
  public record ReceivedMedia(
      String igUserId, String mediaId, String imageUrl, String caption, String accessToken) {}

  private record Fault(int status, String body, Duration slowBy) {}

  private record FeedPost(String id, ReceivedPost post, Instant created) {}

  private record Container(String igUserId, String imageUrl, String caption) {}

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<ReceivedPost> posts = new CopyOnWriteArrayList<>();
  private final List<FeedPost> feed = new CopyOnWriteArrayList<>();
  private final List<ReceivedMedia> media = new CopyOnWriteArrayList<>();
  private final Map<String, Container> containers = new ConcurrentHashMap<>();
  private final List<String> deletions = new CopyOnWriteArrayList<>();
  private final Set<String> deleted = ConcurrentHashMap.newKeySet();
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final Deque<Fault> publishFaults = new ArrayDeque<>();
  private final AtomicLong postIds = new AtomicLong(1000);
  private final AtomicLong mediaIds = new AtomicLong(17_900_000_000_000_000L);
  private final AtomicInteger calls = new AtomicInteger();
  private volatile Duration latency = Duration.ZERO;
  private double failFraction;
  private Random random;
  private Duration randomSlowness;

  private FakeGraphApi(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts on a free loopback port. */
  public static FakeGraphApi start() throws IOException {
    return start(0);
  }

  /** Starts on the given loopback port (0 for any free one). */
  public static FakeGraphApi start(int port) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    ExecutorService executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "fake-graph-api");
              thread.setDaemon(true);
              return thread;
            });
    FakeGraphApi fake = new FakeGraphApi(server, executor);
    server.createContext("/", fake::handle);
    server.setExecutor(executor);
    server.start();
    return fake;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Facebook page posts received, in order, deleted ones included. */
  public List<ReceivedPost> posts() {
    return List.copyOf(posts);
  }

  /** Instagram posts published, in order. */
  public List<ReceivedMedia> media() {
    return List.copyOf(media);
  }

  /** How many Instagram containers were made, published or not. */
  public int containers() {
    return containers.size();
  }

  /** Ids of the Facebook posts deleted, in order. */
  public List<String> deletions() {
    return List.copyOf(deletions);
  }

  /** The number of calls received, faults included. */
  public int calls() {
    return calls.get();
  }

  /** The next call is answered with this error, as Graph would send it. */
  public synchronized void failNext(int status, int code, String message) {
    faults.add(new Fault(status, error(code, -1, message, false), null));
  }

  /**
   * The next Instagram {@code media_publish} call (not the container before it) is answered with
   * this error, e.g. code 9007, subcode 2207027: the container is not ready yet.
   */
  public synchronized void failNextPublish(int status, int code, int subcode, String message) {
    publishFaults.add(new Fault(status, error(code, subcode, message, false), null));
  }

  /** The next call is answered with Graph's transient server error (HTTP 500, code 2). */
  public synchronized void failNextWithServerError() {
    faults.add(serverError());
  }

  /** The next call is answered with Graph's page rate limit (code 32); Graph gives no wait. */
  public synchronized void failNextWithRateLimit() {
    faults.add(rateLimited());
  }

  /** The next call is answered as Graph answers an expired token (code 190, subcode 463). */
  public synchronized void failNextWithExpiredToken() {
    faults.add(new Fault(400, expiredToken(), null));
  }

  /** The next call is served, but its answer comes only after the delay. */
  public synchronized void failNextSlowly(Duration delay) {
    faults.add(new Fault(0, null, delay));
  }

  /** Every answer comes after this delay (the call is served at once). */
  public void answerAfter(Duration delay) {
    latency = delay;
  }

  /** The given fraction of calls fail at random with a server error or a rate limit. */
  public synchronized void failFraction(double fraction, long seed) {
    failFraction(fraction, seed, null);
  }

  /** As {@link #failFraction(double, long)}, with answers that late among the failures. */
  public synchronized void failFraction(double fraction, long seed, Duration slowAnswer) {
    failFraction = fraction;
    random = new Random(seed);
    randomSlowness = slowAnswer;
  }

  /** From now on the token is refused as expired. */
  public void revokeToken(String token) {
    revoked.add(token);
  }

  /** How many calls came with the revoked token, each refused. */
  public int refusals(String token) {
    AtomicInteger count = refusals.get(token);
    return count == null ? 0 : count.get();
  }

  /** Waits until at least {@code count} posts have arrived, or the time is up. */
  public List<ReceivedPost> awaitPosts(int count, Duration within) throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    while (posts.size() < count && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    return posts();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      calls.incrementAndGet();
      Map<String, String> parameters = parseForm(exchange.getRequestURI().getRawQuery());
      parameters.putAll(
          parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      Fault fault = nextFault();
      Fault answer =
          fault != null && fault.body() != null
              ? fault
              : serve(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), parameters);
      pause(latency);
      if (fault != null && fault.slowBy() != null) {
        pause(fault.slowBy());
      }
      answer(exchange, answer.status(), answer.body());
    } catch (IOException e) {
      // The client gave up waiting (a slow answer past its timeout): nobody is left to answer.
    }
  }

  private Fault serve(String method, String path, Map<String, String> parameters) {
    String token = parameters.getOrDefault("access_token", "");
    if (token.isEmpty()) {
      return new Fault(400, error(190, -1, "An active access token must be used", false), null);
    }
    if (revoked.contains(token)) {
      refusals.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
      return new Fault(400, expiredToken(), null);
    }
    Matcher edge = EDGE.matcher(path);
    Matcher node = NODE.matcher(path);
    if (edge.matches()) {
      String id = edge.group(1);
      return switch (method + " " + edge.group(2)) {
        case "POST feed" -> postToFeed(id, parameters, token);
        case "GET feed" -> listFeed(id, parameters);
        case "POST media" -> makeContainer(id, parameters);
        case "POST media_publish" -> publish(id, parameters, token);
        case "GET media" -> listMedia(id, parameters);
        default -> unsupported(method, id);
      };
    }
    if (node.matches() && method.equals("DELETE")) {
      return delete(node.group(1));
    }
    return unsupported(method, path);
  }

  private Fault postToFeed(String pageId, Map<String, String> parameters, String token) {
    String message = parameters.get("message");
    if (message != null && message.length() > 63_206) {
      return new Fault(400, error(100, -1, "(#100) The message is too long", false), null);
    }
    String id = pageId + "_" + postIds.incrementAndGet();
    ReceivedPost post = new ReceivedPost(pageId, message, parameters.get("link"), token);
    feed.add(new FeedPost(id, post, Instant.now()));
    posts.add(post);
    return ok("{\"id\":" + quote(id) + "}");
  }

  private Fault listFeed(String pageId, Map<String, String> parameters) {
    List<String> items = new ArrayList<>();
    for (FeedPost post : feed) {
      if (post.post().pageId().equals(pageId) && !deleted.contains(post.id())) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", post.id());
        fields.put("message", post.post().message());
        fields.put("created_time", CREATED.format(post.created()));
        items.add(0, object(fields, parameters.getOrDefault("fields", "id")));
      }
    }
    return ok(list(items, parameters));
  }

  private Fault makeContainer(String igUserId, Map<String, String> parameters) {
    String imageUrl = parameters.get("image_url");
    if (imageUrl == null || imageUrl.isEmpty()) {
      return new Fault(400, error(100, -1, "The parameter image_url is required", false), null);
    }
    String caption = parameters.getOrDefault("caption", "");
    if (caption.length() > 2_200) {
      return new Fault(
          400, error(100, -1, "Param caption must be at most 2200 characters long.", false), null);
    }
    String id = String.valueOf(mediaIds.incrementAndGet());
    containers.put(id, new Container(igUserId, imageUrl, caption));
    return ok("{\"id\":" + quote(id) + "}");
  }

  private Fault publish(String igUserId, Map<String, String> parameters, String token) {
    Fault fault = nextPublishFault();
    if (fault != null) {
      return fault;
    }
    Container container = containers.get(parameters.getOrDefault("creation_id", ""));
    if (container == null || !container.igUserId().equals(igUserId)) {
      return new Fault(
          400,
          error(
              100,
              33,
              "Unsupported post request. Object with ID '"
                  + parameters.get("creation_id")
                  + "' does not exist",
              false),
          null);
    }
    String id = String.valueOf(mediaIds.incrementAndGet());
    media.add(new ReceivedMedia(igUserId, id, container.imageUrl(), container.caption(), token));
    return ok("{\"id\":" + quote(id) + "}");
  }

  private Fault listMedia(String igUserId, Map<String, String> parameters) {
    List<String> items = new ArrayList<>();
    for (ReceivedMedia post : media) {
      if (post.igUserId().equals(igUserId)) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", post.mediaId());
        fields.put("caption", post.caption());
        fields.put("media_url", post.imageUrl());
        items.add(0, object(fields, parameters.getOrDefault("fields", "id")));
      }
    }
    return ok(list(items, parameters));
  }

  private Fault delete(String postId) {
    boolean known = feed.stream().anyMatch(p -> p.id().equals(postId));
    if (!known || deleted.contains(postId)) {
      return new Fault(
          400,
          error(
              100,
              33,
              "Unsupported delete request. Object with ID '"
                  + postId
                  + "' does not exist, cannot be loaded due to missing permissions, or does not"
                  + " support this operation.",
              false),
          null);
    }
    deleted.add(postId);
    deletions.add(postId);
    return ok("{\"success\":true}");
  }

  private static Fault unsupported(String method, String what) {
    return new Fault(
        400,
        error(100, -1, "Unsupported " + method.toLowerCase() + " request: " + what, false),
        null);
  }

  private synchronized Fault nextPublishFault() {
    return publishFaults.poll();
  }

  private synchronized Fault nextFault() {
    Fault queued = faults.poll();
    if (queued != null || random == null || random.nextDouble() >= failFraction) {
      return queued;
    }
    int kinds = randomSlowness == null ? 2 : 3;
    return switch (random.nextInt(kinds)) {
      case 0 -> serverError();
      case 1 -> rateLimited();
      default -> new Fault(0, null, randomSlowness);
    };
  }

  private static Fault serverError() {
    return new Fault(
        500,
        error(2, -1, "An unexpected error has occurred. Please retry your request later.", true),
        null);
  }

  private static Fault rateLimited() {
    return new Fault(400, error(32, -1, "(#32) Page request limit reached", true), null);
  }

  private static String expiredToken() {
    return error(
        190,
        463,
        "Error validating access token: Session has expired on Friday, 04-Dec-26 10:00:00 PST.",
        false);
  }

  private static Fault ok(String body) {
    return new Fault(200, body, null);
  }

  private static String error(int code, int subcode, String message, boolean transientError) {
    return "{\"error\":{\"message\":"
        + quote(message)
        + ",\"type\":\"OAuthException\""
        + (transientError ? ",\"is_transient\":true" : "")
        + ",\"code\":"
        + code
        + (subcode < 0 ? "" : ",\"error_subcode\":" + subcode)
        + ",\"fbtrace_id\":\"AbCdEfGhIjK\"}}";
  }

  /** The fields asked for ({@code fields=id,message}) of one item, as a JSON object. */
  private static String object(Map<String, String> fields, String asked) {
    List<String> wanted = List.of(asked.split(","));
    StringBuilder json = new StringBuilder("{");
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (field.getValue() != null
          && (field.getKey().equals("id") || wanted.contains(field.getKey()))) {
        json.append(json.length() > 1 ? "," : "")
            .append(quote(field.getKey()))
            .append(':')
            .append(quote(field.getValue()));
      }
    }
    return json.append('}').toString();
  }

  private static String list(List<String> items, Map<String, String> parameters) {
    int limit = Integer.parseInt(parameters.getOrDefault("limit", "25"));
    return "{\"data\":["
        + String.join(",", items.subList(0, Math.min(limit, items.size())))
        + "],\"paging\":{\"cursors\":{\"before\":\"QVFIUmx\",\"after\":\"QVFIUnB\"}}}";
  }

  private static String quote(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }

  private static void pause(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static Map<String, String> parseForm(String encoded) {
    Map<String, String> form = new HashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return form;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  /**
   * Runs the fake on its own, for trying Tifli by hand: {@code java
   * case-ejb/src/test/java/org/tifli/testing/FakeGraphApi.java [port]} (default 9911). Each post
   * received is printed with its page or account id; access tokens are never printed.
   */
  public static void main(String[] args) throws Exception {
    FakeGraphApi fake = start(args.length > 0 ? Integer.parseInt(args[0]) : 9911);
    System.out.println("Fake Graph API at " + fake.baseUrl() + "; Ctrl-C stops it");
    int shownPosts = 0;
    int shownMedia = 0;
    while (true) {
      List<ReceivedPost> all = fake.posts();
      for (; shownPosts < all.size(); shownPosts++) {
        ReceivedPost post = all.get(shownPosts);
        System.out.println("Post to page " + post.pageId() + ": " + post.message());
      }
      List<ReceivedMedia> published = fake.media();
      for (; shownMedia < published.size(); shownMedia++) {
        ReceivedMedia post = published.get(shownMedia);
        System.out.println("Instagram post on " + post.igUserId() + ": " + post.caption());
      }
      Thread.sleep(200);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
