import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import javax.imageio.ImageIO;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.broker.BrokerFactory;
import org.apache.activemq.broker.BrokerService;
import org.tifli.testing.FakeGraphApi;
import org.tifli.testing.FakeXApi;
import org.tifli.testing.TifliClient;
import org.tifli.testing.TifliClient.Answer;

/**
 * The delivery benchmarks, in one run:
 *
 * <ol>
 *   <li>the reference: raw send and receive of persistent messages on ActiveMQ, the broker version
 *       Tifli embeds, started the way Tifli starts it (KahaDB journal, no JMX, reached over the
 *       {@code vm:} transport), in this JVM, before Tifli starts;
 *   <li>time to alert: Tifli, run by its run command against fake platforms on loopback (Graph API
 *       for Facebook and Instagram, X) that answer every call after 50 ms, with one channel per
 *       platform in each of the 75 provinces and a widening schedule whose first stage is national;
 *       for each alert, the time from the approval's answer to the last of its 225 posts received
 *       by the fakes;
 *   <li>delivery throughput: the same server and channels, the fakes answering at once, several
 *       national alerts approved together; deliveries per second until every one is posted, and
 *       until the ledger shows every one sent.
 * </ol>
 *
 * <p>Run by {@code server-config/bench/delivery}: {@code java -cp CLASSPATH DeliveryBench.java
 * CONFIG_DIR WORK_DIR PORT ALERTS THROUGHPUT_ALERTS RAW_MESSAGES WARMUP_ALERTS}.
 */
public class DeliveryBench {

  private static final int PROVINCES = 75;
  private static final List<String> PLATFORMS = List.of("FACEBOOK", "INSTAGRAM", "X");
  private static final int POSTS = PROVINCES * PLATFORMS.size();
  private static final Duration LATENCY = Duration.ofMillis(50);
  private static final int SESSIONS = 32;
  private static final double[] CASABLANCA = {33.5883, -7.6114};

