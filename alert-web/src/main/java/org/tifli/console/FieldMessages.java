package org.tifli.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolation;
import java.lang.annotation.Annotation;
import java.text.MessageFormat;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.UnaryOperator;

/**
 * Puts the API's validation failures beside the console's fields, in the console's language.
 *
 * <p>The rules are the API's own: a form is turned into the API's request shape and checked by the
 * same Bean Validation, so the console and the API can never disagree about what is valid. Only the
 * wording differs: the API answers in English to machines, the console speaks to an officer in
 * Arabic, French or English, so each failure is worded from the bundle by the kind of constraint
 * (and, where the kind says too little, by the field), with its limit as the parameter. A failure
 * the bundle has no wording for shows the API's message.
 */
final class FieldMessages {

  private final FacesContext faces;
  private final ResourceBundle text;
  private final UnaryOperator<String> clientIdOf;
  private boolean any;

  /**
   * @param clientIdOf the client id of the input of a field of the request, such as {@code
   *     child.givenName}; {@code null} when no input shows it (the message goes to the page)
   */
  FieldMessages(FacesContext faces, UnaryOperator<String> clientIdOf) {
    this.faces = faces;
    this.text = faces.getApplication().getResourceBundle(faces, "text");
    this.clientIdOf = clientIdOf;
  }

  /** The field of a violation, as the API names it: {@code likelyPlaces[0].description}. */
  static String fieldOf(ConstraintViolation<?> violation) {
    return violation.getPropertyPath().toString().replace(".<list element>", "");
  }

  /** Adds the violation's message beside its field's input. */
  void add(ConstraintViolation<?> violation) {
    String field = fieldOf(violation);
    Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
    String constraintName = constraint.annotationType().getSimpleName();
    Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
    Object limit =
        attributes.containsKey("max")
            ? attributes.get("max")
            : attributes.getOrDefault("value", "");
    String leaf = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
    String kind =
        constraintName.equals("Size") && !(violation.getInvalidValue() instanceof CharSequence)
            ? "Size.items"
            : constraintName;
    String message =
        wording("invalid." + leaf + "." + kind, limit)
            .or(() -> wording("invalid." + kind, limit))
            .orElse(violation.getMessage());
    add(field, message);
  }

  /** Adds a message from the bundle beside the field's input. */
  void addKey(String field, String key, Object... parameters) {
    add(field, MessageFormat.format(text.getString(key), parameters));
  }

  /** Adds a message beside the field's input, or to the page when no input shows the field. */
  void add(String field, String message) {
    String clientId = clientIdOf.apply(field);
    faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    faces.validationFailed();
    any = true;
  }

  /** Whether a message was added. */
  boolean any() {
    return any;
  }

  private Optional<String> wording(String key, Object limit) {
    try {
      return Optional.of(
          MessageFormat.format(text.getString("caseNew." + key), String.valueOf(limit)));
    } catch (MissingResourceException e) {
      return Optional.empty();
    }
  }
}
