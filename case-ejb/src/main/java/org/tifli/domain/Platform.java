package org.tifli.domain;

/** The kinds of channel an alert can be published on. */
public enum Platform {
  FACEBOOK,
  INSTAGRAM,
  X,
  TELEGRAM,
  WEBHOOK
}
