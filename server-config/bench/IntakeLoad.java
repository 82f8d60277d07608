import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load of the intake benchmark: a fixed number of clients, each sending its next request as
 * soon as the previous one is answered, for a fixed time; first against a trivial endpoint of the
 * server (the reference), then against {@code POST /api/v1/cases}. Prints, for each, the requests
 * per second and the latency percentiles of answers with the expected status.
 *
 * <p>Run by {@code server-config/bench/intake}: {@code java IntakeLoad.java APP_URL CLIENTS
 * SECONDS WARMUP_SECONDS}.
 */
public class IntakeLoad {

  /** Last-seen points in eight provinces, so that cases spread over areas as they would. */
  private static final double[][] PLACES = {
    {33.5883, -7.6114}, {34.0209, -6.8416}, {31.6295, -7.9811}, {35.7595, -5.8340},
    {34.0331, -5.0003}, {30.4278, -9.5981}, {34.6814, -1.9086}, {32.2994, -9.2372}
  };

  private record Run(String name, long ok, long failed, double seconds, long[] latencies) {}

  public static void main(String[] args) throws Exception {
    String app = args[0];
    int clients = Integer.parseInt(args[1]);
    Duration length = Duration.ofSeconds(Long.parseLong(args[2]));
    Duration warmup = Duration.ofSeconds(Long.parseLong(args[3]));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String token = token(http, app);

    Function<Integer, HttpRequest> reference =
        n -> HttpRequest.newBuilder(URI.create(app + "/api/v1/areas")).GET().build();
    Function<Integer, HttpRequest> intake =
        n ->
            HttpRequest.newBuilder(URI.create(app + "/api/v1/cases"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(caseJson(n)))
                .build();

    load(http, "warm-up reference", reference, 200, clients, warmup);
    load(http, "warm-up intake", intake, 201, clients, warmup);
    List<Run> runs =
        List.of(
            load(http, "GET /api/v1/areas (reference)", reference, 200, clients, length),
            load(http, "POST /api/v1/cases", intake, 201, clients, length));

    System.out.printf(
        "%-32s %10s %8s %8s %8s %8s %8s%n", "endpoint", "req/s", "p50 ms", "p90 ms", "p99 ms",
        "max ms", "errors");
    for (Run run : runs) {
      long[] l = run.latencies();
      System.out.printf(
          "%-32s %10.0f %8.1f %8.1f %8.1f %8.1f %8d%n",
          run.name(),
          run.ok() / run.seconds(),
          percentile(l, 50),
          percentile(l, 90),
          percentile(l, 99),
          l.length == 0 ? 0.0 : l[l.length - 1] / 1e6,
          run.failed());
    }
  }

  private static Run load(
      HttpClient http,
      String name,
      Function<Integer, HttpRequest> requests,
      int expected,
      int clients,
      Duration length)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    long end = start + length.toNanos();
    List<Future<long[]>> results = new ArrayList<>();
    long[] failures = new long[clients];
    for (int c = 0; c < clients; c++) {
      int client = c;
      results.add(
          pool.submit(
              () -> {
                long[] latencies = new long[1 << 16];
                int count = 0;
                for (int n = client; System.nanoTime() < end; n += clients) {
                  long sent = System.nanoTime();
                  HttpResponse<String> answer =
                      http.send(requests.apply(n), HttpResponse.BodyHandlers.ofString());
                  long took = System.nanoTime() - sent;
                  if (answer.statusCode() != expected) {
                    failures[client]++;
                    continue;
                  }
                  if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                  }
                  latencies[count++] = took;
                }
                return Arrays.copyOf(latencies, count);
              }));
    }
    long[] all = new long[0];
    for (Future<long[]> result : results) {
      long[] some = result.get();
      long[] merged = Arrays.copyOf(all, all.length + some.length);
      System.arraycopy(some, 0, merged, all.length, some.length);
      all = merged;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Arrays.sort(all);
    long failed = Arrays.stream(failures).sum();
    System.err.printf("%s: %d answers, %d unexpected, %.1f s%n", name, all.length, failed, seconds);
    return new Run(name, all.length, failed, seconds, all);
  }

  private static double percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }

  private static String token(HttpClient http, String app) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(app + "/api/v1/tokens"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"officer\",\"password\":\"tifli-demo\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(answer.body());
    if (answer.statusCode() != 200 || !token.find()) {
      throw new IllegalStateException("no token: HTTP " + answer.statusCode());
    }
    return token.group(1);
  }

  private static String caseJson(int n) {
    double[] place = PLACES[n % PLACES.length];
    return """
        {"child":{"givenName":"Bench","familyName":"Child %d","dateOfBirth":"2016-05-14",
        "sex":"FEMALE","heightCm":128,"clothing":"blue school smock","languages":["ar","fr"]},
        "lastSeen":{"at":"2026-11-30T16:45:00Z","latitude":%s,"longitude":%s,
        "place":"school gate"},"circumstances":"Left school and did not come home",
        "hobbies":["drawing"],"likelyPlaces":[{"description":"the beach"}],
        "guardians":[{"name":"Guardian","relation":"mother","phone":"+212 600 000 000"}]}
        """
        .formatted(n, place[0], place[1]);
  }
}
