package org.tifli.infrastructure.platform;

import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tifli.domain.Platform;

/**
 * Fits a post to a platform's limit: the text, then a tail that is always kept whole (the link to
 * the alert's page and the delivery's tag, without which a post can be neither followed nor found
 * again). When the whole is too long, the text is cut at the last word that still fits, and an
 * ellipsis marks the cut; a text whose first word alone is too long is cut between two characters
 * as the reader sees them, never inside a letter with its marks (Arabic vowel signs stay on their
 * letter).
 *
 * <p>Lengths are counted as the platform counts them. X weighs text after NFC normalisation:
 * characters of the Latin, Greek, Cyrillic, Arabic, Hebrew and neighbouring blocks and some
 * punctuation count 1, all others 2 (so the ellipsis counts 2), and every link counts 23. Where X
 * might see a link that Tifli cannot be sure of (a bare domain name), the count takes the larger of
 * the two, so that a fitted post is never over. The other platforms count UTF-16 code units, which
 * is never less than what they count.
 */
public final class PostFitting {

  public static final String ELLIPSIS = "…";

  /** What X counts for a link, whatever its length: links become t.co addresses. */
  static final int X_LINK_WEIGHT = 23;

  private static final Pattern TOKEN = Pattern.compile("\\S+");
  private static final Pattern WEB_LINK =
      Pattern.compile("https?://", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern DOMAIN_LIKE = Pattern.compile("[\\p{L}\\p{N}-]\\.\\p{L}{2,}");

  /** Characters left at the end of a cut text before the ellipsis are not these. */
  private static final String DANGLING = ",;:-–—،؛";

  private PostFitting() {}

  /**
   * The text and the tail, the text shortened if need be so that the whole is within {@code limit}
   * as {@code platform} counts.
   *
   * @throws PlatformException needing a fix when the tail alone is over the limit
   */
  public static String fit(Platform platform, int limit, String text, String tail) {
    if (length(platform, tail) > limit) {
      throw PlatformException.needsFix(
          "the link and tag alone are longer than the "
              + limit
              + " characters "
              + platform
              + " takes");
    }
    String whole = text + tail;
    if (length(platform, whole) <= limit) {
      return whole;
    }
    IntPredicate fits = end -> length(platform, cut(text, end) + tail) <= limit;

    Integer atWord = largestFitting(wordEnds(text), fits);
    if (atWord != null) {
      return cut(text, atWord) + tail;
    }
    Integer atCharacter = largestFitting(characterEnds(text), fits);
    if (atCharacter != null) {
      return cut(text, atCharacter) + tail;
    }
    String bare = ELLIPSIS + tail;
    return length(platform, bare) <= limit ? bare : tail;
  }

  /** The text's length as the platform counts it. */
  public static int length(Platform platform, String text) {
    return platform == Platform.X ? xWeight(text) : text.length();
  }

  private static String cut(String text, int end) {
    String kept = text.substring(0, end).stripTrailing();
    int last = kept.length();
    while (last > 0 && DANGLING.indexOf(kept.charAt(last - 1)) >= 0) {
      last--;
    }
    return kept.substring(0, last).stripTrailing() + ELLIPSIS;
  }

  /** The positions where a word ends and a space begins, in increasing order. */
  private static List<Integer> wordEnds(String text) {
    List<Integer> ends = new ArrayList<>();
    for (int i = 1; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i)) && !Character.isWhitespace(text.charAt(i - 1))) {
        ends.add(i);
      }
    }
    return ends;
  }

  /** The boundaries between user-perceived characters, first to last, without 0. */
  private static List<Integer> characterEnds(String text) {
    BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
    characters.setText(text);
    List<Integer> ends = new ArrayList<>();
    for (int end = characters.next(); end != BreakIterator.DONE; end = characters.next()) {
      ends.add(end);
    }
    return ends;
  }

  /**
   * The largest candidate that fits, by bisection (a longer cut never counts less, but for a link
   * cut in the middle, so the result is checked and, if need be, the search walks down).
   */
  private static Integer largestFitting(List<Integer> candidates, IntPredicate fits) {
    int low = 0;
    int high = candidates.size() - 1;
    int found = -1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      if (fits.test(candidates.get(middle))) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    for (int i = found; i >= 0; i--) {
      if (fits.test(candidates.get(i))) {
        return candidates.get(i);
      }
    }
    return null;
  }

  private static int xWeight(String raw) {
    String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
    int weight = 0;
    int previousEnd = 0;
    Matcher token = TOKEN.matcher(text);
    while (token.find()) {
      weight += plainXWeight(text.substring(previousEnd, token.start()));
      weight += tokenXWeight(token.group());
      previousEnd = token.end();
    }
    return weight + plainXWeight(text.substring(previousEnd));
  }

  private static int tokenXWeight(String token) {
    Matcher link = WEB_LINK.matcher(token);
    if (link.find()) {
      int end = token.length();
      while (end > link.end() && !isLinkEnd(token.charAt(end - 1))) {
        end--;
      }
      return plainXWeight(token.substring(0, link.start()))
          + X_LINK_WEIGHT
          + plainXWeight(token.substring(end));
    }
    int plain = plainXWeight(token);
    return DOMAIN_LIKE.matcher(token).find() ? Math.max(plain, X_LINK_WEIGHT) : plain;
  }

  private static boolean isLinkEnd(char c) {
    return Character.isLetterOrDigit(c) || c == '/' || c == '_' || c == '=' || c == '#';
  }

  private static int plainXWeight(String text) {
    return text.codePoints().map(PostFitting::codePointXWeight).sum();
  }

  /** X's weights: the ranges that count 1, all else 2. */
  private static int codePointXWeight(int codePoint) {
    boolean light =
        codePoint <= 0x10FF
            || (codePoint >= 0x2000 && codePoint <= 0x200D)
            || (codePoint >= 0x2010 && codePoint <= 0x201F)
            || (codePoint >= 0x2032 && codePoint <= 0x2037);
    return light ? 1 : 2;
  }
}
