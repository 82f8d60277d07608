package org.tifli.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What a request body must be before the API binds it: not larger than the configured limit ({@code
 * tifli.api.max-body-size}, bytes, default 1 MiB), and for JSON one well-formed UTF-8 document:
 * nothing after it, no key twice in an object, at most {@value #MAX_DEPTH} levels deep, an object
 * wherever the shape has a record, and no text with a NUL, another control character than tab and
 * line breaks, or half of a surrogate pair (PostgreSQL refuses NUL in text, and neither is anything
 * a person types). Each is a 400 problem, naming the field where there is one.
 *
 * <p>A body over the limit is refused by its {@code Content-Length} before anything parses it, and
 * a body without one (chunked) as soon as the limit is passed while reading it: 413 either way.
 * Multipart bodies (photos) are left to the resource that takes them, which has a limit of its own.
 */
public final class RequestBodies {

  static final long DEFAULT_MAX_BODY_SIZE = 1024 * 1024;
  static final int MAX_DEPTH = 32;
  static final long MAX_DISCARDED = 64L * 1024 * 1024;

  private RequestBodies() {}

  static long maxBodySize() {
    return ConfigProvider.getConfig()
        .getOptionalValue("tifli.api.max-body-size", Long.class)
        .orElse(DEFAULT_MAX_BODY_SIZE);
  }

  /**
   * Reads what is left of a refused body, up to {@value #MAX_DISCARDED} bytes, and drops it. A
   * client that is still sending when the answer comes may never read it (Java's own HTTP client
   * waits for the connection's idle timeout instead); once the body is in, every client reads the
   * 413.
   */
  static void discardRest(InputStream body) {
    byte[] buffer = new byte[64 * 1024];
    long left = MAX_DISCARDED;
    try {
      for (int read = 0; read != -1 && left > 0; read = body.read(buffer)) {
        left -= read;
      }
    } catch (IOException gone) {
      // The client stopped sending: nothing more to discard.
    }
  }

  static WebApplicationException tooLarge(long limit) {
    return new WebApplicationException(
        Problem.response(
            413,
            "Content Too Large",
            "the body is larger than the " + limit + " bytes the API accepts",
            List.of()));
  }

  static WebApplicationException badJson(String detail, String field, String message) {
    return new WebApplicationException(
        Problem.response(
            400,
            "Bad Request",
            detail,
            field == null ? List.of() : List.of(new Problem.FieldError(field, message))));
  }

  /** Refuses a body whose declared length is over the limit, before anything parses it. */
  @Provider
  @PreMatching
  public static class SizeLimit implements ContainerRequestFilter {

    private final long limit = maxBodySize();

    @Override
    public void filter(ContainerRequestContext request) {
      MediaType type = request.getMediaType();
      if (type != null && "multipart".equalsIgnoreCase(type.getType())) {
        return;
      }
      if (request.getLength() > limit) {
        discardRest(request.getEntityStream());
        request.abortWith(tooLarge(limit).getResponse());
      }
    }
  }

  /** Reads a JSON body within the limit and checks it is one clean document. */
  @Provider
  public static class JsonDocuments implements ReaderInterceptor {

    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private final long limit = maxBodySize();

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
      MediaType type = context.getMediaType();
      if (type == null || !isJson(type)) {
        return context.proceed();
      }
      String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
      if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
        throw new WebApplicationException(
            Problem.response(
                415, "Unsupported Media Type", "JSON is accepted in UTF-8 only", List.of()));
      }

      byte[] body = context.getInputStream().readNBytes((int) Math.min(limit + 1, 1 << 30));
      if (body.length > limit) {
        discardRest(context.getInputStream());
        throw tooLarge(limit);
      }
      String text = decode(body);
      check(text);
      try (JsonReader reader = Json.createReader(new StringReader(text))) {
        checkShape(reader.readValue(), context.getGenericType(), "body");
      }

      context.setInputStream(new ByteArrayInputStream(body));
      return context.proceed();
    }

    private static boolean isJson(MediaType type) {
      return type.getSubtype().equalsIgnoreCase("json")
          || type.getSubtype().toLowerCase().endsWith("+json");
    }

    private static String decode(byte[] body) {
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(body))
            .toString();
      } catch (CharacterCodingException e) {
        throw badJson("the body is not UTF-8 text", null, null);
      }
    }

    /** Walks the document once, keeping where it is so that a bad text names its field. */
    private static void check(String text) {
      Deque<Level> levels = new ArrayDeque<>();
      try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
        while (parser.hasNext()) {
          JsonParser.Event event = parser.next();
          switch (event) {
            case START_OBJECT, START_ARRAY -> {
              if (!levels.isEmpty()) {
                levels.peek().nextValue();
              }
              if (levels.size() == MAX_DEPTH) {
                throw badJson(
                    "the body is nested deeper than " + MAX_DEPTH + " levels", null, null);
              }
              levels.push(new Level(pathOf(levels), event == JsonParser.Event.START_ARRAY));
            }
            case END_OBJECT, END_ARRAY -> levels.pop();
            case KEY_NAME -> {
              Level object = levels.peek();
              String key = parser.getString();
              checkText(key, object.path());
              if (!object.keys.add(key)) {
                throw badJson(
                    "the body names a field twice", object.childPath(key), "given more than once");
              }
              object.key = key;
            }
            case VALUE_STRING -> {
              String field = levels.isEmpty() ? "body" : levels.peek().nextValue();
              checkText(parser.getString(), field);
            }
            default -> {
              if (!levels.isEmpty()) {
                levels.peek().nextValue();
              }
            }
          }
        }
      } catch (JsonParsingException e) {
        throw badJson(
            "the body is not valid JSON (line "
                + e.getLocation().getLineNumber()
                + ", column "
                + e.getLocation().getColumnNumber()
                + ")",
            null,
            null);
      }
    }

    /**
     * Checks that where the shape has a record (the body itself, a case's child, a likely place)
     * the body has an object or null. JSON-B does not: it takes the first element of {@code
     * [{...}]} for the object, and in {@code "likelyPlaces":["a park",{...}]} it skips the string
     * and stores one place.
     */
    private static void checkShape(JsonValue value, Type type, String path) {
      if (value.getValueType() == JsonValue.ValueType.NULL) {
        return;
      }
      if (type instanceof Class<?> shape && shape.isRecord()) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
          throw badJson("the body does not fit the expected JSON", path, "an object");
        }
        JsonObject object = value.asJsonObject();
        for (RecordComponent component : shape.getRecordComponents()) {
          JsonValue member = object.get(component.getName());
          if (member != null) {
            String field =
                path.equals("body") ? component.getName() : path + "." + component.getName();
            checkShape(member, component.getGenericType(), field);
          }
        }
      } else if (type instanceof ParameterizedType list
          && list.getRawType() instanceof Class<?> raw
          && Collection.class.isAssignableFrom(raw)
          && value.getValueType() == JsonValue.ValueType.ARRAY) {
        JsonArray elements = value.asJsonArray();
        for (int i = 0; i < elements.size(); i++) {
          checkShape(elements.get(i), list.getActualTypeArguments()[0], path + "[" + i + "]");
        }
      }
    }

    private static String pathOf(Deque<Level> levels) {
      return levels.isEmpty() ? "" : levels.peek().current();
    }

    private static void checkText(String text, String field) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          throw badJson(
              "a text holds a control character",
              field,
              "no control characters but tab and line breaks");
        }
        if (Character.isHighSurrogate(c)
            && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))) {
          throw badJson("a text is not valid Unicode", field, "half of a surrogate pair");
        }
        if (Character.isLowSurrogate(c)
            && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
          throw badJson("a text is not valid Unicode", field, "half of a surrogate pair");
        }
      }
    }

    /** One object or array being read, and the path to it, such as {@code guardians[0]}. */
    private static final class Level {

      private final String path;
      private final boolean array;
      private final Set<String> keys = new HashSet<>();
      private String key;
      private int index = -1;

      Level(String path, boolean array) {
        this.path = path;
        this.array = array;
      }

      String path() {
        return path.isEmpty() ? "body" : path;
      }

      /** The path of the value about to be read: the next element, or the last key's value. */
      String nextValue() {
        if (array) {
          index++;
        }
        return current();
      }

      String current() {
        return array ? path + "[" + index + "]" : childPath(key);
      }

      String childPath(String name) {
        return path.isEmpty() ? name : path + "." + name;
      }
    }
  }
}
