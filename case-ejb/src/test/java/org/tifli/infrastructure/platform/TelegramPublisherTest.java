package org.tifli.infrastructure.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tifli.domain.Platform;
import org.tifli.testing.FakeTelegramApi;
import org.tifli.testing.FakeTelegramApi.Edit;
import org.tifli.testing.FakeTelegramApi.ReceivedMessage;

class TelegramPublisherTest {

  private static final String TOKEN = "7012345678:AAH-bot-token_never-shown";
  private static final String CHAT = "-1001234567890";
  private static final ChannelAccount CHANNEL = new ChannelAccount(Platform.TELEGRAM, CHAT, TOKEN);
  private static final String LINK = "https://tifli.example/tifli/alerts/42";
  private static final String PHOTO = "https://tifli.example/tifli/public/alerts/42/photo";
  private static final AlertPost POST =
      new AlertPost("ENFANT DISPARU : Yasmine Alaoui, 8 ans", LINK, "[tifli-77]");
  private static final AlertPost CLOSING =
      new AlertPost("ENFANT RETROUVÉE : merci à tous", LINK, "[tifli-78]");

  private FakeTelegramApi telegram;
  private TelegramPublisher publisher;

  @BeforeEach
  void startTelegram() throws Exception {
    telegram = FakeTelegramApi.start();
    publisher = publisherAt(telegram.baseUrl());
  }

  @AfterEach
  void stopTelegram() {
    telegram.close();
  }

  private static TelegramPublisher publisherAt(String baseUrl) {
    TelegramPublisher publisher = new TelegramPublisher();
    publisher.baseUrl = baseUrl;
    publisher.timeout = "PT5S";
    return publisher;
  }

  @Test
  void aPostWithoutPhotoIsAMessageWithTextLinkAndTagAndItsIdIsTheMessageId() {
    String id = publisher.publish(CHANNEL, POST);

    assertThat(telegram.messages())
        .containsExactly(
            new ReceivedMessage(
                CHAT,
                1,
                "ENFANT DISPARU : Yasmine Alaoui, 8 ans\n\n" + LINK + "\n[tifli-77]",
                null,
                TOKEN));
    assertThat(id).isEqualTo("1");
  }

  @Test
  void aPostWithAPhotoIsAPhotoWithItsCaption() {
    publisher.publish(CHANNEL, POST.withPhoto(PHOTO));

    ReceivedMessage message = telegram.messages().get(0);
    assertThat(message.photoUrl()).isEqualTo(PHOTO);
    assertThat(message.text()).startsWith("ENFANT DISPARU").endsWith("[tifli-77]");
  }

  @Test
  void captionsAndMessagesAreCutToTheirLimits() {
    String text = "disparu ".repeat(1_000);

    publisher.publish(CHANNEL, new AlertPost(text, LINK, "[tifli-1]").withPhoto(PHOTO));
    publisher.publish(CHANNEL, new AlertPost(text, LINK, "[tifli-2]"));

    assertThat(telegram.messages().get(0).text())
        .hasSizeLessThanOrEqualTo(1_024)
        .endsWith("[tifli-1]");
    assertThat(telegram.messages().get(1).text())
        .hasSizeLessThanOrEqualTo(4_096)
        .endsWith("[tifli-2]");
  }

  @Test
  void arabicTextArrivesIntact() {
    String arabic = "طفل مختفٍ: ياسمين العلوي، 8 سنة";

    publisher.publish(CHANNEL, new AlertPost(arabic, LINK, "[tifli-77]"));

    assertThat(telegram.messages().get(0).text())
        .isEqualTo(arabic + "\n\n" + LINK + "\n[tifli-77]");
  }

  @Test
  void aPhotoTelegramCannotFetchGivesWayToAMessage() {
    telegram.refusePhotos();

    String id = publisher.publish(CHANNEL, POST.withPhoto(PHOTO));

    assertThat(telegram.messages()).hasSize(1);
    assertThat(telegram.messages().get(0).photoUrl()).isNull();
    assertThat(id).isEqualTo("1");
  }

  @Test
  void aRevokedTokenNeedsAFix() {
    telegram.revokeToken(TOKEN);

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.publish(CHANNEL, POST));

