package org.tifli.domain;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.Objects;

/**
 * A request that is well formed but breaks a business rule about one of its fields, such as a
 * failed criterion without a justification. The field is named so the caller can point at it; a
 * field that breaks several rules at once (a message template) carries a message for each.
 */
@ApplicationException(rollback = true)
public class InvalidRequestException extends RuntimeException {

  /** One rule a field breaks. */
  public record FieldProblem(String field, String message) {}

  private final List<FieldProblem> problems;

  public InvalidRequestException(String field, String message) {
    super(message);
    this.problems = List.of(new FieldProblem(field, message));
  }

  private InvalidRequestException(List<FieldProblem> problems) {
    super(problems.get(0).message());
    this.problems = List.copyOf(problems);
  }

  /**
   * The field breaks each of the rules given (at least one).
   *
   * @throws IllegalArgumentException when there is no message
   */
  public static InvalidRequestException of(String field, List<String> messages) {
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("an invalid request breaks at least one rule");
    }
    Objects.requireNonNull(field);
    return new InvalidRequestException(
        messages.stream().map(message -> new FieldProblem(field, message)).toList());
  }

  /** The first field named. */
  public String field() {
    return problems.get(0).field();
  }

  /** Every rule broken, in order. */
  public List<FieldProblem> problems() {
    return problems;
  }
}
