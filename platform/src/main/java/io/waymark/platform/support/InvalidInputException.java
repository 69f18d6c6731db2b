package io.waymark.platform.support;

/**
 * Input that Waymark refuses, naming the field (a JSON path such as {@code contact.phone}) and the problem.
 * Raised before anything is written; rendered as HTTP 400 by {@link ApiErrors}.
 */
public class InvalidInputException extends RuntimeException {

  private final String field;

  public InvalidInputException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }

  /** The problem without the field name. */
  public String problem() {
    return getMessage().substring(field.length() + 2);
  }

  /** The same problem, reported under a parent path: {@code phone} becomes {@code contact.phone}. */
  public InvalidInputException under(String parent) {
    return new InvalidInputException(parent + "." + field, problem());
  }
}
