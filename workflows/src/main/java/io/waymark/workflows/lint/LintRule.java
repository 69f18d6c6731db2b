package io.waymark.workflows.lint;

import java.util.List;

/** One rule of the journey linter, run once per executable process. */
interface LintRule {

  /** Adds what this rule finds in the journey to {@code findings}. */
  void check(JourneyModel journey, List<Finding> findings);
}
