package org.tifli.domain;

import jakarta.ejb.ApplicationException;

/** A record that cannot be made because one with the same identifier exists, such as a username. */
@ApplicationException(rollback = true)
public class RecordExistsException extends RuntimeException {

  public RecordExistsException(String message) {
    super(message);
  }
}
