package io.waymark.workflows.lint;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import java.util.List;
import java.util.Set;

/**
 * Rule {@code known-job-types}: every job the journey creates has a worker that serves it; a job of an unknown type
 * (a typo, a planned type with no worker yet, a type computed by a FEEL expression) would wait for ever.
 */
final class KnownJobTypesRule implements LintRule {

  static final String RULE = "known-job-types";

  private final Set<String> known;

  KnownJobTypesRule(Set<String> known) {
    this.known = known;
  }

  @Override
  public void check(JourneyModel journey, List<Finding> findings) {
    for (FlowNode node : journey.flowNodes()) {
      JourneyModel.jobType(node).ifPresent(type -> {
        if (type.startsWith("=")) {
          findings.add(Finding.error(RULE, node.getId(), "the job type is an expression (" + type + "): name one of "
              + served() + " so the linter can tell that a worker serves it"));
        } else if (!known.contains(type)) {
          findings.add(Finding.error(RULE, node.getId(), "no worker serves job type '" + type + "': use one of "
              + served()));
        }
      });
    }
  }

  private String served() {
    return String.join(", ", known.stream().sorted().toList());
  }
}
