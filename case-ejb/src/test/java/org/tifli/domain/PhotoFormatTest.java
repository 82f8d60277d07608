package org.tifli.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PhotoFormatTest {

  @Test
  void jpegAndPngAreRecognisedFromTheirFirstBytes() {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

    assertThat(PhotoFormat.of(jpeg)).contains(PhotoFormat.JPEG);
    assertThat(PhotoFormat.of(png)).contains(PhotoFormat.PNG);
    assertThat(PhotoFormat.JPEG.mediaType()).isEqualTo("image/jpeg");
    assertThat(PhotoFormat.PNG.mediaType()).isEqualTo("image/png");
  }

  @Test
  void anythingElseIsNoPhotoWhateverItsNameWouldSay() {
    assertThat(PhotoFormat.of("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(PhotoFormat.of("<svg onload=x>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(PhotoFormat.of(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
    assertThat(PhotoFormat.of(new byte[0])).isEmpty();
  }
}
