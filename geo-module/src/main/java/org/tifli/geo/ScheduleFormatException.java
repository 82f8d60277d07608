package org.tifli.geo;

/** Thrown when a widening-schedule configuration string does not follow the documented syntax. */
public final class ScheduleFormatException extends IllegalArgumentException {

  ScheduleFormatException(String message) {
    super(message);
  }

  ScheduleFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
