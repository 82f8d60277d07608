package org.tifli.domain;

import jakarta.ejb.ApplicationException;

/** An action the user's role would allow, refused by a rule, such as deciding one's own alert. */
@ApplicationException(rollback = true)
public class ForbiddenActionException extends RuntimeException {

  public ForbiddenActionException(String message) {
    super(message);
  }
}
