package org.tifli.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangesTest {

  @Test
  void fieldsKeepTheirOrderWithBeforeAndAfter() {
    String json =
        Changes.none()
            .change("status", "PENDING_APPROVAL", "ACTIVE")
            .set("areas", "MA-CAS,MA-06")
            .toJson();

    assertThat(json)
        .isEqualTo(
            "{\"status\":{\"from\":\"PENDING_APPROVAL\",\"to\":\"ACTIVE\"},"
                + "\"areas\":{\"to\":\"MA-CAS,MA-06\"}}");
  }

  @Test
  void anUnchangedValueRecordsNothing() {
    Changes changes = Changes.none().change("place", "Souk", "Souk");

    assertThat(changes.isEmpty()).isTrue();
    assertThat(changes.toJson()).isEqualTo("{}");
  }

  @Test
  void aSecretIsRecordedOnlyAsChanged() {
    assertThat(Changes.none().secret("secret").toJson())
        .isEqualTo("{\"secret\":{\"to\":\"(changed)\"}}");
  }

  @Test
  void quotesBackslashesControlCharactersAndArabicSurviveAsJson() {
    String json = Changes.of("note", "say \"hi\"\\\n\u0001 مرحبا").toJson();

    assertThat(json).isEqualTo("{\"note\":{\"to\":\"say \\\"hi\\\"\\\\\\n\\u0001 مرحبا\"}}");
  }

  @Test
  void aValueClearedToNothingIsNull() {
    assertThat(Changes.none().change("vehicle", "white van", null).toJson())
        .isEqualTo("{\"vehicle\":{\"from\":\"white van\",\"to\":null}}");
  }

  @Test
  void longValuesAreCutSoThatTheWholeFitsAndShortOnesStayWhole() {
    Changes changes =
        Changes.none()
            .change("status", "OPEN", "RESOLVED")
            .change("circumstances", "a".repeat(4000), "b".repeat(4000))
            .change("suspect", null, "c".repeat(4000));

    String json = changes.toJson(1000);

    assertThat(json.length()).isLessThanOrEqualTo(1000).isGreaterThan(900);
    assertThat(json).contains("\"status\":{\"from\":\"OPEN\",\"to\":\"RESOLVED\"}");
    assertThat(json).contains("aaa\u2026\"", "bbb\u2026\"", "ccc\u2026\"");
  }

  @Test
  void aCutNeverSplitsACharacterOutsideTheBasicPlane() {
    String json = Changes.of("note", "\uD83D\uDE00".repeat(100)).toJson(42);

    assertThat(json).endsWith("\u2026\"}}");
    assertThat(json.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE))
        .isTrue();
  }

  @Test
  void whatFitsIsKeptWhole() {
    String json = Changes.of("circumstances", "x".repeat(4000)).toJson();

    assertThat(json).contains("x".repeat(4000)).doesNotContain("\u2026");
  }
}
