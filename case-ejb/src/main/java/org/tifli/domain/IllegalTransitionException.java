package org.tifli.domain;

import jakarta.ejb.ApplicationException;

/** Asked of a case, an alert or an account that is not in a state that allows it. */
@ApplicationException(rollback = true)
public class IllegalTransitionException extends RuntimeException {

  public IllegalTransitionException(String message) {
    super(message);
  }
}
