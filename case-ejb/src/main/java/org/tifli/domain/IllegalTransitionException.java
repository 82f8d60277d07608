package org.tifli.domain;

import jakarta.ejb.ApplicationException;

/** Asked of a case or an alert that is not in a state that allows it. */
@ApplicationException(rollback = true)
public class IllegalTransitionException extends RuntimeException {

  public IllegalTransitionException(String message) {
    super(message);
  }
}
