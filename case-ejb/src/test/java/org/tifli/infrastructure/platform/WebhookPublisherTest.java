package org.tifli.infrastructure.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tifli.domain.Platform;
import org.tifli.testing.FakeWebhookReceiver;
import org.tifli.testing.FakeWebhookReceiver.ReceivedEvent;

class WebhookPublisherTest {

  private static final String SECRET = "partner-shared-secret-never-shown";
  private static final String LINK = "https://tifli.example/tifli/alerts/42";
  private static final String ARABIC = "طفل مختفٍ: ياسمين العلوي، 8 سنة";
  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  private FakeWebhookReceiver partner;
  private WebhookPublisher publisher;
  private ChannelAccount channel;

  @BeforeEach
  void startPartner() throws Exception {
    partner = FakeWebhookReceiver.start(SECRET);
    publisher = publisherWithTimeout("PT5S");
    channel = new ChannelAccount(Platform.WEBHOOK, partner.url("/hooks/tv"), SECRET);
  }

  @AfterEach
  void stopPartner() {
    partner.close();
  }

  private static WebhookPublisher publisherWithTimeout(String timeout) {
    WebhookPublisher publisher = new WebhookPublisher();
    publisher.timeout = timeout;
    publisher.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    return publisher;
  }

  private static AlertPost post(String status) {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("ar", ARABIC);
    texts.put("fr", "ENFANT DISPARU : Yasmine Alaoui, 8 ans");
    return new AlertPost(ARABIC, LINK, "[tifli-77]")
        .withPhoto("https://tifli.example/tifli/public/alerts/42/photo")
        .withFacts(new AlertFacts(42, "MC-2026-000123", status, texts));
  }

  @Test
  void theAlertGoesAsSignedJsonWithItsFactsAndTheDeliveryHeader() {
    String postId = publisher.publish(channel, post("ACTIVE"));

    assertThat(partner.refused()).isZero();
    ReceivedEvent event = partner.events().get(0);
    assertThat(event.path()).isEqualTo("/hooks/tv");
    assertThat(event.delivery()).isEqualTo("[tifli-77]");
    JsonObject body = event.body();
    assertThat(body.getString("event")).isEqualTo("alert");
    assertThat(body.getString("tag")).isEqualTo("[tifli-77]");
    assertThat(body.getJsonNumber("alertId").longValue()).isEqualTo(42);
    assertThat(body.getString("caseReference")).isEqualTo("MC-2026-000123");
    assertThat(body.getString("status")).isEqualTo("ACTIVE");
    assertThat(body.getString("text")).isEqualTo(ARABIC);
    assertThat(body.getJsonObject("texts").keySet()).containsExactly("ar", "fr");
    assertThat(body.getJsonObject("texts").getString("ar")).isEqualTo(ARABIC);
    assertThat(body.getString("link")).isEqualTo(LINK);
    assertThat(body.getString("photoUrl")).endsWith("/photo");
    assertThat(body.getString("sentAt")).isEqualTo("2026-12-03T10:00:00Z");
    assertThat(postId).isEqualTo("[tifli-77]");
  }

  @Test
  void theSignatureIsTheHmacOfTheRawBodyAndAnyoneWithTheSecretCanCheckIt() {
    publisher.publish(channel, post("ACTIVE"));

    ReceivedEvent event = partner.events().get(0);
    byte[] raw = event.rawBody().getBytes(StandardCharsets.UTF_8);
    assertThat(WebhookPublisher.signature(raw, SECRET)).matches("sha256=[0-9a-f]{64}");
    assertThat(WebhookPublisher.signature(raw, "another secret"))
        .isNotEqualTo(WebhookPublisher.signature(raw, SECRET));
    // the receiver checked it with its own HMAC, and accepted it
    assertThat(partner.refused()).isZero();
  }

  @Test
  void anAddressWithAQueryIsCalledWithItsQuery() {
    ChannelAccount keyed =
        new ChannelAccount(Platform.WEBHOOK, partner.url("/hooks/tv?key=k%2F1&site=7"), SECRET);

    publisher.publish(keyed, post("ACTIVE"));

    ReceivedEvent event = partner.events().get(0);
    assertThat(event.path()).isEqualTo("/hooks/tv");
    assertThat(event.query()).containsExactlyInAnyOrderEntriesOf(Map.of("key", "k/1", "site", "7"));
  }

  @Test
  void aPostWithoutFactsSendsWhatItHas() {
    publisher.publish(channel, new AlertPost("ENFANT DISPARU", LINK, "[tifli-9]"));

    JsonObject body = partner.events().get(0).body();
    assertThat(body.keySet()).containsExactly("event", "tag", "text", "link", "photoUrl", "sentAt");
    assertThat(body.isNull("photoUrl")).isTrue();
  }

