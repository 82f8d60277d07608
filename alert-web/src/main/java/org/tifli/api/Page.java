package org.tifli.api;

import java.util.List;

/**
 * One page of a list: its items, which page it is (from 0), the page size asked for, and how many
 * items the whole list holds.
 */
public record Page<T>(List<T> items, int page, int size, long total) {}
