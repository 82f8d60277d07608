package org.tifli.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tifli.domain.InvalidRequestException;

/** A channel's languages must be ones Tifli writes posts in. */
class ChannelLanguagesTest {

  @Test
  void arabicFrenchEnglishAndTamazightAreTakenInTheOrderGiven() {
    assertThat(ChannelDirectory.checkedLanguages(List.of("zgh", "ar", "fr", "en")))
        .containsExactly("zgh", "ar", "fr", "en");
  }

  @Test
  void aLanguageTifliCannotWriteIsRefusedNotReplaced() {
    InvalidRequestException refused =
        assertThrows(
            InvalidRequestException.class,
            () -> ChannelDirectory.checkedLanguages(List.of("fr", "es")));

    assertThat(refused.field()).isEqualTo("languages");
    assertThat(refused).hasMessageContaining("es").hasMessageContaining("ar, fr, en, zgh");
  }

  @Test
  void noLanguageATwiceNamedOneOrNullIsRefused() {
    assertThrows(InvalidRequestException.class, () -> ChannelDirectory.checkedLanguages(List.of()));
    assertThrows(
        InvalidRequestException.class,
        () -> ChannelDirectory.checkedLanguages(List.of("ar", "ar")));
    assertThrows(
        InvalidRequestException.class,
        () -> ChannelDirectory.checkedLanguages(Arrays.asList("fr", null)));
    // A code is not a name, nor the tag of a region.
    assertThrows(
        InvalidRequestException.class, () -> ChannelDirectory.checkedLanguages(List.of("ber")));
  }
}
