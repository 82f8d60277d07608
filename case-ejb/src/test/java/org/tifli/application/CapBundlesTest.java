package org.tifli.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every language of CAP messages says all that the English one says, in patterns that parse. */
class CapBundlesTest {

  @ParameterizedTest
  @ValueSource(strings = {"_ar", "_fr", "_zgh"})
  void eachLanguageHasEveryTextOfTheCapMessages(String suffix) throws IOException {
    Properties base = load("cap");
    Properties own = load("cap" + suffix);

    assertThat(own.stringPropertyNames()).isEqualTo(base.stringPropertyNames());
    for (String key : base.stringPropertyNames()) {
      assertThat(new MessageFormat(own.getProperty(key)).getFormats())
          .as(key)
          .hasSameSizeAs(new MessageFormat(base.getProperty(key)).getFormats());
    }
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
            CapBundlesTest.class.getResourceAsStream(
                "/org/tifli/application/" + name + ".properties");
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}
