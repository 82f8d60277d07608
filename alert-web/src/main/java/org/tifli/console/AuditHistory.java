package org.tifli.console;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tifli.domain.AuditEntry;

/**
 * The audit trail of one thing (a channel, a message template) as the administrators' pages show
 * it: when, who, what, and each field that changed with its value before and after. The trail keeps
 * no secret, only that one changed, so nothing here can show one.
 */
final class AuditHistory {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** One entry of the trail. */
  public record Entry(String when, String who, String action, List<Change> changes)
      implements Serializable {}

  /**
   * One field of an entry.
   *
   * @param from its value before; null when the action set it (a registration, a reason)
   */
  public record Change(String field, String from, String to) implements Serializable {}

  private AuditHistory() {}

  static List<Entry> of(List<AuditEntry> entries, ZoneId zone) {
    return entries.stream().map(entry -> entry(entry, zone)).toList();
  }

  private static Entry entry(AuditEntry entry, ZoneId zone) {
    List<Change> changes = new ArrayList<>();
    try (JsonReader reader = Json.createReader(new StringReader(entry.changes()))) {
      for (Map.Entry<String, JsonValue> field : reader.readObject().entrySet()) {
        changes.add(change(field.getKey(), field.getValue()));
      }
    }
    return new Entry(
        WHEN.format(entry.occurredAt().atZone(zone)),
        entry.actor().name(),
        entry.action(),
        changes);
  }

  private static Change change(String field, JsonValue value) {
    if (value.getValueType() == JsonValue.ValueType.OBJECT) {
      JsonObject fromTo = value.asJsonObject();
      return new Change(field, text(fromTo.get("from")), text(fromTo.get("to")));
    }
    return new Change(field, null, text(value));
  }

  private static String text(JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() == JsonValue.ValueType.STRING) {
      return ((JsonString) value).getString();
    }
    return value.toString();
  }
}
