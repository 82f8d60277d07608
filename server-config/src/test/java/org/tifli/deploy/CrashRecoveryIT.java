package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tifli.testing.FakeGraphApi;
import org.tifli.testing.FakeXApi;
import org.tifli.testing.TifliClient;

/**
 * The server killed outright ({@code kill -9}) while a national alert's 225 posts (75 provinces,
 * each with a Facebook page, an Instagram account and an X account) are going out, then started
 * again on the same data: every post goes out, and none twice. The platforms answer slowly, so that
 * many calls are in flight when the server dies.
 */
class CrashRecoveryIT {

  private static FakeGraphApi graph;
  private static FakeXApi x;
  private static MicroServer server;

  @BeforeAll
  static void startPlatforms() throws Exception {
    graph = FakeGraphApi.start();
    x = FakeXApi.start();
    graph.answerAfter(Duration.ofMillis(400));
    x.answerAfter(Duration.ofMillis(400));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    graph.close();
    x.close();
  }

  @Test
  void killedDuringANationalAlertThenStartedAgainEveryPostGoesOutOnce() throws Exception {
    Path data = MicroServer.freshDirectory("crash-recovery-it");
    server = start(data);
    Walk walk = new Walk(new TifliClient(server.appUrl()), graph);
    List<String> provinces =
        walk.api.get("/areas", null).body().asJsonArray().getValuesAs(JsonObject.class).stream()
            .filter(a -> a.getString("level").equals("PROVINCE"))
            .map(a -> a.getString("code"))
            .toList();
    List<String> pages = new ArrayList<>();
    List<String> instagram = new ArrayList<>();
    List<String> tweeters = new ArrayList<>();
    for (String province : provinces) {
      pages.add(walk.channel(province, "FACEBOOK", false));
      instagram.add(walk.channel(province, "INSTAGRAM", false));
      tweeters.add(walk.channel(province, "X", false));
    }
    long caseId = walk.openCase(Walk.fullCase(33.5883, -7.6114)).getInt("id");
    uploadPhoto(walk, caseId);
    long alertId = walk.requestAlert(caseId, false).getInt("id");
    String link = "/alerts/" + alertId;

    walk.approve(alertId);
    awaitPosts(link, pages, instagram, tweeters, 40, Duration.ofSeconds(90));
    server.kill();
    int beforeRestart = posted(link, pages, instagram, tweeters);
    assertThat(beforeRestart).as("posts made before the kill").isBetween(40, 224);
    server = start(data);
    walk = new Walk(new TifliClient(server.appUrl()), graph);

    awaitPosts(link, pages, instagram, tweeters, 225, Duration.ofMinutes(3));
    Thread.sleep(5_000);
    assertThat(
            perAccount(
                graph.posts().stream()
                    .filter(p -> p.link().endsWith(link))
                    .map(p -> p.pageId())
                    .toList(),
                pages))
        .hasSize(75)
        .allSatisfy((account, n) -> assertThat(n).as(account).isOne());
    assertThat(
            perAccount(
                graph.media().stream()
                    .filter(m -> m.caption().contains(link))
                    .map(m -> m.igUserId())
                    .toList(),
                instagram))
        .hasSize(75)
        .allSatisfy((account, n) -> assertThat(n).as(account).isOne());
    assertThat(
            perAccount(
                x.tweets().stream()
                    .filter(t -> t.text().contains(link))
                    .map(t -> t.accessToken().substring("token-of-".length()))
                    .toList(),
                tweeters))
        .hasSize(75)
        .allSatisfy((account, n) -> assertThat(n).as(account).isOne());
    JsonObject alert = walk.api.get(link, walk.supervisor).json();
    assertThat(alert.getJsonArray("deliveries").getValuesAs(JsonObject.class))
        .hasSize(225)
        .allMatch(d -> d.getString("status").equals("SENT"))
        .noneMatch(d -> d.getBoolean("possibleDuplicate"));
  }

  private static MicroServer start(Path data) throws Exception {
    return MicroServer.start(
        data,
        String.join(
            " ",
            "-Dtifli.platform.facebook.base-url=" + graph.baseUrl(),
            "-Dtifli.platform.instagram.base-url=" + graph.baseUrl(),
            "-Dtifli.platform.x.base-url=" + x.baseUrl(),
            "-Dtifli.platform.timeout=PT3S",
            "-Dtifli.delivery.interrupted-after=PT10S",
            // A whole call, of one request or several, ends before a try counts as cut off.
            "-Dorg.tifli.infrastructure.platform.PlatformTimeLimit/within/Timeout/value=9000",
            "-Dtifli.widening.schedule=PT0S=national"));
  }

  private static void uploadPhoto(Walk walk, long caseId) throws Exception {
    BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", jpeg);
    walk.api.postMultipart(
        "/cases/" + caseId + "/photos",
        walk.officer,
        Map.of("photo", jpeg.toByteArray(), "publication", "true"));
  }

  private static Map<String, Long> perAccount(List<String> received, List<String> accounts) {
    Set<String> mine = Set.copyOf(accounts);
    return received.stream()
        .filter(mine::contains)
        .collect(Collectors.groupingBy(a -> a, Collectors.counting()));
  }

  private static int posted(
      String link, List<String> pages, List<String> instagram, List<String> tweeters) {
    return (int)
        (graph.posts().stream().filter(p -> p.link().endsWith(link)).count()
            + graph.media().stream().filter(m -> m.caption().contains(link)).count()
            + x.tweets().stream().filter(t -> t.text().contains(link)).count());
  }

  private static void awaitPosts(
      String link,
      List<String> pages,
      List<String> instagram,
      List<String> tweeters,
      int count,
      Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (posted(link, pages, instagram, tweeters) < count && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }
}
