package org.tifli.infrastructure.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tifli.domain.Platform;

class PostFittingTest {

  private static final String TAIL = "\n\nhttps://tifli.example/tifli/alerts/42\n[tifli-77]";
  private static final String ARABIC =
      "طفل مختفٍ: ياسمين العلوي، 8 سنة، شوهد آخر مرة في درب غلف بتاريخ 2026-12-03 08:30.";

  @Test
  void aTextThatFitsIsLeftAsItIs() {
    assertThat(PostFitting.fit(Platform.TELEGRAM, 4096, "ENFANT DISPARU", TAIL))
        .isEqualTo("ENFANT DISPARU" + TAIL);
  }

  @Test
  void aLongTextIsCutAtTheLastWordThatFitsAndMarkedWithAnEllipsis() {
    String fitted =
        PostFitting.fit(
            Platform.TELEGRAM, 30 + TAIL.length(), "one two three four five six seven eight", TAIL);

    assertThat(fitted).isEqualTo("one two three four five six…" + TAIL);
    assertThat(fitted.length()).isLessThanOrEqualTo(30 + TAIL.length());
  }

  @Test
  void aCommaBeforeTheCutIsDropped() {
    assertThat(PostFitting.fit(Platform.TELEGRAM, 12, "Casablanca, Rabat, Fès", ""))
        .isEqualTo("Casablanca…");
  }

  @Test
  void theLinkAndTheTagAreKeptWhateverTheText() {
    String fitted = PostFitting.fit(Platform.X, 280, "mot ".repeat(500), TAIL);

    assertThat(fitted).endsWith(TAIL).contains("…");
    assertThat(PostFitting.length(Platform.X, fitted)).isLessThanOrEqualTo(280);
  }

  @Test
  void xCountsEveryLinkAsTwentyThree() {
    String link = "https://tifli.example/tifli/alerts/" + "9".repeat(100);

    assertThat(PostFitting.length(Platform.X, link)).isEqualTo(23);
    assertThat(PostFitting.length(Platform.X, "voir " + link + ".")).isEqualTo(5 + 23 + 1);
  }

  @Test
  void xCountsArabicAsOneAndTheEllipsisCjkAndEmojiAsTwo() {
    assertThat(PostFitting.length(Platform.X, "طفل")).isEqualTo(3);
    assertThat(PostFitting.length(Platform.X, "…")).isEqualTo(2);
    assertThat(PostFitting.length(Platform.X, "失踪")).isEqualTo(4);
    assertThat(PostFitting.length(Platform.X, "🙏")).isEqualTo(2);
  }

  @Test
  void xCountsABareDomainAsALinkAtLeast() {
    assertThat(PostFitting.length(Platform.X, "tifli.ma")).isEqualTo(23);
  }

  @Test
  void otherPlatformsCountUtf16Units() {
    assertThat(PostFitting.length(Platform.TELEGRAM, "🙏a")).isEqualTo(3);
  }

  @Test
  void arabicTextIsCutBetweenWordsAndStaysWhole() {
    String fitted = PostFitting.fit(Platform.X, 60 + 23, ARABIC, "\n\nhttps://t.example/a");

    String kept = fitted.substring(0, fitted.indexOf("…"));
    assertThat(ARABIC).startsWith(kept);
    assertThat(Character.isWhitespace(ARABIC.charAt(kept.length()))).isTrue();
    assertThat(PostFitting.length(Platform.X, fitted)).isLessThanOrEqualTo(83);
  }

  @Test
  void aWordTooLongToKeepIsCutBetweenCharactersNeverInsideALetterWithItsMarks() {
    // Each letter carries a vowel sign (fatha, U+064E): the pair is one character to a reader.
    String word = "بَ".repeat(40);

    String fitted = PostFitting.fit(Platform.TELEGRAM, 21, word, "");

    String kept = fitted.substring(0, fitted.length() - 1);
    assertThat(fitted).endsWith("…");
    assertThat(kept.length()).isEven().isLessThanOrEqualTo(20);
    assertThat(word).startsWith(kept);
  }

  @Test
  void anEmojiIsNeverSplitInHalf() {
    String fitted = PostFitting.fit(Platform.TELEGRAM, 6, "🙏🙏🙏🙏🙏", "");

    assertThat(fitted).isEqualTo("🙏🙏…");
  }

  @Test
  void aTailLongerThanTheLimitNeedsAFix() {
    PlatformException e =
        assertThrows(PlatformException.class, () -> PostFitting.fit(Platform.X, 10, "text", TAIL));

    assertThat(e.retryLater()).isFalse();
    assertThat(e).hasMessageContaining("10 characters X takes");
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void noFittedPostIsEverOverItsPlatformsLimit(Platform platform) {
    Random random = new Random(platform.ordinal());
    String[] words = {
      "ENFANT", "disparu", "طفل", "مختفٍ", "失踪", "🙏", "tifli.ma", "https://a.b/c", "—", "19."
    };
    for (int round = 0; round < 200; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(platform.textLimit() / 2 + 400);
      while (text.length() < length) {
        text.append(words[random.nextInt(words.length)])
            .append(random.nextInt(5) == 0 ? "\n" : " ");
      }
      int limit = random.nextBoolean() ? platform.textLimit() : platform.captionLimit();
      limit = Math.min(limit, 60 + random.nextInt(300));

      String fitted = PostFitting.fit(platform, limit, text.toString(), TAIL);

      assertThat(PostFitting.length(platform, fitted)).isLessThanOrEqualTo(limit);
      assertThat(fitted).endsWith(TAIL);
    }
  }
}
