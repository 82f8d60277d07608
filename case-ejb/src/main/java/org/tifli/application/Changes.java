package org.tifli.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an audited action changed: field by field, the value before and after, kept in the audit
 * trail as a JSON object such as {@code {"status":{"from":"PENDING_APPROVAL","to":"ACTIVE"}}}.
 * Secrets are recorded with {@link #secret} as the mere fact of a change.
 */
public final class Changes {

  private final Map<String, String[]> fields = new LinkedHashMap<>();

  private Changes() {}

  public static Changes none() {
    return new Changes();
  }

  /** A field set at creation, or a value worth keeping with the action (a reason, an outcome). */
  public static Changes of(String field, Object value) {
    return none().set(field, value);
  }

  /** Records the field's new value; a value equal to the old one records nothing. */
  public Changes change(String field, Object from, Object to) {
    if (!Objects.equals(from, to)) {
      fields.put(field, new String[] {text(from), text(to)});
    }
    return this;
  }

  /** Every field whose value differs between the two views; fields missing from one are null. */
  public static Changes between(Map<String, String> before, Map<String, String> after) {
    Changes changes = none();
    Map<String, String> union = new LinkedHashMap<>(before);
    after.forEach(union::putIfAbsent);
    union.keySet().forEach(field -> changes.change(field, before.get(field), after.get(field)));
    return changes;
  }

  public Changes set(String field, Object value) {
    fields.put(field, new String[] {null, text(value)});
    return this;
  }

  /** A secret that changed, without either value. */
  public Changes secret(String field) {
    fields.put(field, new String[] {null, "(changed)"});
    return this;
  }

  public boolean isEmpty() {
    return fields.isEmpty();
  }

  public String toJson() {
    StringBuilder json = new StringBuilder("{");
    fields.forEach(
        (field, values) -> {
          if (json.length() > 1) {
            json.append(',');
          }
          quote(json, field).append(":{");
          if (values[0] != null) {
            quote(json.append("\"from\":"), values[0]).append(',');
          }
          json.append("\"to\":");
          if (values[1] == null) {
            json.append("null");
          } else {
            quote(json, values[1]);
          }
          json.append('}');
        });
    return json.append('}').toString();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static StringBuilder quote(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"');
  }
}
