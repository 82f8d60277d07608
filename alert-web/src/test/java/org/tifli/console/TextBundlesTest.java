package org.tifli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tifli.domain.Role;

/** Every text of the console exists in Arabic, French and English, the base bundle's language. */
class TextBundlesTest {

  /** One file of the bundle as it is, without the base bundle behind it. */
  private static Properties file(String suffix) throws IOException {
    Properties texts = new Properties();
    try (InputStream in =
        TextBundlesTest.class.getResourceAsStream(
            "/org/tifli/console/text" + suffix + ".properties")) {
      texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return texts;
  }

  @ParameterizedTest
  @ValueSource(strings = {"_ar", "_fr"})
  void aTranslationHasEveryKeyOfTheBaseAndNoOther(String suffix) throws IOException {
    Properties base = file("");

    Properties translation = file(suffix);

    assertThat(translation.stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(base.stringPropertyNames());
    assertThat(translation.values()).allSatisfy(text -> assertThat((String) text).isNotBlank());
  }

  @Test
  void everyPageAndRoleHasAName() throws IOException {
    Properties base = file("");

    for (ConsolePage page : ConsolePage.values()) {
      assertThat(base.getProperty(page.labelKey())).as("%s", page).isNotBlank();
    }
    for (Role role : Role.values()) {
      assertThat(base.getProperty("role." + role.groupName())).as("%s", role).isNotBlank();
    }
  }
}
