package org.tifli.infrastructure.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What partner systems get beside the post's text: the alert's identity and state and its text in
 * every language of the channel. Social platforms take only the text; a webhook sends all of it.
 *
 * @param status the alert's status when the post was written, e.g. {@code ACTIVE} or {@code
 *     RESOLVED}
 * @param texts the post's text by language tag ({@code ar}, {@code fr}, {@code en}), in the
 *     channel's order of languages
 */
public record AlertFacts(
    long alertId, String caseReference, String status, Map<String, String> texts) {

  public AlertFacts {
    Objects.requireNonNull(caseReference);
    Objects.requireNonNull(status);
    texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
  }
}
