package org.tifli.infrastructure.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tifli.domain.Platform;
import org.tifli.testing.FakeGraphApi;
import org.tifli.testing.FakeGraphApi.ReceivedPost;

class FacebookPagePublisherTest {

  private static final String PAGE_TOKEN = "EAAB-page-token-never-shown";
  private static final ChannelAccount PAGE =
      new ChannelAccount(Platform.FACEBOOK, "104123456789", PAGE_TOKEN);
  private static final AlertPost POST =
      new AlertPost(
          "ENFANT DISPARU : Yasmine Alaoui, 8 ans",
          "https://tifli.example/alerts/42",
          "[tifli-77]");
  private static final AlertPost CLOSING =
      new AlertPost("ENFANT RETROUVÉ", "https://tifli.example/alerts/42", "[tifli-78]");

  private FakeGraphApi graph;
  private FacebookPagePublisher publisher;

  @BeforeEach
  void startGraph() throws Exception {
    graph = FakeGraphApi.start();
    publisher = publisherAt(graph.baseUrl());
  }

  @AfterEach
  void stopGraph() {
    graph.close();
  }

  private static FacebookPagePublisher publisherAt(String baseUrl) {
    FacebookPagePublisher publisher = new FacebookPagePublisher();
    publisher.baseUrl = baseUrl;
    publisher.apiVersion = "v23.0";
    publisher.timeout = "PT5S";
    return publisher;
  }

  @ParameterizedTest(name = "HTTP {0}, Graph code {1}")
  @CsvSource({
    "400, 190", // invalid or expired access token
    "403, 10", // permission denied
    "403, 200", // permissions error
    "403, 299", // last of the permission range
    "400, 100", // invalid parameter
  })
  void graphErrorsThatNeedSomeonesFixAreNotRetried(int status, int code) {
    PlatformException e = FacebookPagePublisher.classify(status, graphError(code, "refused"));

    assertThat(e.retryLater()).isFalse();
    assertThat(e).hasMessageContaining("HTTP " + status).hasMessageContaining("code " + code);
  }

  @ParameterizedTest(name = "HTTP {0}, Graph code {1}")
  @CsvSource({
    "400, 4", // application request limit
    "400, 17", // user request limit
    "400, 32", // page request limit
    "400, 613", // calls within one hour exceeded
    "500, 1", // unknown error
    "503, 2", // service temporarily unavailable
  })
  void rateLimitsAndTransientGraphErrorsAreRetriedLater(int status, int code) {
    assertThat(FacebookPagePublisher.classify(status, graphError(code, "later")).retryLater())
        .isTrue();
  }

  @ParameterizedTest(name = "HTTP {0}")
  @CsvSource({"500", "502", "503", "504", "429"})
  void serverErrorsAndTooManyRequestsWithoutAGraphBodyAreRetriedLater(int status) {
    PlatformException e = FacebookPagePublisher.classify(status, JsonObject.EMPTY_JSON_OBJECT);

    assertThat(e.retryLater()).isTrue();
    assertThat(e).hasMessage("Facebook HTTP " + status);
  }

  @Test
  void aServerErrorIsRetriedEvenWhenItsGraphCodeWouldNeedAFix() {
    assertThat(FacebookPagePublisher.classify(500, graphError(100, "oops")).retryLater()).isTrue();
  }

  @Test
  void aClientErrorWithoutAGraphBodyNeedsAFix() {
    assertThat(FacebookPagePublisher.classify(404, JsonObject.EMPTY_JSON_OBJECT).retryLater())
        .isFalse();
  }

  @Test
  void theErrorMessageCarriesGraphsCodeAndText() {
    PlatformException e =
        FacebookPagePublisher.classify(400, graphError(190, "Session has expired"));

    assertThat(e).hasMessage("Facebook HTTP 400, code 190: Session has expired");
  }

  @Test
  void postsOnThePageFeedWithTheTaggedMessageLinkAndPageTokenAndReturnsThePostId() {
    String postId = publisher.publish(PAGE, POST);

    assertThat(graph.posts())
        .containsExactly(
            new ReceivedPost(
                "104123456789",
                "ENFANT DISPARU : Yasmine Alaoui, 8 ans\n\n[tifli-77]",
                "https://tifli.example/alerts/42",
                PAGE_TOKEN));
    assertThat(postId).matches("104123456789_\\d+");
  }

  @Test
  void aTrailingSlashInTheBaseUrlIsTolerated() {
    String postId = publisherAt(graph.baseUrl() + "/").publish(PAGE, POST);

    assertThat(postId).startsWith("104123456789_");
    assertThat(graph.posts()).hasSize(1);
  }

  @Test
  void anExpiredPageTokenNeedsAFixAndTheErrorDoesNotShowTheToken() {
    graph.failNext(400, 190, "Error validating access token: Session has expired");

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.publish(PAGE, POST));

