package org.tifli.domain;

import jakarta.ejb.ApplicationException;

/**
 * A request that is well formed but breaks a business rule about one of its fields, such as a
 * failed criterion without a justification. The field is named so the caller can point at it.
 */
@ApplicationException(rollback = true)
public class InvalidRequestException extends RuntimeException {

  private final String field;

  public InvalidRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
