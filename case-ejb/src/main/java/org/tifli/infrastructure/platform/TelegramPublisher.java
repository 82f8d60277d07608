package org.tifli.infrastructure.platform;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tifli.domain.Platform;

/**
 * Posts in a Telegram channel or group through the Bot API, as the bot whose token is the channel's
 * secret: {@code POST /bot{token}/sendPhoto} with {@code chat_id}, the photo's URL and a caption
 * (1,024 characters at most), or {@code sendMessage} with the text (4,096) when there is no photo.
 * The text is the post's text, the link and the tag; it goes as plain text, with no parse mode, so
 * nothing in it needs escaping. The answer is {@code {"ok": true, "result": {"message_id": …}}};
 * the message id is the post's id. When Telegram cannot fetch the photo, the post goes out as a
 * message without it: reaching people matters more than the picture.
 *
 * <p>Errors come as {@code {"ok": false, "error_code", "description", "parameters":
 * {"retry_after"}}}. 429 (flood control, with {@code retry_after} in seconds) and 5xx are retried
 * later; 401 (bad token), 403 (the bot was removed or is not an administrator), 400 (chat not
 * found, bad parameter) need a fix, the first two the channel's own (a new token fixes them). The
 * token is part of every URL: it is scrubbed from every message, and no request URI is ever put in
 * one.
 *
 * <p>Taking a post down deletes the message ({@code deleteMessage}). Telegram refuses that for
 * messages older than 48 hours; the message is then edited to the closing text ({@code
 * editMessageText}, or {@code editMessageCaption} for a photo). A message Telegram no longer has is
 * gone already. The Bot API cannot list a chat's messages, so posts cannot be looked up.
 *
 * <p>The calls go through the {@link TelegramBotClient} Rest Client, each given up after {@code
 * tifli.platform.timeout}.
 */
@ApplicationScoped
public class TelegramPublisher implements PlatformPublisher {

  private static final Logger LOG = Logger.getLogger(TelegramPublisher.class.getName());

  private static final Pattern BOT_TOKEN = Pattern.compile("\\d+:[A-Za-z0-9_-]+");

  @Inject
  @ConfigProperty(
      name = "tifli.platform.telegram.base-url",
      defaultValue = "https://api.telegram.org")
  String baseUrl;

  @Inject
  @ConfigProperty(name = "tifli.platform.timeout", defaultValue = "PT10S")
  String timeout;

  private final PlatformCall.Clients<TelegramBotClient> clients =
      new PlatformCall.Clients<>(TelegramBotClient.class);

  @Override
  public Platform platform() {
    return Platform.TELEGRAM;
  }

  @Override
  public String publish(ChannelAccount account, AlertPost post) {
    if (post.photoUrl() != null) {
      PlatformCall.Answer answer =
          call(
              account,
              TelegramBotClient::sendPhoto,
              chat(account)
                  .add("photo", post.photoUrl())
                  .add("caption", fitted(post, Platform.TELEGRAM.captionLimit())));
      if (isOk(answer)) {
        return messageId(answer);
      }
      if (!photoRefused(answer)) {
        throw failure(answer, account);
      }
      LOG.warning(
          () ->
              "Telegram could not take the photo of post "
                  + post.tag()
                  + " ("
                  + description(answer, account)
                  + "); posting it without");
    }

    PlatformCall.Answer answer =
        call(
            account,
            TelegramBotClient::sendMessage,
            chat(account).add("text", fitted(post, Platform.TELEGRAM.textLimit())));
    if (isOk(answer)) {
      return messageId(answer);
    }
    throw failure(answer, account);
  }

  @Override
  public void retract(ChannelAccount account, String postId, AlertPost closing) {
    long messageId = parseMessageId(postId);
    PlatformCall.Answer deleted =
        call(account, TelegramBotClient::deleteMessage, chat(account).add("message_id", messageId));

    if (isOk(deleted) || refusedWith(deleted, "message to delete not found")) {
      LOG.fine(() -> "Deleted Telegram message " + postId);
      return;
    }
    if (!refusedWith(deleted, "message can't be deleted")) {
      throw failure(deleted, account);
    }

    PlatformCall.Answer edited =
        call(
            account,
            TelegramBotClient::editMessageText,
            chat(account)
                .add("message_id", messageId)
                .add("text", fitted(closing, Platform.TELEGRAM.textLimit())));
    if (refusedWith(edited, "there is no text in the message to edit")) {
      edited =
          call(
              account,
              TelegramBotClient::editMessageCaption,
              chat(account)
                  .add("message_id", messageId)
                  .add("caption", fitted(closing, Platform.TELEGRAM.captionLimit())));
    }
    if (isOk(edited)
        || refusedWith(edited, "message is not modified")
        || refusedWith(edited, "message to edit not found")) {
      LOG.info(
          () -> "Telegram message " + postId + " could not be deleted; edited to closing text");
      return;
    }
    if (edited.status() == 400) {
      throw PlatformException.needsFix(
          "Telegram can neither delete nor edit message "
              + postId
              + " ("
              + description(edited, account)
              + "): delete it in the channel by hand");
    }
    throw failure(edited, account);
  }

