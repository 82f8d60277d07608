package org.tifli.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.tifli.domain.AuditEntry;

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

  /** The changes as JSON, short enough for the audit trail's column. */
  public String toJson() {
    return toJson(AuditEntry.CHANGES_LENGTH);
  }

  /**
   * The changes as JSON of at most {@code maxLength} characters. When the values do not fit whole
   * (a revision that rewrites every long text of a case), the longest are cut to one common length
   * and end with an ellipsis; short values such as a status or a date always stay whole.
   */
  String toJson(int maxLength) {
    String whole = render(Integer.MAX_VALUE);
    if (whole.length() <= maxLength) {
      return whole;
    }
    int shortest = 0;
    int longest = longestValue();
    while (shortest < longest) {
      int cut = (shortest + longest + 1) >>> 1;
      if (render(cut).length() <= maxLength) {
        shortest = cut;
      } else {
        longest = cut - 1;
      }
    }
    // The field names alone always fit: a case has a bounded number of audited fields.
    return render(shortest);
  }

  private int longestValue() {
    int longest = 0;
    for (String[] values : fields.values()) {
      for (String value : values) {
        longest = Math.max(longest, value == null ? 0 : value.length());
      }
    }
    return longest;
  }

  private String render(int cut) {
    StringBuilder json = new StringBuilder("{");
    fields.forEach(
        (field, values) -> {
          if (json.length() > 1) {
            json.append(',');
          }
          quote(json, field).append(":{");
          if (values[0] != null) {
            quote(json.append("\"from\":"), shortened(values[0], cut)).append(',');
          }
          json.append("\"to\":");
          if (values[1] == null) {
            json.append("null");
          } else {
            quote(json, shortened(values[1], cut));
          }
          json.append('}');
        });
    return json.append('}').toString();
  }

  private static String shortened(String value, int cut) {
    if (value.length() <= cut) {
      return value;
    }
    int end = Character.isLowSurrogate(value.charAt(cut)) ? cut - 1 : cut;
    return value.substring(0, Math.max(end, 0)) + "\u2026";
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
