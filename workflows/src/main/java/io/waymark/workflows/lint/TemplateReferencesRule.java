package io.waymark.workflows.lint;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.waymark.workflows.JobTypes;
import io.waymark.workflows.lint.JourneyLinter.TemplateCheck;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule {@code template-references}: a send ({@code send-sms}, {@code send-batch}, {@code send-email}) that names its
 * message template in a {@code templateId} input names one that exists and is approved for its channel. A template
 * chosen by a FEEL expression can only be checked when the job runs (warning); without a template catalog nothing can
 * be checked (warning). A send without a {@code templateId} input is not this rule's business.
 */
final class TemplateReferencesRule implements LintRule {

  static final String RULE = "template-references";
  static final String INPUT = "templateId";

  private static final Map<String, String> CHANNELS = Map.of(
      JobTypes.SEND_SMS, TemplateCheck.SMS,
      JobTypes.SEND_BATCH, TemplateCheck.SMS,
      JobTypes.SEND_EMAIL, TemplateCheck.EMAIL);

  private final TemplateCheck templates;

  /** @param templates the template catalog's answer, or null when there is none */
  TemplateReferencesRule(TemplateCheck templates) {
    this.templates = templates;
  }

  @Override
  public void check(JourneyModel journey, List<Finding> findings) {
    for (FlowNode node : journey.flowNodes()) {
      String channel = JourneyModel.jobType(node).map(CHANNELS::get).orElse(null);
      Map<String, String> inputs = JourneyModel.inputs(node);
      if (channel == null || !inputs.containsKey(INPUT)) {
        continue;
      }
      String source = inputs.get(INPUT);
      Optional<String> key = JourneyModel.staticValue(source).filter(value -> !value.isBlank());
      if (key.isEmpty()) {
        findings.add(source == null || source.isBlank()
            ? Finding.error(RULE, node.getId(), "the templateId input is empty: name an approved " + channel
                + " template")
            : Finding.warning(RULE, node.getId(), "the template is chosen by an expression (" + source + "): it is "
                + "checked only when the message is sent"));
      } else if (templates == null) {
        findings.add(Finding.warning(RULE, node.getId(), "template references not checked: no template catalog "
            + "(template '" + key.get() + "')"));
      } else if (!templates.isSendable(key.get(), channel)) {
        findings.add(Finding.error(RULE, node.getId(), "template '" + key.get() + "' does not exist or is not "
            + "approved for " + channel + ": approve it in the template catalog or name another"));
      }
    }
  }
}
