package org.tifli.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the fake platforms share (X, Telegram, partner webhooks; the Graph API fake stands alone
 * because it also runs as a single source file): an HTTP server on loopback, a delay before every
 * answer, a queue of faults for the next calls, a fraction of calls failing at random, and a count
 * of calls.
 *
 * <p>A fault answers instead of the platform, in the platform's own shape: a server error, a rate
 * limit with its retry-after, an expired token. A slow answer is different: the call is served (a
 * post is made) but its answer comes only after the delay, as when a client gives up on a platform
 * that did its work; whether the post was made is then for the client to find out.
 */
public abstract class FakePlatform implements AutoCloseable {

  /** One request as the fake received it. */
  protected record Exchange(
      String method, String path, Map<String, String> query, Headers headers, byte[] body) {

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as a JSON object, or an empty one when it is not one. */
    public JsonObject json() {
      try (JsonReader reader = Json.createReader(new StringReader(text()))) {
        return reader.readObject();
      } catch (JsonException | IllegalStateException | ClassCastException e) {
        return JsonObject.EMPTY_JSON_OBJECT;
      }
    }

    /** The body as a form, when it is one. */
    public Map<String, String> form() {
      return FakePlatform.parseForm(text());
    }
  }

  /** An answer: status, extra headers and a JSON (or empty) body. */
  protected record Reply(int status, Map<String, String> headers, String body) {

    public static Reply json(int status, String body) {
      return new Reply(status, Map.of(), body);
    }

    public Reply withHeader(String name, String value) {
      Map<String, String> all = new LinkedHashMap<>(headers);
      all.put(name, value);
      return new Reply(status, all, body);
    }
  }

  /** A queued fault: a reply given instead of the platform's, or, for a slow one, a delay. */
  private record Fault(Reply reply, Duration slowBy) {}

  private HttpServer server;
  private ExecutorService executor;
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final AtomicInteger calls = new AtomicInteger();
  private volatile Duration latency = Duration.ZERO;
  private double failFraction;
  private Random random;
  private Duration randomSlowness;

  /** Starts listening on the loopback port (0 for any free one). */
  protected final void listen(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, getClass().getSimpleName());
              thread.setDaemon(true);
              return thread;
            });
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every answer comes after this delay (the call is served at once). */
  public void answerAfter(Duration delay) {
    latency = delay;
  }

  /** The given fraction of calls fail at random with a server error or a rate limit. */
  public synchronized void failFraction(double fraction, long seed) {
    failFraction(fraction, seed, null);
  }

  /**
   * The given fraction of calls fail at random with a server error, a rate limit (retry after a
   * second) or, when {@code slowAnswer} is given, an answer that comes that late.
   */
  public synchronized void failFraction(double fraction, long seed, Duration slowAnswer) {
    failFraction = fraction;
    random = new Random(seed);
    randomSlowness = slowAnswer;
  }

  /** The next call is answered with a server error in the platform's shape. */
  public void failNextWithServerError() {
    queue(new Fault(serverError(), null));
  }

  /** The next call is answered with the platform's rate limit, asking to wait so long. */
  public void failNextWithRateLimit(Duration retryAfter) {
    queue(new Fault(rateLimited(retryAfter), null));
  }

  /** The next call is answered as the platform answers an expired or revoked credential. */
  public void failNextWithExpiredToken() {
    queue(new Fault(expiredToken(), null));
  }

  /** The next call is served, but its answer comes only after the delay. */
  public void failNextSlowly(Duration delay) {
    queue(new Fault(null, delay));
  }

  /** The number of calls received, faults included. */
  public int calls() {
    return calls.get();
  }

  protected final synchronized void queue(Reply reply) {
    faults.add(new Fault(reply, null));
  }

  private synchronized void queue(Fault fault) {
    faults.add(fault);
  }

  /** Serves a request as the platform would. */
  protected abstract Reply serve(Exchange exchange);

  protected abstract Reply serverError();

  protected abstract Reply rateLimited(Duration retryAfter);

  protected abstract Reply expiredToken();

  private synchronized Fault nextFault() {
    Fault queued = faults.poll();
    if (queued != null || random == null || random.nextDouble() >= failFraction) {
      return queued;
    }
    int kinds = randomSlowness == null ? 2 : 3;
    return switch (random.nextInt(kinds)) {
      case 0 -> new Fault(serverError(), null);
      case 1 -> new Fault(rateLimited(Duration.ofSeconds(1)), null);
      default -> new Fault(null, randomSlowness);
    };
  }

  private void handle(HttpExchange http) throws IOException {
    try (http) {
      calls.incrementAndGet();
      Exchange exchange =
          new Exchange(
              http.getRequestMethod(),
              http.getRequestURI().getRawPath(),
              parseForm(http.getRequestURI().getRawQuery()),
              http.getRequestHeaders(),
              http.getRequestBody().readAllBytes());
      Fault fault = nextFault();
      Reply reply = fault != null && fault.reply() != null ? fault.reply() : serve(exchange);
      pause(latency);
      if (fault != null && fault.slowBy() != null) {
        pause(fault.slowBy());
      }
      answer(http, reply);
    } catch (IOException e) {
      // The client gave up waiting (a slow answer past its timeout): nobody is left to answer.
    }
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

  private static void answer(HttpExchange http, Reply reply) throws IOException {
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    boolean noBody = body.length == 0;
    if (!noBody) {
      http.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    }
    reply.headers().forEach(http.getResponseHeaders()::set);
    http.sendResponseHeaders(reply.status(), noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = http.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Decodes {@code a=1&b=2}, as in a query or a form body. */
  static Map<String, String> parseForm(String encoded) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return fields;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }

  /** A JSON string literal of the text. */
  protected static String quote(String text) {
    return Json.createValue(text).toString();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
