package org.tifli.application;

import java.util.List;

/**
 * What an administrator changes of a channel. A field left null keeps its value; in particular a
 * channel keeps its secret unless a new one is given. The area, the platform and the account are
 * what the channel is, and never change: another account is another channel.
 *
 * @param languages the languages of its posts, among ar, fr, en, zgh
 * @param exercise whether it takes exercise alerts
 * @param secret a new credential; giving one (even the same again) after a fix made on the
 *     platform's side puts a channel that needs a fix back in service
 */
public record ChannelRevision(List<String> languages, Boolean exercise, String secret) {

  /** Hides the secret from any text form of the revision. */
  @Override
  public String toString() {
    return "ChannelRevision[languages="
        + languages
        + ", exercise="
        + exercise
        + ", secret="
        + (secret == null ? "unchanged" : "(new)")
        + "]";
  }
}
