package io.waymark.workflows.lint;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the journey linter found in one BPMN file: every finding (errors first), and the executable processes it holds,
 * id to display name (the BPMN name, else the id), in file order: one for a file that may be published.
 */
public record LintReport(List<Finding> findings, Map<String, String> processes) {

  public LintReport {
    findings = List.copyOf(findings);
    processes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(processes));
  }

  public List<Finding> errors() {
    return findings.stream().filter(Finding::isError).toList();
  }

  public List<Finding> warnings() {
    return findings.stream().filter(finding -> !finding.isError()).toList();
  }

  /** Errors block publication. */
  public boolean hasErrors() {
    return findings.stream().anyMatch(Finding::isError);
  }

  /** One finding per line, errors first. */
  public String describe() {
    return findings.stream().map(Finding::toString).collect(Collectors.joining("\n"));
  }
}
