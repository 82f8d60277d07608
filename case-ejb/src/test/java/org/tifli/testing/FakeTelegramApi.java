package org.tifli.testing;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the Telegram Bot API on loopback, for tests: {@code POST /bot{token}/{method}} for
 * {@code sendMessage}, {@code sendPhoto}, {@code deleteMessage}, {@code editMessageText} and {@code
 * editMessageCaption}, with parameters as JSON or as a form. Answers are {@code {"ok": true,
 * "result": …}} or {@code {"ok": false, "error_code", "description", "parameters":
 * {"retry_after"}}}, with Telegram's descriptions.
 *
 * <p>Like Telegram, it refuses a caption over 1,024 or a text over 4,096 UTF-16 units, deletes a
 * message only within 48 hours of sending ({@link #passTime} moves its clock on), edits a text
 * message's text and a photo's caption but not the other way round, and refuses a bot taken out of
 * a chat ({@link #removeBotFrom}) or a revoked token.
 */
public final class FakeTelegramApi extends FakePlatform {

  private static final Pattern CALL = Pattern.compile("/bot(\\d+:[A-Za-z0-9_-]+)/(\\w+)");
  private static final Duration DELETABLE_FOR = Duration.ofHours(48);

  /** A message as the bot sent it; {@code photoUrl} is null for a text message. */
  public record ReceivedMessage(
      String chatId, long messageId, String text, String photoUrl, String botToken) {}

  /** An edit of a message: its new text or caption. */
  public record Edit(String chatId, long messageId, String text) {}

  private static final class Stored {
    final ReceivedMessage received;
    final Instant sentAt;
    String content;
    boolean deleted;

    Stored(ReceivedMessage received, Instant sentAt) {
      this.received = received;
      this.sentAt = sentAt;
      this.content = received.text();
    }
  }

  private final List<ReceivedMessage> messages = new CopyOnWriteArrayList<>();
  private final List<Edit> edits = new CopyOnWriteArrayList<>();
  private final List<String> deletions = new CopyOnWriteArrayList<>();
  private final Map<String, Stored> stored = new HashMap<>();
  private final Map<String, Long> lastIds = new HashMap<>();
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();
  private final Set<String> removedFrom = ConcurrentHashMap.newKeySet();
  private volatile Duration clockAhead = Duration.ZERO;
  private volatile boolean refusePhotos;

  private FakeTelegramApi() {}

  public static FakeTelegramApi start() throws IOException {
    FakeTelegramApi fake = new FakeTelegramApi();
    fake.listen(0);
    return fake;
  }

  /** Messages sent, in order, deleted ones included. */
  public List<ReceivedMessage> messages() {
    return List.copyOf(messages);
  }

  public List<Edit> edits() {
    return List.copyOf(edits);
  }

  /** Deleted messages, as {@code chatId/messageId}, in order. */
  public List<String> deletions() {
    return List.copyOf(deletions);
  }

  /** From now on the token is refused, as Telegram refuses a revoked one (401). */
  public void revokeToken(String token) {
    revoked.add(token);
  }

  /** From now on the chat answers as one the bot was kicked from (403). */
  public void removeBotFrom(String chatId) {
    removedFrom.add(chatId);
  }

  /** Moves the fake's clock on: messages sent before grow older. */
  public void passTime(Duration time) {
    clockAhead = clockAhead.plus(time);
  }

  /** From now on photos cannot be fetched, as when their address is not reachable from Telegram. */
  public void refusePhotos() {
    refusePhotos = true;
  }

  /** The next call is answered with this Telegram error. */
  public void failNext(int errorCode, String description) {
    queue(error(errorCode, description));
  }

  /** The next call is answered as for a group that became a supergroup with this id. */
  public void failNextMigratedTo(long supergroupId) {
    queue(
        Reply.json(
            400,
            Json.createObjectBuilder()
                .add("ok", false)
                .add("error_code", 400)
                .add("description", "Bad Request: group chat was upgraded to a supergroup chat")
                .add(
                    "parameters",
                    Json.createObjectBuilder().add("migrate_to_chat_id", supergroupId))
                .build()
                .toString()));
  }

  @Override
  protected Reply serve(Exchange exchange) {
    Matcher call = CALL.matcher(exchange.path());
    if (!call.matches()) {
      return error(404, "Not Found");
    }
    String token = call.group(1);
    if (revoked.contains(token)) {
      return expiredToken();
    }
    Map<String, String> parameters = parameters(exchange);
    String chatId = parameters.get("chat_id");
    if (chatId == null || chatId.isEmpty()) {
      return error(400, "Bad Request: chat_id is empty");
    }
    if (removedFrom.contains(chatId)) {
      return error(403, "Forbidden: bot was kicked from the channel chat");
    }
    synchronized (this) {
      return switch (call.group(2)) {
        case "sendMessage" -> sendMessage(token, chatId, parameters.get("text"));
        case "sendPhoto" -> sendPhoto(token, chatId, parameters);
        case "deleteMessage" -> deleteMessage(chatId, parameters.get("message_id"));
        case "editMessageText" -> edit(chatId, parameters.get("message_id"), parameters, false);
        case "editMessageCaption" -> edit(chatId, parameters.get("message_id"), parameters, true);
        default -> error(404, "Not Found");
      };
    }
  }

  private Reply sendMessage(String token, String chatId, String text) {
    if (text == null || text.isEmpty()) {
      return error(400, "Bad Request: message text is empty");
    }
    if (text.length() > 4096) {
      return error(400, "Bad Request: message is too long");
    }
    return sent(new ReceivedMessage(chatId, nextId(chatId), text, null, token));
  }

  private Reply sendPhoto(String token, String chatId, Map<String, String> parameters) {
    String photo = parameters.getOrDefault("photo", "");
    String caption = parameters.getOrDefault("caption", "");
    if (!photo.startsWith("http://") && !photo.startsWith("https://")) {
      return error(400, "Bad Request: wrong file identifier/HTTP URL specified");
    }
    if (refusePhotos) {
      return error(400, "Bad Request: failed to get HTTP URL content");
    }
    if (caption.length() > 1024) {
      return error(400, "Bad Request: message caption is too long");
    }
    return sent(new ReceivedMessage(chatId, nextId(chatId), caption, photo, token));
  }

  private Reply sent(ReceivedMessage message) {
    stored.put(key(message.chatId(), message.messageId()), new Stored(message, now()));
    messages.add(message);
    JsonObjectBuilder result = messageJson(message.chatId(), message.messageId());
    if (message.photoUrl() == null) {
      result.add("text", message.text());
    } else {
      result
          .add(
              "photo",
              Json.createArrayBuilder()
                  .add(
                      Json.createObjectBuilder()
                          .add("file_id", "AgACAgQAAxkBAAI" + message.messageId())
                          .add("width", 1280)
                          .add("height", 960)))
          .add("caption", message.text());
    }
    return ok(result.build());
  }

  private Reply deleteMessage(String chatId, String messageId) {
    Stored message = find(chatId, messageId);
    if (message == null || message.deleted) {
      return error(400, "Bad Request: message to delete not found");
    }
    if (Duration.between(message.sentAt, now()).compareTo(DELETABLE_FOR) >= 0) {
      return error(400, "Bad Request: message can't be deleted");
    }
    message.deleted = true;
    deletions.add(chatId + "/" + messageId);
    return ok(JsonValue.TRUE);
  }

  private Reply edit(
      String chatId, String messageId, Map<String, String> parameters, boolean caption) {
    Stored message = find(chatId, messageId);
    if (message == null || message.deleted) {
      return error(400, "Bad Request: message to edit not found");
    }
    boolean photo = message.received.photoUrl() != null;
    if (photo != caption) {
      return error(
          400,
          caption
              ? "Bad Request: there is no caption in the message to edit"
              : "Bad Request: there is no text in the message to edit");
    }
    String text = parameters.getOrDefault(caption ? "caption" : "text", "");
    if (text.length() > (caption ? 1024 : 4096)) {
      return error(
          400,
          caption
              ? "Bad Request: message caption is too long"
              : "Bad Request: message is too long");
    }
    if (text.equals(message.content)) {
      return error(
          400,
          "Bad Request: message is not modified: specified new message content and reply markup"
              + " are exactly the same as a current content and reply markup of the message");
    }
    message.content = text;
    edits.add(new Edit(chatId, message.received.messageId(), text));
    return ok(
        messageJson(chatId, message.received.messageId())
            .add(caption ? "caption" : "text", text)
            .build());
  }

  private Stored find(String chatId, String messageId) {
    if (messageId == null) {
      return null;
    }
    try {
      return stored.get(key(chatId, Long.parseLong(messageId)));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private long nextId(String chatId) {
    return lastIds.merge(chatId, 1L, Long::sum);
  }

  private Instant now() {
    return Instant.now().plus(clockAhead);
  }

  private JsonObjectBuilder messageJson(String chatId, long messageId) {
    JsonObjectBuilder chat =
        Json.createObjectBuilder().add("title", "Tifli test channel").add("type", "channel");
    try {
      chat.add("id", Long.parseLong(chatId));
    } catch (NumberFormatException e) {
      chat.add("id", -1001000000000L).add("username", chatId.replace("@", ""));
    }
    return Json.createObjectBuilder()
        .add("message_id", messageId)
        .add("sender_chat", chat)
        .add("chat", chat)
        .add("date", now().getEpochSecond());
  }

  private static String key(String chatId, long messageId) {
    return chatId + "/" + messageId;
  }

  /** The call's parameters, from a JSON body or a form, as text. */
  private static Map<String, String> parameters(Exchange exchange) {
    String type = exchange.headers().getFirst("Content-Type");
    if (type != null && type.startsWith("application/json")) {
      Map<String, String> parameters = new HashMap<>();
      JsonObject json = exchange.json();
      json.forEach(
          (name, value) -> {
            if (value instanceof JsonString text) {
              parameters.put(name, text.getString());
            } else if (value instanceof JsonNumber number) {
              parameters.put(name, number.toString());
            }
          });
      return parameters;
    }
    Map<String, String> parameters = new HashMap<>(exchange.query());
    parameters.putAll(exchange.form());
    return parameters;
  }

  private static Reply ok(JsonValue result) {
    return Reply.json(
        200, Json.createObjectBuilder().add("ok", true).add("result", result).build().toString());
  }

  private static Reply error(int code, String description) {
    return Reply.json(
        code,
        Json.createObjectBuilder()
            .add("ok", false)
            .add("error_code", code)
            .add("description", description)
            .build()
            .toString());
  }

  @Override
  protected Reply serverError() {
    return error(502, "Bad Gateway");
  }

  @Override
  protected Reply rateLimited(Duration retryAfter) {
    long seconds = Math.max(1, retryAfter.toSeconds());
    return Reply.json(
        429,
        Json.createObjectBuilder()
            .add("ok", false)
            .add("error_code", 429)
            .add("description", "Too Many Requests: retry after " + seconds)
            .add("parameters", Json.createObjectBuilder().add("retry_after", seconds))
            .build()
            .toString());
  }

  @Override
  protected Reply expiredToken() {
    return error(401, "Unauthorized");
  }
}
