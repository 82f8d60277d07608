package org.tifli.geo;

/**
 * Thrown for a latitude outside [-90, 90], a longitude outside [-180, 180], or a coordinate that is
 * not a finite number.
 */
public final class InvalidCoordinatesException extends IllegalArgumentException {

  InvalidCoordinatesException(String message) {
    super(message);
  }
}
