package org.tifli.geo;

/**
 * Thrown when an administrative-area file cannot be loaded: it is not GeoJSON, or one of its
 * features lacks a code or name, has an invalid geometry, or names a parent that does not exist.
 * The message names the file, the feature and the problem.
 */
public final class AreaDataException extends RuntimeException {

  AreaDataException(String message) {
    super(message);
  }

  AreaDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
