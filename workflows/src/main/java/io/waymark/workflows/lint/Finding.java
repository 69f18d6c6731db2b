package io.waymark.workflows.lint;

import java.util.Objects;

/**
 * One thing the journey linter found: how bad it is, which rule (a kebab-case id such as {@code consent-before-send}),
 * the BPMN element it is about (the process id for process-wide findings; null only when the file does not parse) and
 * a sentence saying what is wrong and how to fix it.
 */
public record Finding(Severity severity, String rule, String elementId, String message) {

  /** ERROR blocks publication; WARNING is reported and does not. */
  public enum Severity {
    ERROR, WARNING
  }

  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
  }

  public static Finding error(String rule, String elementId, String message) {
    return new Finding(Severity.ERROR, rule, elementId, message);
  }

  public static Finding warning(String rule, String elementId, String message) {
    return new Finding(Severity.WARNING, rule, elementId, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code ERROR consent-before-send Task_SendFirstSms: ...}, one line for logs and exception messages. */
  @Override
  public String toString() {
    return severity + " " + rule + (elementId == null ? "" : " " + elementId) + ": " + message;
  }
}
