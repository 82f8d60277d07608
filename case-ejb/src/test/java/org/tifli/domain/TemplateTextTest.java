package org.tifli.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TemplateTextTest {

  private static final String ALERT =
      "ENFANT DISPARU : {name}, {age} ans, vu à {place} le {seenAt}. Dossier {reference}.";

  @Test
  void aTemplateThatUsesItsOwnPlaceholdersIsValid() {
    assertThat(TemplateText.problems(PostKind.ALERT, ALERT)).isEmpty();
    assertThat(TemplateText.problems(PostKind.CLOSING_RESOLVED, "Retrouvé. Dossier {reference}."))
        .isEmpty();
  }

  @Test
  void anUnknownPlaceholderIsNamedWithThoseTheTemplateMayUse() {
    assertThat(TemplateText.problems(PostKind.ALERT, "Disparu : {name}, {prenom}."))
        .singleElement()
        .asString()
        .contains("{prenom}", "{name}", "{age}", "{place}", "{seenAt}", "{reference}");
  }

  @Test
  void theLinkIsNoPlaceholderBecauseEveryPostCarriesItAfterTheText() {
    assertThat(TemplateText.problems(PostKind.ALERT, "Disparu : {name}. {link}"))
        .singleElement()
        .asString()
        .contains("{link}", "follows the text");
  }

  @ParameterizedTest
  @EnumSource(
      value = PostKind.class,
      names = {"CLOSING_RESOLVED", "CLOSING_CANCELLED", "CLOSING_EXPIRED"})
  void aClosingMessageNamesNobody(PostKind closing) {
    assertThat(TemplateText.problems(closing, "{name} a été retrouvé. Dossier {reference}."))
        .singleElement()
        .asString()
        .contains("names nobody", "{name}");
  }

  @Test
  void anAlertMustNameTheChildAndAClosingMustGiveTheReference() {
    assertThat(TemplateText.problems(PostKind.UPDATE, "Mise à jour du dossier {reference}."))
        .singleElement()
        .asString()
        .startsWith("{name} is missing");
    assertThat(TemplateText.problems(PostKind.CLOSING_EXPIRED, "Alerte terminée."))
        .singleElement()
        .asString()
        .startsWith("{reference} is missing");
  }

  @Test
  void everyProblemOfATextIsReportedAtOnce() {
    String text = "x".repeat(TemplateText.MAX_LENGTH) + " {nom} {";

    assertThat(TemplateText.problems(PostKind.ALERT, text))
        .hasSize(4)
        .anySatisfy(p -> assertThat(p).startsWith("at most 1000 characters"))
        .anySatisfy(p -> assertThat(p).startsWith("braces only surround a placeholder"))
        .anySatisfy(p -> assertThat(p).contains("{nom}"))
        .anySatisfy(p -> assertThat(p).startsWith("{name} is missing"));
  }

  @Test
  void aBraceThatOpensNoPlaceholderIsRefused() {
    for (String text :
        new String[] {"{name} {", "{name} }", "{ name }", "{name} {{reference}}", "{name} {}"}) {
      assertThat(TemplateText.problems(PostKind.ALERT, text))
          .as(text)
          .anySatisfy(p -> assertThat(p).startsWith("braces only surround"));
    }
  }

  @Test
  void blankTextsAndControlCharactersAreRefusedLineBreaksAreNot() {
    assertThat(TemplateText.problems(PostKind.ALERT, "  "))
        .containsExactly("a template needs some text");
    assertThat(TemplateText.problems(PostKind.ALERT, null)).hasSize(1);
    assertThat(TemplateText.problems(PostKind.ALERT, "{name}\u0007"))
        .containsExactly("no control characters but line breaks and tabs");
    assertThat(TemplateText.problems(PostKind.ALERT, "{name}\n\tDossier {reference}")).isEmpty();
  }

  @Test
  void renderingFillsThePlaceholdersAndKeepsArabicIntact() {
    String template = "طفل مختفٍ: {name}، {age} سنة. الملف {reference}.";

    String text =
        TemplateText.render(
            template, Map.of("name", "سلمى بناني", "age", "9", "reference", "MC-2026-000123"));

    assertThat(text).isEqualTo("طفل مختفٍ: سلمى بناني، 9 سنة. الملف MC-2026-000123.");
  }

  @Test
  void renderingTakesValuesLiterallyAndLeavesAPlaceholderWithoutValueAsWritten() {
    String text = TemplateText.render("{name} {age}", Map.of("name", "$1 \\ {age}"));

    assertThat(text).isEqualTo("$1 \\ {age} {age}");
  }

  @Test
  void apostrophesAndPercentSignsAreJustText() {
    String template = "L'enfant {name} : 100 % des partages comptent. Dossier {reference}.";

    assertThat(TemplateText.problems(PostKind.ALERT, template)).isEmpty();
    assertThat(TemplateText.render(template, Map.of("name", "Salma", "reference", "MC-1")))
        .isEqualTo("L'enfant Salma : 100 % des partages comptent. Dossier MC-1.");
  }
}
