package io.waymark.workflows.lint;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rule {@code meaningful-ids} (warning): ids are read in logs, the run ledger and lint reports, so they say what the
 * element does ({@code Task_SendFirstSms}, not Modeler's generated {@code Activity_1b4p89b}), and the process id is
 * kebab-case ({@code lead-follow-up}).
 */
final class MeaningfulIdsRule implements LintRule {

  static final String RULE = "meaningful-ids";

  /** Modeler's {@code Activity_1b4p89b}, the initial diagram's {@code StartEvent_1}, Signavio's {@code sid-...}. */
  private static final Pattern GENERATED = Pattern.compile(
      "[A-Za-z]+_(?=[0-9a-z]*[0-9])[0-9a-z]{7}|[A-Za-z]+_[0-9]+|sid-[0-9A-Fa-f-]{36}");
  private static final Pattern KEBAB_CASE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  @Override
  public void check(JourneyModel journey, List<Finding> findings) {
    if (!KEBAB_CASE.matcher(journey.id()).matches()) {
      findings.add(Finding.warning(RULE, journey.id(), "the process id is not kebab-case: name the journey like "
          + "lead-follow-up (it is the journey's name in the catalog and in triggers)"));
    }
    for (FlowNode node : journey.flowNodes()) {
      if (node.getId() != null && GENERATED.matcher(node.getId()).matches()) {
        findings.add(Finding.warning(RULE, node.getId(), "the id looks generated: name what the element does, e.g. "
            + "Task_SendFirstSms or Gateway_Reply"));
      }
    }
  }
}
