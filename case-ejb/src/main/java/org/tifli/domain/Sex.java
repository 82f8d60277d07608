package org.tifli.domain;

/** The child's sex as recorded at intake. */
public enum Sex {
  FEMALE,
  MALE
}
