package org.tifli.infrastructure.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tifli.infrastructure.platform.PlatformCallTest.headers;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tifli.domain.Platform;
import org.tifli.testing.FakeXApi;
import org.tifli.testing.FakeXApi.ReceivedTweet;

class XPublisherTest {

  private static final String TOKEN = "user-access-token-never-shown";
  private static final ChannelAccount ACCOUNT = new ChannelAccount(Platform.X, "1445078208", TOKEN);
  private static final String LINK = "https://tifli.example/tifli/alerts/42";
  private static final AlertPost POST =
      new AlertPost("ENFANT DISPARU : Yasmine Alaoui, 8 ans", LINK, "[tifli-77]");
  private static final AlertPost CLOSING = new AlertPost("ENFANT RETROUVÉE", LINK, "[tifli-78]");

  private FakeXApi x;
  private XPublisher publisher;

  @BeforeEach
  void startX() throws Exception {
    x = FakeXApi.start();
    publisher = publisherWithTimeout("PT5S");
  }

  @AfterEach
  void stopX() {
    x.close();
  }

  private XPublisher publisherWithTimeout(String timeout) {
    XPublisher publisher = new XPublisher();
    publisher.baseUrl = x.baseUrl();
    publisher.timeout = timeout;
    return publisher;
  }

  @Test
  void postsTheTextLinkAndTagWithTheBearerTokenAndReturnsTheTweetsId() {
    String id = publisher.publish(ACCOUNT, POST);

    assertThat(x.tweets())
        .containsExactly(
            new ReceivedTweet(
                id, "ENFANT DISPARU : Yasmine Alaoui, 8 ans\n\n" + LINK + "\n[tifli-77]", TOKEN));
  }

  @Test
  void aLongTextIsCutToWhatXTakesKeepingLinkAndTag() {
    String id =
        publisher.publish(ACCOUNT, new AlertPost("disparu ".repeat(100), LINK, "[tifli-77]"));

    String text = x.tweets().get(0).text();
    assertThat(id).isNotBlank();
    assertThat(PostFitting.length(Platform.X, text)).isLessThanOrEqualTo(280);
    assertThat(text).endsWith("…\n\n" + LINK + "\n[tifli-77]");
  }

  @Test
  void arabicTextArrivesIntact() {
    String arabic = "طفل مختفٍ: ياسمين العلوي، 8 سنة";

    publisher.publish(ACCOUNT, new AlertPost(arabic, LINK, "[tifli-77]"));

    assertThat(x.tweets().get(0).text()).isEqualTo(arabic + "\n\n" + LINK + "\n[tifli-77]");
  }

  @Test
  void anExpiredTokenNeedsAFixAndTheErrorDoesNotShowIt() {
    x.revokeToken(TOKEN);

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.publish(ACCOUNT, POST));

