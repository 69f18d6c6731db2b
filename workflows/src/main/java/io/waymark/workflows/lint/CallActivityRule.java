package io.waymark.workflows.lint;

import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rule {@code call-activity}: a call activity calls a bundled sub-journey by its static process id
 * ({@code zeebe:calledElement processId="hot-lead-handoff"}), so that the linter, the engine and a reader all know
 * what runs; it takes back only what its output mappings name, each a variable the sub-journey declares in its
 * {@code outputs} property, and says so with {@code propagateAllChildVariables="false"}. Without output mappings and
 * with that attribute at its default (true) the engine copies every variable of the sub-journey into the journey, so
 * that its working variables ({@code slaDueAt}, {@code escalationLevel}, ...) would overwrite the journey's own; with
 * mappings the engine passes only theirs either way, and Camunda Modeler sets the attribute to false as soon as there
 * are any, so the rule asks for both: the model then says what the engine does, also after a mapping is removed. A
 * call activity without a {@code zeebe:calledElement} or process id is left to rule {@code zeebe-validation}, which
 * the engine's own validators report.
 */
final class CallActivityRule implements LintRule {

  static final String RULE = "call-activity";

  private final Map<String, Set<String>> subJourneys;

  /** @param subJourneys process id of each sub-journey a journey may call, to the outputs it declares */
  CallActivityRule(Map<String, Set<String>> subJourneys) {
    this.subJourneys = Map.copyOf(subJourneys);
  }

  @Override
  public void check(JourneyModel journey, List<Finding> findings) {
    for (FlowNode node : journey.flowNodes()) {
      if (node instanceof CallActivity call) {
        check(call, findings);
      }
    }
  }

  private void check(CallActivity call, List<Finding> findings) {
    ZeebeCalledElement called = call.getSingleExtensionElement(ZeebeCalledElement.class);
    if (called == null || called.getProcessId() == null || called.getProcessId().isBlank()) {
      return;
    }
    String processId = called.getProcessId().strip();
    if (processId.startsWith("=")) {
      findings.add(Finding.error(RULE, call.getId(), "the called process is an expression (" + processId + "): name "
          + "the sub-journey by its process id, one of " + known() + ", so that the linter can check the call"));
      return;
    }
    Set<String> declared = subJourneys.get(processId);
    if (declared == null) {
      findings.add(Finding.error(RULE, call.getId(), "calls '" + processId + "', which is no bundled sub-journey: "
          + "call one of " + known() + " (a journey is started by its trigger, never called)"));
      return;
    }
    if (called.isPropagateAllChildVariablesEnabled()) {
      findings.add(Finding.error(RULE, call.getId(), "propagateAllChildVariables is not \"false\": set it on its "
          + "zeebe:calledElement, so that the journey takes back only what its output mappings name (without them "
          + "the engine copies every variable of sub-journey '" + processId + "' into the journey, its working "
          + "variables included); map what the journey needs from " + String.join(", ", sorted(declared))));
    }
    Map<String, String> outputs = JourneyModel.outputs(call);
    if (outputs.isEmpty()) {
      findings.add(Finding.error(RULE, call.getId(), "takes nothing back from sub-journey '" + processId + "': add "
          + "output mappings for what the journey needs, from " + String.join(", ", sorted(declared))));
    }
    outputs.forEach((target, source) -> {
      String read = source == null ? "" : source.strip();
      if (read.startsWith("=")) {
        read = read.substring(1).strip();
      }
      if (SubJourneys.VARIABLE.matcher(read).matches() && !declared.contains(read)) {
        findings.add(Finding.error(RULE, call.getId(), "output mapping " + target + " reads '" + read + "', which "
            + "sub-journey '" + processId + "' does not return: it returns " + String.join(", ", sorted(declared))));
      }
    });
  }

  private String known() {
    return subJourneys.isEmpty() ? "(none)" : String.join(", ", sorted(subJourneys.keySet()));
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }
}