    assertThat(e.retryLater()).isFalse();
    assertThat(e).hasMessageContaining("code 190").hasMessageContaining("Session has expired");
    assertThat(e.getMessage()).doesNotContain(PAGE_TOKEN);
    assertThat(graph.posts()).isEmpty();
  }

  @Test
  void aRateLimitIsRetriedLater() {
    graph.failNext(400, 32, "Page request limit reached");

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.publish(PAGE, POST));

    assertThat(e.retryLater()).isTrue();
    assertThat(e).hasMessageContaining("code 32");
  }

  @Test
  void theCallAfterAFaultGoesThrough() {
    graph.failNext(503, 2, "Service temporarily unavailable");
    assertThrows(PlatformException.class, () -> publisher.publish(PAGE, POST));

    assertThat(publisher.publish(PAGE, POST)).startsWith("104123456789_");
    assertThat(graph.posts()).hasSize(1);
  }

  @Test
  void anUnreachableGraphIsRetriedLater() throws Exception {
    String closedPort;
    try (FakeGraphApi stopped = FakeGraphApi.start()) {
      closedPort = stopped.baseUrl();
    }

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisherAt(closedPort).publish(PAGE, POST));

    assertThat(e.retryLater()).isTrue();
    assertThat(e).hasMessageStartingWith("Facebook unreachable");
  }

  @Test
  void aPostTooLongForFacebookIsCutAndKeepsItsTag() {
    String longText = "ENFANT DISPARU ".repeat(5_000);

    publisher.publish(PAGE, new AlertPost(longText, POST.link(), POST.tag()));

    String message = graph.posts().get(0).message();
    assertThat(message.length()).isLessThanOrEqualTo(Platform.FACEBOOK.textLimit());
    assertThat(message).endsWith("…\n\n[tifli-77]");
  }

  @Test
  void arabicTextArrivesIntact() {
    String arabic = "طفل مختفٍ: ياسمين العلوي، 8 سنة، شوهد آخر مرة في درب غلف.";

    publisher.publish(PAGE, new AlertPost(arabic, POST.link(), POST.tag()));

    assertThat(graph.posts().get(0).message()).isEqualTo(arabic + "\n\n[tifli-77]");
  }

  @Test
  void retractionDeletesThePost() {
    String postId = publisher.publish(PAGE, POST);

    publisher.retract(PAGE, postId, CLOSING);

    assertThat(graph.deletions()).containsExactly(postId);
  }

  @Test
  void aPostThatIsGoneAlreadyCountsAsRetracted() {
    String postId = publisher.publish(PAGE, POST);
    publisher.retract(PAGE, postId, CLOSING);

    publisher.retract(PAGE, postId, CLOSING);

    assertThat(graph.deletions()).containsExactly(postId);
  }

  @Test
  void anIdThatIsMoreThanOnePathSegmentNeedsAFixAndReachesNothing() {
    ChannelAccount odd = new ChannelAccount(Platform.FACEBOOK, "104123456789/..", PAGE_TOKEN);

    PlatformException retraction =
        assertThrows(
            PlatformException.class, () -> publisher.retract(PAGE, "104_1/../../me", CLOSING));
    PlatformException post =
        assertThrows(PlatformException.class, () -> publisher.publish(odd, POST));

    assertThat(retraction.retryLater()).isFalse();
    assertThat(post.retryLater()).isFalse();
    assertThat(graph.calls()).isZero();
  }

  @Test
  void aRetractionWithARevokedTokenNeedsAFixAndDoesNotShowTheToken() {
    String postId = publisher.publish(PAGE, POST);
    graph.revokeToken(PAGE_TOKEN);

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.retract(PAGE, postId, CLOSING));

    assertThat(e.retryLater()).isFalse();
    assertThat(e).hasMessageContaining("code 190").hasMessageContaining("subcode 463");
    assertThat(e.getMessage()).doesNotContain(PAGE_TOKEN);
    assertThat(graph.deletions()).isEmpty();
  }

  @Test
  void theFeedIsSearchedForThePostWithTheTag() {
    publisher.publish(PAGE, new AlertPost("first", POST.link(), "[tifli-7]"));
    String tagged = publisher.publish(PAGE, POST);
    publisher.publish(PAGE, new AlertPost("third", POST.link(), "[tifli-777]"));

    assertThat(publisher.canFindPosts()).isTrue();
    assertThat(publisher.findPostWithTag(PAGE, "[tifli-77]")).contains(tagged);
    assertThat(publisher.findPostWithTag(PAGE, "[tifli-78]")).isEmpty();
  }

  @Test
  void aPostWhoseAnswerCameTooLateIsFoundByItsTag() {
    FacebookPagePublisher impatient = publisherAt(graph.baseUrl());
    impatient.timeout = "PT0.3S";
    graph.failNextSlowly(Duration.ofSeconds(1));

    PlatformException e =
        assertThrows(PlatformException.class, () -> impatient.publish(PAGE, POST));

    assertThat(e.retryLater()).isTrue();
    assertThat(e).hasMessageStartingWith("Facebook did not answer in time");
    assertThat(impatient.findPostWithTag(PAGE, POST.tag())).isPresent();
  }

  @Test
  void graphErrorsHaveNoRetryAfter() {
    graph.failNextWithRateLimit();

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.publish(PAGE, POST));

    assertThat(e.retryLater()).isTrue();
    assertThat(e.retryAfter()).isEmpty();
  }

  @Test
  void randomFaultsOfTheFakeAreAllWorthRetrying() {
    graph.failFraction(0.3, 7);
    int failures = 0;
    for (int i = 0; i < 60; i++) {
      try {
        publisher.publish(PAGE, new AlertPost("post " + i, POST.link(), "[tifli-" + i + "]"));
      } catch (PlatformException e) {
        assertThat(e.retryLater()).isTrue();
        failures++;
      }
    }

    assertThat(failures).isBetween(6, 36);
    assertThat(graph.posts()).hasSize(60 - failures);
    assertThat(graph.calls()).isEqualTo(60);
  }

  private static JsonObject graphError(int code, String message) {
    return Json.createObjectBuilder()
        .add(
            "error",
            Json.createObjectBuilder()
                .add("message", message)
                .add("type", "OAuthException")
                .add("code", code))
        .build();
  }
}
