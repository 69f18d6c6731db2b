package io.waymark.workers.engine;

import io.waymark.workflows.lint.LintReport;

/** A journey the linter (or the engine) refused: nothing of it was deployed. The report says why, per element. */
public class JourneyRejectedException extends RuntimeException {

  private final String resourceName;
  private final transient LintReport report;

  public JourneyRejectedException(String resourceName, LintReport report) {
    super("journey " + resourceName + " refused, " + report.errors().size() + " error(s):\n" + report.describe());
    this.resourceName = resourceName;
    this.report = report;
  }

  public String resourceName() {
    return resourceName;
  }

  public LintReport report() {
    return report;
  }
}
