package org.tifli.api;

import java.util.List;

/**
 * One page of a list: its items, which page it is (from 0), the page size asked for, and how many
 * items the whole list holds. Every list of the API that can grow is answered this way, a page at a
 * time, with the query parameters {@code page} (from 0, at most {@link #LAST_PAGE}) and {@code
 * size} (1 to {@link #MAX_SIZE}, default {@link #DEFAULT_SIZE}).
 */
public record Page<T>(List<T> items, int page, int size, long total) {

  static final int LAST_PAGE = 100_000;
  static final int MAX_SIZE = 100;
  static final String DEFAULT_SIZE = "20";

  /** The position of the page's first item in the whole list. */
  static int first(int page, int size) {
    return page * size;
  }
}