    assertThat(e.retryLater()).isFalse();
    assertThat(e).hasMessage("Telegram error 401: Unauthorized");
  }

  @Test
  void aBotKickedFromTheChannelNeedsAFix() {
    telegram.removeBotFrom(CHAT);

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.publish(CHANNEL, POST));

    assertThat(e.retryLater()).isFalse();
    assertThat(e).hasMessageContaining("403").hasMessageContaining("kicked");
  }

  @Test
  void floodControlIsRetriedAfterTelegramsRetryAfter() {
    telegram.failNextWithRateLimit(Duration.ofSeconds(35));

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.publish(CHANNEL, POST));

    assertThat(e.retryLater()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(35));
    assertThat(e).hasMessage("Telegram error 429: Too Many Requests: retry after 35");
  }

  @Test
  void aServerErrorIsRetriedLater() {
    telegram.failNextWithServerError();

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.publish(CHANNEL, POST));

    assertThat(e.retryLater()).isTrue();
    assertThat(e.retryAfter()).isEmpty();
  }

  @Test
  void theTokenIsScrubbedFromWhatTelegramSays() {
    telegram.failNext(400, "Bad Request: cannot use bot" + TOKEN + " here");

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.publish(CHANNEL, POST));

    assertThat(e.retryLater()).isFalse();
    assertThat(e.getMessage()).doesNotContain(TOKEN).contains("bot*** here");
  }

  @Test
  void anUnreachableTelegramIsRetriedLaterAndTheMessageHasNoToken() throws Exception {
    TelegramPublisher unreachable;
    try (FakeTelegramApi stopped = FakeTelegramApi.start()) {
      unreachable = publisherAt(stopped.baseUrl());
    }

    PlatformException e =
        assertThrows(PlatformException.class, () -> unreachable.publish(CHANNEL, POST));

    assertThat(e.retryLater()).isTrue();
    assertThat(e).hasMessageStartingWith("Telegram unreachable");
    assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("AAH");
    assertThat(e.getCause()).isNull();
  }

  @Test
  void aSlowTelegramIsRetriedLaterAndTheMessageHasNoToken() {
    TelegramPublisher impatient = publisherAt(telegram.baseUrl());
    impatient.timeout = "PT0.3S";
    telegram.failNextSlowly(Duration.ofSeconds(1));

    PlatformException e =
        assertThrows(PlatformException.class, () -> impatient.publish(CHANNEL, POST));

    assertThat(e.retryLater()).isTrue();
    assertThat(e).hasMessageStartingWith("Telegram did not answer in time");
    assertThat(e.getMessage()).doesNotContain(TOKEN);
  }

  @Test
  void aSecretThatIsNoBotTokenNeedsAFixAndIsNotShown() {
    ChannelAccount wrong = new ChannelAccount(Platform.TELEGRAM, CHAT, "not a/token?x=1");

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.publish(wrong, POST));

    assertThat(e.retryLater()).isFalse();
    assertThat(e.getMessage()).doesNotContain("not a/token");
    assertThat(telegram.calls()).isZero();
  }

  @Test
  void aGroupThatBecameASupergroupNeedsItsNewIdAndTheErrorSaysWhich() {
    telegram.failNextMigratedTo(-1009876543210L);

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.publish(CHANNEL, POST));

    assertThat(e.retryLater()).isFalse();
    assertThat(e).hasMessageContaining("-1009876543210").hasMessageContaining("set that id");
  }

  @Test
  void retractionDeletesTheMessage() {
    String id = publisher.publish(CHANNEL, POST);

    publisher.retract(CHANNEL, id, CLOSING);

    assertThat(telegram.deletions()).containsExactly(CHAT + "/" + id);
    assertThat(telegram.edits()).isEmpty();
  }

  @Test
  void aMessageOlderThanTwoDaysIsEditedToTheClosingText() {
    String id = publisher.publish(CHANNEL, POST);
    telegram.passTime(Duration.ofHours(49));

    publisher.retract(CHANNEL, id, CLOSING);

    assertThat(telegram.deletions()).isEmpty();
    assertThat(telegram.edits())
        .containsExactly(
            new Edit(CHAT, 1, "ENFANT RETROUVÉE : merci à tous\n\n" + LINK + "\n[tifli-78]"));
  }

  @Test
  void anOldPhotoHasItsCaptionEdited() {
    String id = publisher.publish(CHANNEL, POST.withPhoto(PHOTO));
    telegram.passTime(Duration.ofHours(49));

    publisher.retract(CHANNEL, id, CLOSING);

    assertThat(telegram.edits())
        .extracting(Edit::text)
        .containsExactly("ENFANT RETROUVÉE : merci à tous\n\n" + LINK + "\n[tifli-78]");
  }

  @Test
  void aMessageThatIsGoneAlreadyCountsAsRetracted() {
    String id = publisher.publish(CHANNEL, POST);
    publisher.retract(CHANNEL, id, CLOSING);

    publisher.retract(CHANNEL, id, CLOSING);

    assertThat(telegram.deletions()).hasSize(1);
  }

  @Test
  void aMessageThatCanBeNeitherDeletedNorEditedNeedsAFixSayingSo() {
    String id = publisher.publish(CHANNEL, POST);
    telegram.failNext(400, "Bad Request: message can't be deleted");
    telegram.failNext(400, "Bad Request: message can't be edited");

    PlatformException e =
        assertThrows(PlatformException.class, () -> publisher.retract(CHANNEL, id, CLOSING));

    assertThat(e.retryLater()).isFalse();
    assertThat(e)
        .hasMessageContaining("neither delete nor edit message " + id)
        .hasMessageContaining("by hand");
  }

  @Test
  void telegramCannotBeAskedForPosts() {
    assertThat(publisher.canFindPosts()).isFalse();
    assertThrows(
        UnsupportedOperationException.class, () -> publisher.findPostWithTag(CHANNEL, "[t]"));
  }
}