  @Test
  void aPartnersOwnIdBecomesThePostsId() {
    partner.giveIds();

    assertThat(publisher.publish(channel, post("ACTIVE"))).isEqualTo("evt-1");
  }

  @Test
  void aSignatureMadeWithAnotherSecretIsRefusedAndNeedsAFixWithoutShowingTheSecret() {
    ChannelAccount wrongSecret =
        new ChannelAccount(Platform.WEBHOOK, channel.accountId(), "an-old-secret");

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.publish(wrongSecret, post("ACTIVE")));

    assertThat(e.retryLater()).isFalse();
    assertThat(e).hasMessageStartingWith("Webhook HTTP 401");
    assertThat(e.getMessage()).doesNotContain("an-old-secret");
    assertThat(partner.refused()).isEqualTo(1);
    assertThat(partner.events()).isEmpty();
  }

  @Test
  void aServerErrorIsRetriedLater() {
    partner.failNextWithServerError();

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.publish(channel, post("ACTIVE")));

    assertThat(e.retryLater()).isTrue();
    assertThat(e).hasMessageStartingWith("Webhook HTTP 503");
  }

  @Test
  void tooManyRequestsIsRetriedAfterRetryAfter() {
    partner.failNextWithRateLimit(Duration.ofSeconds(42));

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.publish(channel, post("ACTIVE")));

    assertThat(e.retryLater()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(42));
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403, 404, 410, 422})
  void otherClientErrorsNeedAFix(int status) {
    partner.failNext(status, "{\"error\":\"no\"}");

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.publish(channel, post("ACTIVE")));

    assertThat(e.retryLater()).isFalse();
    assertThat(e).hasMessage("Webhook HTTP " + status + ": {\"error\":\"no\"}");
  }

  @Test
  void aRedirectIsNotFollowedAndNeedsAFix() {
    partner.failNext(302, "");

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.publish(channel, post("ACTIVE")));

    assertThat(e.retryLater()).isFalse();
    assertThat(e).hasMessageContaining("redirects are not followed");
  }

  @Test
  void whatThePartnerSaysIsScrubbedOfTheSecret() {
    partner.failNext(500, "{\"error\":\"bad key " + SECRET + "\"}");

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.publish(channel, post("ACTIVE")));

    assertThat(e.getMessage()).doesNotContain(SECRET).contains("bad key ***");
  }

  @Test
  void aSlowPartnerIsRetriedLater() {
    WebhookPublisher impatient = publisherWithTimeout("PT0.3S");
    partner.failNextSlowly(Duration.ofSeconds(1));

    PlatformException e =
        assertThrows(PlatformException.class, () -> impatient.publish(channel, post("ACTIVE")));

    assertThat(e.retryLater()).isTrue();
    assertThat(e).hasMessageStartingWith("Webhook did not answer in time");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://partner.example/hook", "file:///etc/passwd", "partner", "http://"})
  void anAddressThatIsNoHttpUrlNeedsAFixAndIsNotShown(String address) {
    ChannelAccount odd = new ChannelAccount(Platform.WEBHOOK, address, SECRET);

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.publish(odd, post("ACTIVE")));

    assertThat(e.retryLater()).isFalse();
    assertThat(e.getMessage()).doesNotContain(address);
  }

  @Test
  void retractionSendsASignedRetractedEventNamingThePost() {
    String postId = publisher.publish(channel, post("ACTIVE"));
    AlertPost closing =
        new AlertPost("ENFANT RETROUVÉE", LINK, "[tifli-78]")
            .withFacts(new AlertFacts(42, "MC-2026-000123", "RESOLVED", Map.of("fr", "RETROUVÉE")));

    publisher.retract(channel, postId, closing);

    assertThat(partner.refused()).isZero();
    ReceivedEvent event = partner.events().get(1);
    assertThat(event.delivery()).isEqualTo("[tifli-78]");
    assertThat(event.body().getString("event")).isEqualTo("retracted");
    assertThat(event.body().getString("postId")).isEqualTo("[tifli-77]");
    assertThat(event.body().getString("status")).isEqualTo("RESOLVED");
  }

  @Test
  void partnersCannotBeAskedForPosts() {
    assertThat(publisher.canFindPosts()).isFalse();
    assertThrows(
        UnsupportedOperationException.class, () -> publisher.findPostWithTag(channel, "[t]"));
  }

  @Test
  void theChannelsTextFormShowsOnlyTheWebhooksHost() {
    ChannelAccount keyed =
        new ChannelAccount(Platform.WEBHOOK, "https://hooks.example/in?key=abc123", SECRET);

    assertThat(keyed.toString()).isEqualTo("ChannelAccount[WEBHOOK hooks.example]");
  }
}
