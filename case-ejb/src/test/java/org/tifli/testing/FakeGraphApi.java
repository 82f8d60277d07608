package org.tifli.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for Facebook's Graph API on loopback, for tests: it takes page feed posts ({@code POST
 * /v{N}/{page-id}/feed}, form-encoded, with {@code access_token}) and answers as Graph does, {@code
 * {"id":"<page-id>_<post-id>"}}, or with Graph's error shape when a fault is queued.
 */
public final class FakeGraphApi implements AutoCloseable {

  private static final Pattern FEED = Pattern.compile("/v\\d+\\.\\d+/([^/]+)/feed");

  /** A post as the platform received it. */
  public record ReceivedPost(String pageId, String message, String link, String accessToken) {}

  private record Fault(int status, String body) {}

  private final HttpServer server;
  private final List<ReceivedPost> posts = new CopyOnWriteArrayList<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final AtomicLong postIds = new AtomicLong(1000);

  private FakeGraphApi(HttpServer server) {
    this.server = server;
  }

  /** Starts on a free loopback port. */
  public static FakeGraphApi start() throws IOException {
    return start(0);
  }

  /** Starts on the given loopback port (0 for any free one). */
  public static FakeGraphApi start(int port) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    FakeGraphApi fake = new FakeGraphApi(server);
    server.createContext("/", fake::handle);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
    return fake;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<ReceivedPost> posts() {
    return List.copyOf(posts);
  }

  /** The next call is answered with this error, as Graph would send it. */
  public synchronized void failNext(int status, int code, String message) {
    String body =
        "{\"error\":{\"message\":\""
            + message
            + "\",\"type\":\"OAuthException\",\"code\":"
            + code
            + ",\"fbtrace_id\":\"AbCdEf\"}}";
    faults.add(new Fault(status, body));
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
      Matcher feed = FEED.matcher(exchange.getRequestURI().getPath());
      if (!"POST".equals(exchange.getRequestMethod()) || !feed.matches()) {
        answer(exchange, 400, error(100, "Unsupported request"));
        return;
      }
      Map<String, String> form = parseForm(exchange.getRequestBody());
      Fault fault = nextFault();
      if (fault != null) {
        answer(exchange, fault.status(), fault.body());
        return;
      }
      if (form.getOrDefault("access_token", "").isEmpty()) {
        answer(exchange, 400, error(190, "An active access token must be used"));
        return;
      }
      posts.add(
          new ReceivedPost(
              feed.group(1), form.get("message"), form.get("link"), form.get("access_token")));
      answer(exchange, 200, "{\"id\":\"" + feed.group(1) + "_" + postIds.incrementAndGet() + "\"}");
    }
  }

  private synchronized Fault nextFault() {
    return faults.poll();
  }

  private static String error(int code, String message) {
    return "{\"error\":{\"message\":\""
        + message
        + "\",\"type\":\"OAuthException\",\"code\":"
        + code
        + "}}";
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static Map<String, String> parseForm(InputStream in) throws IOException {
    Map<String, String> form = new HashMap<>();
    String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    for (String pair : body.split("&")) {
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
   * received is printed with its page id; access tokens are never printed.
   */
  public static void main(String[] args) throws Exception {
    FakeGraphApi fake = start(args.length > 0 ? Integer.parseInt(args[0]) : 9911);
    System.out.println("Fake Graph API at " + fake.baseUrl() + "; Ctrl-C stops it");
    int shown = 0;
    while (true) {
      List<ReceivedPost> all = fake.posts();
      for (; shown < all.size(); shown++) {
        ReceivedPost post = all.get(shown);
        System.out.println("Post to page " + post.pageId() + ": " + post.message());
      }
      Thread.sleep(200);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
