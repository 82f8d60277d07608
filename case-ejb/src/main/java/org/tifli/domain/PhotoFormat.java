package org.tifli.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats a case photo may have, recognised from the file's first bytes: the name and the
 * declared content type of an upload say nothing reliable.
 */
public enum PhotoFormat {
  JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
  PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

  private final String mediaType;
  private final byte[] signature;

  PhotoFormat(String mediaType, byte[] signature) {
    this.mediaType = mediaType;
    this.signature = signature;
  }

  /** The format whose signature the content starts with, if any. */
  public static Optional<PhotoFormat> of(byte[] content) {
    return Arrays.stream(values()).filter(f -> f.startsOf(content)).findFirst();
  }

  private boolean startsOf(byte[] content) {
    return content.length >= signature.length
        && Arrays.equals(content, 0, signature.length, signature, 0, signature.length);
  }

  public String mediaType() {
    return mediaType;
  }
}
