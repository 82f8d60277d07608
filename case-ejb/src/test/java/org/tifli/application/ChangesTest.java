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
}