  public static void main(String[] args) throws Exception {
    Path config = Path.of(args[0]);
    Path work = Path.of(args[1]);
    int port = Integer.parseInt(args[2]);
    int alerts = Integer.parseInt(args[3]);
    int throughputAlerts = Integer.parseInt(args[4]);
    int rawMessages = Integer.parseInt(args[5]);
    int warmupAlerts = Integer.parseInt(args[6]);

    System.out.println(machine("reference"));
    rawBroker(work.resolve("raw-broker"), rawMessages);

    try (FakeGraphApi graph = FakeGraphApi.start();
        FakeXApi x = FakeXApi.start()) {
      IntSupplier received = () -> graph.posts().size() + graph.media().size() + x.tweets().size();
      Process server = startTifli(config, work, port, graph.baseUrl(), x.baseUrl());
      try {
        String app = "http://localhost:" + port + "/tifli";
        Bench bench = new Bench(new TifliClient(app), received, server.toHandle());
        bench.channels();

        graph.answerAfter(LATENCY);
        x.answerAfter(LATENCY);
        bench.timeToAlert(warmupAlerts, alerts);

        graph.answerAfter(Duration.ZERO);
        x.answerAfter(Duration.ZERO);
        bench.throughput(2, "warm-up");
        bench.throughput(throughputAlerts, "measured");
      } finally {
        server.destroy();
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
          server.destroyForcibly();
        }
      }
    }
  }

  private static String machine(String when) throws Exception {
    return String.format(
        "[%s] %d cores, load %s",
        when,
        Runtime.getRuntime().availableProcessors(),
        Files.readString(Path.of("/proc/loadavg")).trim());
  }

  /**
   * Producers send persistent messages, each send waiting for the broker (as a non-transacted
   * persistent send does), while {@value #SESSIONS} consumers, as many as the delivery consumer's
   * sessions, receive them with automatic acknowledgement. The rate counts from the first send to
   * the last receipt.
   */
  private static void rawBroker(Path dataDir, int messages) throws Exception {
    BrokerService broker =
        BrokerFactory.createBroker(
            new URI(
                "broker:()/bench?persistent=true&useJmx=false&dataDirectory="
                    + dataDir.toAbsolutePath()));
    broker.start();
    broker.waitUntilStarted();
    try {
      ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://bench?create=false");
      for (String round : List.of("warm-up", "measured")) {
        int count = round.equals("warm-up") ? messages / 5 : messages;
        rawRound(factory, round, count, 4);
      }
    } finally {
      broker.stop();
      broker.waitUntilStopped();
    }
  }

  private static void rawRound(
      ActiveMQConnectionFactory factory, String round, int count, int producers) throws Exception {
    String queue = "bench." + round;
    CountDownLatch done = new CountDownLatch(count);
    AtomicInteger sent = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(SESSIONS + producers);
    List<Connection> connections = new ArrayList<>();
    try {
      for (int i = 0; i < SESSIONS; i++) {
        Connection connection = factory.createConnection();
        connections.add(connection);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
        consumer.setMessageListener(message -> done.countDown());
        connection.start();
      }
      Duration cpuBefore = ProcessHandle.current().info().totalCpuDuration().orElseThrow();
      long start = System.nanoTime();
      List<Future<?>> sending = new ArrayList<>();
      for (int p = 0; p < producers; p++) {
        sending.add(
            threads.submit(
                () -> {
                  try (Connection connection = factory.createConnection()) {
                    Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    MessageProducer producer = session.createProducer(session.createQueue(queue));
                    producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                    for (int n = sent.getAndIncrement(); n < count; n = sent.getAndIncrement()) {
                      producer.send(session.createTextMessage(Integer.toString(n)));
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : sending) {
        f.get();
      }
      if (!done.await(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException("raw broker: messages missing");
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Duration cpuUsed =
          ProcessHandle.current().info().totalCpuDuration().orElseThrow().minus(cpuBefore);
      System.out.printf(
          "raw broker %s: %,d persistent messages sent by %d producers and received by %d"
              + " consumers in %.2f s: %,.0f messages/s; %.2f ms of CPU per message%n",
          round,
          count,
          producers,
          SESSIONS,
          seconds,
          count / seconds,
          (double) cpuUsed.toMillis() / count);
    } finally {
      for (Connection connection : connections) {
        connection.close();
      }
      threads.shutdownNow();
    }
  }

  private static Process startTifli(
      Path config, Path work, int port, String graphUrl, String xUrl) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(config.resolve("bin/tifli-micro").toString(), "--no-build")
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("server.log").toFile());
    Map<String, String> env = builder.environment();
    env.put("TIFLI_DATA_DIR", work.resolve("data").toString());
    env.put("TIFLI_PORT", Integer.toString(port));
    env.put(
        "TIFLI_JAVA_OPTS",
        String.join(
            " ",
            "-Dtifli.platform.facebook.base-url=" + graphUrl,
            "-Dtifli.platform.instagram.base-url=" + graphUrl,
            "-Dtifli.platform.x.base-url=" + xUrl,
            "-Dtifli.widening.schedule=PT0S=national",
            System.getenv().getOrDefault("BENCH_SERVER_OPTS", "")));
    Process server = builder.start();
    HttpReady.await(server, "http://localhost:" + port + "/health/ready", Duration.ofMinutes(10));
    System.out.println(machine("Tifli ready"));
    return server;
  }

  /** Waits until the readiness check reports its database and broker up. */
  private static final class HttpReady {
    static void await(Process server, String url, Duration within) throws Exception {
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      long end = System.nanoTime() + within.toNanos();
      while (System.nanoTime() < end) {
        if (!server.isAlive()) {
          throw new IllegalStateException("Tifli stopped; see server.log");
        }
        try {
          String body =
              http.send(
                      java.net.http.HttpRequest.newBuilder(URI.create(url))
                          .timeout(Duration.ofSeconds(2))
                          .build(),
                      java.net.http.HttpResponse.BodyHandlers.ofString())
                  .body();
          if (body.contains("\"status\":\"UP\"")
              && body.contains("\"database\"")
              && body.contains("\"broker\"")) {
            return;
          }
        } catch (java.io.IOException e) {
          // Not listening yet.
        }
        Thread.sleep(500);
      }
      throw new IllegalStateException("Tifli not ready in " + within);
    }
  }

  /** The runs against Tifli, through its API, as the demo accounts. */
  private static final class Bench {

    private final TifliClient api;
    private final IntSupplier received;
    private final ProcessHandle server;
    private final String officer;
    private final String supervisor;
    private final String admin;

    Bench(TifliClient api, IntSupplier received, ProcessHandle server) {
      this.api = api;
      this.received = received;
      this.server = server;
      this.officer = api.token("officer", "tifli-demo");
      this.supervisor = api.token("supervisor", "tifli-demo");
      this.admin = api.token("admin", "tifli-demo");
    }

    /** One channel per platform in every province. */
    void channels() {
      List<String> provinces =
          api.get("/areas", null).body().asJsonArray().getValuesAs(JsonObject.class).stream()
              .filter(a -> a.getString("level").equals("PROVINCE"))
              .map(a -> a.getString("code"))
              .toList();
      if (provinces.size() != PROVINCES) {
        throw new IllegalStateException(provinces.size() + " provinces");
      }
      for (String province : provinces) {
        for (String platform : PLATFORMS) {
          String account = province.toLowerCase() + "-" + platform.toLowerCase();
          expect(
              201,
              api.post(
                  "/channels",
                  admin,
                  Json.createObjectBuilder()
                      .add("area", province)
                      .add("platform", platform)
                      .add("accountId", account)
                      .add("secret", "token-of-" + account)
                      .add("languages", Json.createArrayBuilder().add("fr"))
                      .add("exercise", false)
                      .build()
                      .toString()),
              "registering a channel");
        }
      }
    }

    /**
     * Approves alerts one at a time; for each, the time from the approval's answer to the last of
     * its posts received, then waits until its ledger shows every delivery sent.
     */
    void timeToAlert(int warmup, int measured) throws Exception {
      List<Long> pending = requestAlerts(warmup + measured);
      long[] millis = new long[measured];
      for (int i = 0; i < pending.size(); i++) {
        long alertId = pending.get(i);
        int target = received.getAsInt() + POSTS;
        expect(
            200,
            api.post("/alerts/" + alertId + "/approval", supervisor, "{\"decision\":\"APPROVE\"}"),
            "approving");
        long approved = System.nanoTime();
        long last = awaitReceived(target, Duration.ofMinutes(5));
        awaitSent(alertId);
        long elapsed = (last - approved) / 1_000_000;
        if (i >= warmup) {
          millis[i - warmup] = elapsed;
        }
        System.out.printf(
            "time to alert %s %d: %d ms%n", i < warmup ? "warm-up" : "alert", i + 1, elapsed);
      }
      long[] sorted = millis.clone();
      Arrays.sort(sorted);
      System.out.printf(
          "time to alert over %d national alerts (%d posts each, platforms answering in %d ms):"
              + " p50 %d ms, p99 %d ms, max %d ms%n",
          measured,
          POSTS,
          LATENCY.toMillis(),
          percentile(sorted, 50),
          percentile(sorted, 99),
          sorted[sorted.length - 1]);
      System.out.println(machine("after time to alert"));
    }

    /** Approves the alerts from four clients at once and counts deliveries per second. */
    void throughput(int alerts, String round) throws Exception {
      List<Long> pending = requestAlerts(alerts);
      int target = received.getAsInt() + alerts * POSTS;
      ExecutorService clients = Executors.newFixedThreadPool(4);
      List<Future<?>> approvals = new ArrayList<>();
      Duration cpuBefore = cpu();
      long start = System.nanoTime();
      for (long alertId : pending) {
        approvals.add(
            clients.submit(
                () -> {
                  expect(
                      200,
                      api.post(
                          "/alerts/" + alertId + "/approval",
                          supervisor,
                          "{\"decision\":\"APPROVE\"}"),
                      "approving");
                  return null;
                }));
      }
      long last = awaitReceived(target, Duration.ofMinutes(10));
      for (Future<?> approval : approvals) {
        approval.get();
      }
      clients.shutdown();
      for (long alertId : pending) {
        awaitSent(alertId);
      }
      long settled = System.nanoTime();
      Duration cpuUsed = cpu().minus(cpuBefore);
      int deliveries = alerts * POSTS;
      double posted = (last - start) / 1e9;
      double recorded = (settled - start) / 1e9;
      System.out.printf(
          "throughput %s: %d national alerts, %,d deliveries, platforms answering at once:"
              + " all posted in %.2f s (%,.0f deliveries/s), all marked sent in the ledger by"
              + " %.2f s (%,.0f/s; ledger polled every 100 ms)%n",
          round, alerts, deliveries, posted, deliveries / posted, recorded, deliveries / recorded);
      System.out.printf(
          "throughput %s: Tifli's JVM used %.1f s of CPU meanwhile, %.1f ms per delivery"
              + " (approval and the ledger's API reads included)%n",
          round, cpuUsed.toMillis() / 1e3, (double) cpuUsed.toMillis() / deliveries);
      System.out.println(machine("after throughput " + round));
    }

    /** The CPU time Tifli's JVM has used so far (the run command execs it, same process). */
    private Duration cpu() {
      return server.info().totalCpuDuration().orElseThrow();
    }

    /** Opens cases, each with a publication photo, and asks for an alert on each. */
    private List<Long> requestAlerts(int count) throws Exception {
      byte[] photo = photo();
      List<Long> alerts = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Answer opened = api.post("/cases", officer, caseJson());
        expect(201, opened, "opening a case");
        long caseId = opened.json().getJsonNumber("id").longValue();
        expect(
            201,
            api.postMultipart(
                "/cases/" + caseId + "/photos",
                officer,
                Map.of("photo", photo, "publication", "true")),
            "adding a photo");
        Answer requested =
            api.post(
                "/cases/" + caseId + "/alerts",
                officer,
                "{\"criteria\":{\"minor\":true,\"danger\":true,\"descriptionSufficient\":true,"
                    + "\"guardianConsent\":true},\"exercise\":false}");
        expect(201, requested, "requesting an alert");
        alerts.add(requested.json().getJsonNumber("id").longValue());
      }
      return alerts;
    }

    /** Polls the fakes' count every millisecond; returns when the target was first seen. */
    private long awaitReceived(int target, Duration within) throws InterruptedException {
      long end = System.nanoTime() + within.toNanos();
      while (System.nanoTime() < end) {
        if (received.getAsInt() >= target) {
          return System.nanoTime();
        }
        Thread.sleep(1);
      }
      throw new IllegalStateException(
          "posts missing: " + received.getAsInt() + " of " + target + " after " + within);
    }

    private void awaitSent(long alertId) throws InterruptedException {
      for (int i = 0; i < 3000; i++) {
        List<JsonObject> deliveries =
            api.get("/alerts/" + alertId, supervisor)
                .json()
                .getJsonArray("deliveries")
                .getValuesAs(JsonObject.class);
        long sent = deliveries.stream().filter(d -> d.getString("status").equals("SENT")).count();
        if (deliveries.size() == POSTS && sent == POSTS) {
          return;
        }
        Thread.sleep(100);
      }
      throw new IllegalStateException("alert " + alertId + ": deliveries not all sent");
    }

    private static String caseJson() {
      return Json.createObjectBuilder()
          .add(
              "child",
              Json.createObjectBuilder()
                  .add("givenName", "Salma")
                  .add("familyName", "Bennani")
                  .add("dateOfBirth", "2016-05-14")
                  .add("sex", "FEMALE")
                  .add("clothing", "blue school smock, white trainers"))
          .add(
              "lastSeen",
              Json.createObjectBuilder()
                  .add("at", "2026-11-30T16:45:00Z")
                  .add("latitude", CASABLANCA[0])
                  .add("longitude", CASABLANCA[1])
                  .add("place", "school gate"))
          .build()
          .toString();
    }

    private static byte[] photo() throws Exception {
      BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
      ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
      ImageIO.write(image, "jpg", jpeg);
      return jpeg.toByteArray();
    }

    private static void expect(int status, Answer answer, String what) {
      if (answer.status() != status) {
        throw new IllegalStateException(what + ": " + answer.status() + " " + answer.body());
      }
    }
  }

  /** Nearest rank: the smallest value with at least p % of the values at or below it. */
  private static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
