package io.waymark.platform.support;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that Waymark refuses, naming the field (a JSON path such as {@code contact.phone}) and the problem, or several
 * such problems found together (the first one is {@link #field()} and {@link #problem()}). Raised before anything is
 * written; rendered as HTTP 400 by {@link ApiErrors}, listing every problem under {@code errors}.
 */
public class InvalidInputException extends RuntimeException {

  private final List<Problem> problems;

  public InvalidInputException(String field, String problem) {
    this(List.of(new Problem(field, problem)));
  }

  /** Several problems at once, in the order a person should read them; at least one. */
  public InvalidInputException(List<Problem> problems) {
    super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an InvalidInputException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public String field() {
    return problems.getFirst().field();
  }

  /** The (first) problem without the field name. */
  public String problem() {
    return problems.getFirst().message();
  }

  /** Every problem, the first one first. */
  public List<Problem> problems() {
    return problems;
  }

  /** The same problems, reported under a parent path: {@code phone} becomes {@code contact.phone}. */
  public InvalidInputException under(String parent) {
    return new InvalidInputException(problems.stream()
        .map(p -> new Problem(parent + "." + p.field(), p.message())).toList());
  }

  /** One problem: the field (a JSON path) and what is wrong with it. */
  public record Problem(String field, String message) {
  }
}