    assertThat(e.retryLater()).isFalse();
    assertThat(e).hasMessage("X HTTP 401: Unauthorized");
    assertThat(x.tweets()).isEmpty();
  }

  @Test
  void aRateLimitIsRetriedAfterTheLimitsReset() {
    x.failNextWithRateLimit(Duration.ofSeconds(120));

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.publish(ACCOUNT, POST));

    assertThat(e.retryLater()).isTrue();
    assertThat(e).hasMessage("X HTTP 429: Too Many Requests");
    assertThat(e.retryAfter())
        .hasValueSatisfying(wait -> assertThat(wait.toSeconds()).isBetween(118L, 121L));
  }

  @Test
  void theDailyPostLimitsResetWinsOverTheShortWindows() {
    x.failNextWithDailyLimit(Duration.ofHours(5));

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.publish(ACCOUNT, POST));

    assertThat(e.retryAfter())
        .hasValueSatisfying(wait -> assertThat(wait.toMinutes()).isBetween(299L, 300L));
  }

  @Test
  void retryAfterComesFirstThenTheExhaustedLimitsLatestReset() {
    Instant now = Instant.ofEpochSecond(1_800_000_000L);

    assertThat(
            XPublisher.retryAfter(
                headers("Retry-After", "7", "x-rate-limit-reset", "1800000600"), now))
        .contains(Duration.ofSeconds(7));
    assertThat(
            XPublisher.retryAfter(
                headers(
                    "x-rate-limit-remaining", "3",
                    "x-rate-limit-reset", "1800000060",
                    "x-app-limit-24hour-remaining", "0",
                    "x-app-limit-24hour-reset", "1800003600"),
                now))
        .contains(Duration.ofHours(1));
    assertThat(XPublisher.retryAfter(headers("x-rate-limit-reset", "1800000030"), now))
        .contains(Duration.ofSeconds(30));
    assertThat(XPublisher.retryAfter(headers(), now)).isEmpty();
  }

  @Test
  void aServerErrorIsRetriedLater() {
    x.failNextWithServerError();

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.publish(ACCOUNT, POST));

    assertThat(e.retryLater()).isTrue();
    assertThat(e).hasMessage("X HTTP 503: Service Unavailable");
  }

  @Test
  void aPostWhoseAnswerWasLostIsNotPostedTwice() {
    XPublisher impatient = publisherWithTimeout("PT0.3S");
    x.failNextSlowly(Duration.ofSeconds(1));
    assertThrows(PlatformException.class, () -> impatient.publish(ACCOUNT, POST));

    String id = publisher.publish(ACCOUNT, POST);

    assertThat(x.tweets()).hasSize(1);
    assertThat(x.tweets().get(0).id()).isEqualTo(id);
  }

  @Test
  void retractionDeletesTheTweet() {
    String id = publisher.publish(ACCOUNT, POST);

    publisher.retract(ACCOUNT, id, CLOSING);

    assertThat(x.deletions()).containsExactly(id);
  }

  @Test
  void aTweetThatIsGoneAlreadyCountsAsRetracted() {
    String id = publisher.publish(ACCOUNT, POST);
    publisher.retract(ACCOUNT, id, CLOSING);

    publisher.retract(ACCOUNT, id, CLOSING);

    assertThat(x.deletions()).containsExactly(id);
  }

  @Test
  void aTweetOfAnotherAccountCannotBeDeletedAndThatNeedsAFix() {
    String id = publisher.publish(ACCOUNT, POST);
    ChannelAccount other = new ChannelAccount(Platform.X, "99", "other-token");

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.retract(other, id, CLOSING));

    assertThat(e.retryLater()).isFalse();
    assertThat(e).hasMessageContaining("403");
  }

  @Test
  void theUsersTweetsAreSearchedForTheTagThoughLinksBecameTcoAddresses() {
    publisher.publish(ACCOUNT, new AlertPost("premier", LINK, "[tifli-7]"));
    String tagged = publisher.publish(ACCOUNT, POST);

    assertThat(publisher.canFindPosts()).isTrue();
    assertThat(publisher.findPostWithTag(ACCOUNT, "[tifli-77]")).contains(tagged);
    assertThat(publisher.findPostWithTag(ACCOUNT, "[tifli-78]")).isEmpty();
  }

  @Test
  void anUnreachableXIsRetriedLater() throws Exception {
    XPublisher unreachable = publisherWithTimeout("PT5S");
    try (FakeXApi stopped = FakeXApi.start()) {
      unreachable.baseUrl = stopped.baseUrl();
    }

    PlatformException e =
        assertThrows(PlatformException.class, () -> unreachable.publish(ACCOUNT, POST));

    assertThat(e.retryLater()).isTrue();
    assertThat(e).hasMessageStartingWith("X unreachable");
    assertThat(e.getMessage()).doesNotContain(TOKEN);
  }

  @Test
  void randomFaultsOfTheFakeAreAllWorthRetryingAndRateLimitsSayWhen() {
    x.failFraction(0.5, 11);
    int failures = 0;
    int withWait = 0;
    for (int i = 0; i < 40; i++) {
      try {
        publisher.publish(ACCOUNT, new AlertPost("alerte " + i, LINK, "[tifli-" + i + "]"));
      } catch (PlatformException e) {
        assertThat(e.retryLater()).isTrue();
        failures++;
        withWait += e.retryAfter().isPresent() ? 1 : 0;
      }
    }

    assertThat(failures).isBetween(8, 32);
    assertThat(withWait).isPositive().isLessThan(failures);
    assertThat(x.tweets()).hasSize(40 - failures);
    assertThat(x.calls()).isEqualTo(40);
  }
}
