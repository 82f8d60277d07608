package org.tifli.domain;

/**
 * The kinds of channel an alert can be published on, each with the longest text it takes.
 *
 * <p>Limits are in the platform's own count: X counts a URL as 23 and most characters outside
 * Latin, Greek, Cyrillic, Arabic, Hebrew and similar scripts (CJK, emoji, the ellipsis) as 2;
 * Telegram counts UTF-16 code units. A post with a photo carries its text as a caption, which
 * Telegram limits more tightly than a message. Webhooks have no platform limit; theirs only keeps a
 * partner's request reasonable.
 */
public enum Platform {
  FACEBOOK(63_206, 63_206),
  INSTAGRAM(2_200, 2_200),
  X(280, 280),
  TELEGRAM(4_096, 1_024),
  WEBHOOK(65_536, 65_536);

  private final int textLimit;
  private final int captionLimit;

  Platform(int textLimit, int captionLimit) {
    this.textLimit = textLimit;
    this.captionLimit = captionLimit;
  }

  /** The longest text of a post without a photo. */
  public int textLimit() {
    return textLimit;
  }

  /** The longest text that goes with a photo. */
  public int captionLimit() {
    return captionLimit;
  }
}
