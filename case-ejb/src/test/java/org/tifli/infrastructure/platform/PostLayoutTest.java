package org.tifli.infrastructure.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tifli.domain.Platform;

/** What each platform gets of a post: the link and the tag whole, the text fitted to its limit. */
class PostLayoutTest {

  private static final String LINK = "https://tifli.example/tifli/alerts/4242";
  private static final String TAG = "[tifli-1000000]";
  private static final String ARABIC =
      "طفل مختفٍ: سلمى بناني، 9 سنة، شوهد آخر مرة في باب المدرسة، شارع الزرقطوني بتاريخ"
          + " 2026-11-30 17:45. إذا رأيت هذا الطفل، اتصل بالشرطة على الرقم 19. الملف MC-2026-000123.";

  @Test
  void anXPostKeepsTheLinkAndTagAndFits280AsXCounts() {
    AlertPost post = new AlertPost(ARABIC.repeat(3), LINK, TAG);

    String fitted = PostLayout.fitted(Platform.X, post);

    assertThat(fitted).endsWith("\n\n" + LINK + "\n" + TAG).contains(PostFitting.ELLIPSIS);
    assertThat(PostFitting.length(Platform.X, fitted)).isLessThanOrEqualTo(280);
    assertThat(PostLayout.limit(Platform.X, post)).isEqualTo(280);
  }

  @Test
  void aTelegramPostWithAPhotoIsACaptionOf1024AtMost() {
    AlertPost post = new AlertPost(ARABIC.repeat(10), LINK, TAG).withPhoto(LINK + "/photo");

    String fitted = PostLayout.fitted(Platform.TELEGRAM, post);

    assertThat(PostLayout.limit(Platform.TELEGRAM, post)).isEqualTo(1024);
    assertThat(fitted.length()).isLessThanOrEqualTo(1024);
    assertThat(fitted).endsWith(LINK + "\n" + TAG);
    assertThat(PostLayout.limit(Platform.TELEGRAM, new AlertPost("x", LINK, TAG))).isEqualTo(4096);
  }

  @Test
  void facebookCarriesTheLinkBesideTheTextAndAWebhookTheTextAlone() {
    AlertPost post = new AlertPost(ARABIC, LINK, TAG);

    assertThat(PostLayout.fitted(Platform.FACEBOOK, post)).isEqualTo(ARABIC + "\n\n" + TAG);
    assertThat(PostLayout.fitted(Platform.INSTAGRAM, post))
        .isEqualTo(ARABIC + "\n\n" + LINK + "\n\n" + TAG);
    assertThat(PostLayout.fitted(Platform.WEBHOOK, post)).isEqualTo(ARABIC);
  }

  @Test
  void aShortArabicPostIsLeftWhole() {
    AlertPost post = new AlertPost(ARABIC, LINK, TAG);

    assertThat(PostLayout.fitted(Platform.TELEGRAM, post))
        .isEqualTo(ARABIC + PostLayout.tail(Platform.TELEGRAM, post));
  }
}
