package org.tifli.domain;

import jakarta.ejb.ApplicationException;

/** A case, an alert or a channel asked for by an identifier that names none. */
@ApplicationException(rollback = true)
public class RecordNotFoundException extends RuntimeException {

  public RecordNotFoundException(String kind, Object id) {
    super("no " + kind + " with id " + id);
  }
}
