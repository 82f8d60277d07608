package org.tifli.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tifli.domain.PostKind;
import org.tifli.domain.PostLanguage;
import org.tifli.domain.TemplateText;

/** The templates Tifli ships: one per language and kind, each valid, each in its own language. */
class ShippedTemplatesTest {

  private final Locale serverLocale = Locale.getDefault();

  @AfterEach
  void restoreLocale() {
    Locale.setDefault(serverLocale);
  }

  @ParameterizedTest
  @EnumSource(PostLanguage.class)
  void everyShippedTemplateIsAValidTemplateOfItsKind(PostLanguage language) {
    for (PostKind kind : PostKind.values()) {
      String shipped = PostComposer.shippedTemplate(language, kind);

      assertThat(TemplateText.problems(kind, shipped)).as(language + "/" + kind).isEmpty();
    }
  }

  @Test
  void eachLanguageHasItsOwnWords() {
    assertThat(PostComposer.shippedTemplate(PostLanguage.AR, PostKind.ALERT)).contains("طفل مختفٍ");
    assertThat(PostComposer.shippedTemplate(PostLanguage.FR, PostKind.ALERT))
        .contains("ENFANT DISPARU");
    assertThat(PostComposer.shippedTemplate(PostLanguage.EN, PostKind.ALERT))
        .contains("MISSING CHILD");
    assertThat(PostComposer.shippedTemplate(PostLanguage.ZGH, PostKind.ALERT))
        .contains("ⴰⵔⴱⴰ ⵉⵖⴰⴱⵏ");
  }

  @Test
  void tamazightIsWrittenInTifinagh() {
    for (PostKind kind : PostKind.values()) {
      String words =
          PostComposer.shippedTemplate(PostLanguage.ZGH, kind)
              .replaceAll("\\{[A-Za-z]+\\}", "")
              .replaceAll("[\\p{P}\\p{N}\\s]", "");

      assertThat(words.codePoints())
          .as(kind.name())
          .allMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.TIFINAGH);
    }
  }

  @Test
  void englishIsEnglishWhateverTheServersLocale() {
    Locale.setDefault(Locale.FRANCE);

    assertThat(PostComposer.shippedTemplate(PostLanguage.EN, PostKind.CLOSING_RESOLVED))
        .startsWith("The child has been found");
  }
}
