package org.tifli.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;

/**
 * The JSON binding of the API, stricter than JSON-B's default about the types of values.
 *
 * <p>Left to itself, JSON-B turns {@code "suspectedAbduction":"yes"} into {@code false}, {@code
 * "exercise":1} into {@code false}, {@code "heightCm":120.7} into 120 and {@code "givenName":12}
 * into {@code "12"}: a police system would store something the sender did not say. Here a boolean
 * is {@code true} or {@code false}, a number is a JSON number (a whole one where the field is an
 * integer), a text is a JSON string; anything else is a 400 naming the field.
 *
 * <p>Primitive fields ({@code boolean}, {@code int}) escape these checks, so the API's shapes use
 * the boxed types.
 */
@Provider
public class StrictJson implements ContextResolver<Jsonb> {

  private final Jsonb jsonb =
      JsonbBuilder.create(
          new JsonbConfig()
              .withDeserializers(
                  new Booleans(), new Integers(), new Longs(), new Doubles(), new Texts()));

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }

  /** A value of the wrong JSON type; its message is said to the caller. */
  static final class WrongType extends JsonbException {

    private static final long serialVersionUID = 1L;

    WrongType(String message) {
      super(message);
    }
  }

  private static final class Booleans implements JsonbDeserializer<Boolean> {

    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
      JsonValue value = parser.getValue();
      return switch (value.getValueType()) {
        case TRUE -> Boolean.TRUE;
        case FALSE -> Boolean.FALSE;
        case NULL -> null;
        default -> throw new WrongType("true or false");
      };
    }
  }

  private static final class Integers implements JsonbDeserializer<Integer> {

    @Override
    public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
      JsonNumber number = number(parser.getValue());
      if (number == null) {
        return null;
      }
      try {
        return number.intValueExact();
      } catch (ArithmeticException e) {
        throw new WrongType("a whole number");
      }
    }
  }

  private static final class Longs implements JsonbDeserializer<Long> {

    @Override
    public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
      JsonNumber number = number(parser.getValue());
      if (number == null) {
        return null;
      }
      try {
        return number.longValueExact();
      } catch (ArithmeticException e) {
        throw new WrongType("a whole number");
      }
    }
  }

  private static final class Doubles implements JsonbDeserializer<Double> {

    @Override
    public Double deserialize(JsonParser parser, DeserializationContext context, Type type) {
      JsonNumber number = number(parser.getValue());
      // A number beyond double's range becomes an infinity, which the shapes' bounds refuse.
      return number == null ? null : number.doubleValue();
    }
  }

  private static final class Texts implements JsonbDeserializer<String> {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
      JsonValue value = parser.getValue();
      return switch (value.getValueType()) {
        case STRING -> ((JsonString) value).getString();
        case NULL -> null;
        default -> throw new WrongType("a text in quotes");
      };
    }
  }

  /** The number, null for JSON null; a string such as {@code "12"} or {@code "NaN"} is refused. */
  private static JsonNumber number(JsonValue value) {
    return switch (value.getValueType()) {
      case NUMBER -> (JsonNumber) value;
      case NULL -> null;
      default -> throw new WrongType("a number");
    };
  }
}
