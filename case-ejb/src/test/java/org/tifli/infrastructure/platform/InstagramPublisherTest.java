package org.tifli.infrastructure.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tifli.domain.Platform;
import org.tifli.testing.FakeGraphApi;
import org.tifli.testing.FakeGraphApi.ReceivedMedia;

class InstagramPublisherTest {

  private static final String TOKEN = "EAAB-instagram-token-never-shown";
  private static final ChannelAccount ACCOUNT =
      new ChannelAccount(Platform.INSTAGRAM, "17841400000000001", TOKEN);
  private static final String PHOTO = "https://tifli.example/tifli/public/alerts/42/photo";
  private static final AlertPost POST =
      new AlertPost(
              "ENFANT DISPARU : Yasmine Alaoui, 8 ans",
              "https://tifli.example/tifli/alerts/42",
              "[tifli-77]")
          .withPhoto(PHOTO);

  private FakeGraphApi graph;
  private InstagramPublisher publisher;

  @BeforeEach
  void startGraph() throws Exception {
    graph = FakeGraphApi.start();
    publisher = new InstagramPublisher();
    publisher.baseUrl = graph.baseUrl();
    publisher.apiVersion = "v23.0";
    publisher.timeout = "PT5S";
  }

  @AfterEach
  void stopGraph() {
    graph.close();
  }

  @Test
  void makesAContainerWithThePhotoAndCaptionThenPublishesItAndReturnsTheMediaId() {
    String mediaId = publisher.publish(ACCOUNT, POST);

    assertThat(graph.containers()).isEqualTo(1);
    assertThat(graph.media())
        .containsExactly(
            new ReceivedMedia(
                "17841400000000001",
                mediaId,
                PHOTO,
                "ENFANT DISPARU : Yasmine Alaoui, 8 ans\n\n"
                    + "https://tifli.example/tifli/alerts/42\n\n[tifli-77]",
                TOKEN));
  }

  @Test
  void aPostWithoutAPhotoNeedsAFixAndReachesNothing() {
    AlertPost withoutPhoto = new AlertPost(POST.text(), POST.link(), POST.tag());

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.publish(ACCOUNT, withoutPhoto));

    assertThat(e.retryLater()).isFalse();
    assertThat(e).hasMessageContaining("need a photo");
    assertThat(graph.calls()).isZero();
  }

  @Test
  void aLongCaptionIsCutToInstagramsLimitKeepingLinkAndTag() {
    AlertPost longPost =
        new AlertPost("disparu ".repeat(400), POST.link(), POST.tag()).withPhoto(PHOTO);

    publisher.publish(ACCOUNT, longPost);

    String caption = graph.media().get(0).caption();
    assertThat(caption.length()).isLessThanOrEqualTo(2_200);
    assertThat(caption).endsWith("…\n\nhttps://tifli.example/tifli/alerts/42\n\n[tifli-77]");
  }

  @Test
  void arabicCaptionsArriveIntact() {
    String arabic = "طفل مختفٍ: ياسمين العلوي، 8 سنة";

    publisher.publish(ACCOUNT, new AlertPost(arabic, POST.link(), POST.tag()).withPhoto(PHOTO));

    assertThat(graph.media().get(0).caption()).startsWith(arabic + "\n\n");
  }

  @Test
  void anExpiredTokenNeedsAFixAndTheErrorDoesNotShowIt() {
    graph.failNextWithExpiredToken();

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.publish(ACCOUNT, POST));

    assertThat(e.retryLater()).isFalse();
    assertThat(e).hasMessageStartingWith("Instagram HTTP 400, code 190");
    assertThat(e.getMessage()).doesNotContain(TOKEN);
    assertThat(graph.media()).isEmpty();
  }

  @Test
  void aContainerThatIsNotReadyYetIsRetriedLater() {
    graph.failNextPublish(400, 9007, 2207027, "Media ID is not available");

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.publish(ACCOUNT, POST));

    assertThat(e.retryLater()).isTrue();
    assertThat(e.retryAfter()).isEmpty();
    assertThat(e).hasMessageContaining("code 9007, subcode 2207027");
    assertThat(graph.media()).isEmpty();
  }

  @Test
  void aServerErrorIsRetriedLater() {
    graph.failNextWithServerError();

    assertThat(
            assertThrows(PlatformException.class, () -> publisher.publish(ACCOUNT, POST))
                .retryLater())
        .isTrue();
  }

  @ParameterizedTest(name = "Graph code {0}: retry later {1}")
  @CsvSource({
    "-2, true", // media download timed out
    "-1, true", // Instagram server error
    "9, true", // the day's publishing limit
    "4, true", // application request limit
    "80002, true", // Instagram's business use case rate limit
    "36000, false", // image too large
    "10, false", // permission denied
    "100, false", // invalid parameter
  })
  void instagramsOwnCodesAreClassed(int code, boolean later) {
    var body =
        Json.createObjectBuilder()
            .add("error", Json.createObjectBuilder().add("message", "m").add("code", code))
            .build();

    assertThat(GraphErrors.classify("Instagram", 400, body, TOKEN).retryLater()).isEqualTo(later);
  }

  @Test
  void anErrorMarkedTransientIsRetriedLater() {
    var body =
        Json.createObjectBuilder()
            .add(
                "error",
                Json.createObjectBuilder()
                    .add("message", "m")
                    .add("code", 24)
                    .add("is_transient", true))
            .build();

    assertThat(GraphErrors.classify("Instagram", 400, body, TOKEN).retryLater()).isTrue();
  }

  @Test
  void instagramCannotTakeAPostDownSoRetractionNeedsAFixSayingWhatToDo() {
    String mediaId = publisher.publish(ACCOUNT, POST);
    int callsBefore = graph.calls();

    PlatformException e =
        assertThrows(
            PlatformException.class,
            () -> publisher.retract(ACCOUNT, mediaId, new AlertPost("RETROUVÉE", "l", "[t-1]")));

    assertThat(e.retryLater()).isFalse();
    assertThat(e)
        .hasMessageContaining("neither delete nor edit")
        .hasMessageContaining(mediaId)
        .hasMessageContaining("Instagram app");
    assertThat(graph.calls()).isEqualTo(callsBefore);
  }

  @Test
  void theAccountsMediaAreSearchedForThePostWithTheTag() {
    publisher.publish(ACCOUNT, new AlertPost("a", POST.link(), "[tifli-7]").withPhoto(PHOTO));
    String tagged = publisher.publish(ACCOUNT, POST);

    assertThat(publisher.canFindPosts()).isTrue();
    assertThat(publisher.findPostWithTag(ACCOUNT, "[tifli-77]")).contains(tagged);
    assertThat(publisher.findPostWithTag(ACCOUNT, "[tifli-78]")).isEmpty();
  }
}