  @Override
  public boolean canFindPosts() {
    return false;
  }

  @Override
  public Optional<String> findPostWithTag(ChannelAccount account, String tag) {
    throw new UnsupportedOperationException("the Telegram Bot API cannot list a chat's messages");
  }

  /** The failure an answer that is not ok means, classed, with Telegram's retry_after. */
  static PlatformException failure(PlatformCall.Answer answer, ChannelAccount account) {
    JsonObject json = answer.json();
    int code = json.getInt("error_code", answer.status());
    String message = "Telegram error " + code + ": " + description(answer, account);
    Optional<Duration> retryAfter = parameter(json, "retry_after").map(Duration::ofSeconds);
    Optional<Long> movedTo = parameter(json, "migrate_to_chat_id");
    if (movedTo.isPresent()) {
      return PlatformException.needsFix(
          message + "; the group is now the supergroup " + movedTo.get() + ": set that id");
    }
    if (code == 429 || code >= 500 || answer.status() >= 500 || retryAfter.isPresent()) {
      return PlatformException.retryLater(message, retryAfter.orElse(null));
    }
    if (code == 401 || code == 403) {
      return PlatformException.channelNeedsFix(message);
    }
    return PlatformException.needsFix(message);
  }

  private static String description(PlatformCall.Answer answer, ChannelAccount account) {
    String description =
        answer.json().get("description") instanceof JsonString text
            ? text.getString()
            : PlatformCall.excerpt(answer.body(), account.secret());
    return PlatformCall.scrub(description, account.secret());
  }

  private static Optional<Long> parameter(JsonObject json, String name) {
    if (json.get("parameters") instanceof JsonObject parameters
        && parameters.get(name) instanceof JsonNumber value) {
      return Optional.of(value.longValue());
    }
    return Optional.empty();
  }

  private static boolean isOk(PlatformCall.Answer answer) {
    return answer.succeeded() && answer.json().getBoolean("ok", false);
  }

  /** Whether Telegram refused with a 400 whose description contains the words. */
  private static boolean refusedWith(PlatformCall.Answer answer, String words) {
    return answer.status() == 400
        && answer.json().get("description") instanceof JsonString text
        && text.getString().toLowerCase(Locale.ROOT).contains(words);
  }

  /** Telegram could not fetch or read the photo: the text can still go. */
  private static boolean photoRefused(PlatformCall.Answer answer) {
    if (answer.status() != 400 || !(answer.json().get("description") instanceof JsonString text)) {
      return false;
    }
    String description = text.getString();
    return description.contains("HTTP URL")
        || description.contains("web page content")
        || description.contains("IMAGE_PROCESS_FAILED")
        || description.contains("PHOTO_");
  }

  private static String messageId(PlatformCall.Answer answer) {
    if (answer.json().get("result") instanceof JsonObject result
        && result.get("message_id") instanceof JsonNumber id) {
      return String.valueOf(id.longValue());
    }
    throw PlatformException.needsFix("Telegram answered without a message id");
  }

  private static long parseMessageId(String postId) {
    try {
      return Long.parseLong(postId);
    } catch (NumberFormatException e) {
      throw PlatformException.needsFix("not a Telegram message id: " + postId);
    }
  }

  private static String fitted(AlertPost post, int limit) {
    return PostFitting.fit(
        Platform.TELEGRAM, limit, post.text(), "\n\n" + post.link() + "\n" + post.tag());
  }

  /** The token, checked to be one before it goes into a URL path as it is. */
  private static String botToken(ChannelAccount account) {
    if (account.secret() == null || !BOT_TOKEN.matcher(account.secret()).matches()) {
      throw PlatformException.channelNeedsFix("the channel's secret is not a Telegram bot token");
    }
    return account.secret();
  }

  private static JsonObjectBuilder chat(ChannelAccount account) {
    return PlatformCall.JSON.createObjectBuilder().add("chat_id", account.accountId());
  }

  @PreDestroy
  void closeClients() {
    clients.close();
  }

  /** Calls the Bot API method as the channel's bot and returns Telegram's answer as it is. */
  private PlatformCall.Answer call(
      ChannelAccount account, TelegramMethod method, JsonObjectBuilder parameters) {
    String token = botToken(account);
    JsonObject body = parameters.build();
    TelegramBotClient client = clients.at(PlatformCall.baseUri(baseUrl), Duration.parse(timeout));
    return PlatformCall.send("Telegram", account.secret(), () -> method.call(client, token, body));
  }

  /** One of the {@link TelegramBotClient}'s methods. */
  @FunctionalInterface
  private interface TelegramMethod {
    Response call(TelegramBotClient client, String token, JsonObject parameters);
  }
}
