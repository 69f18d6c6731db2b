package io.waymark.workflows.lint;

import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.waymark.workflows.Messages;
import java.util.List;
import java.util.Optional;

/**
 * Rule {@code opt-out-stop-rule}: the journey stops at once, wherever it is, when the contact opts out. That takes an
 * event subprocess at the process level whose start event is an interrupting message start for
 * {@code contact-opted-out}, correlated by {@code =journeyRunId} (Waymark publishes the message per journey run).
 */
final class OptOutStopRule implements LintRule {

  static final String RULE = "opt-out-stop-rule";
  static final String CORRELATION_KEY = "=journeyRunId";

  @Override
  public void check(JourneyModel journey, List<Finding> findings) {
    List<StartEvent> optOutStarts = journey.process().getChildElementsByType(SubProcess.class).stream()
        .filter(SubProcess::triggeredByEvent)
        .flatMap(sub -> JourneyModel.startEvents(sub).stream())
        .filter(start -> messageName(start).filter(Messages.CONTACT_OPTED_OUT::equals).isPresent())
        .toList();
    if (optOutStarts.isEmpty()) {
      findings.add(Finding.error(RULE, journey.id(), "no stop rule for opt-outs: add an event subprocess at the "
          + "process level with an interrupting message start event for message '" + Messages.CONTACT_OPTED_OUT
          + "' (correlation key " + CORRELATION_KEY + ") that records the outcome OPTED_OUT"));
      return;
    }
    for (StartEvent start : optOutStarts) {
      if (!start.isInterrupting()) {
        findings.add(Finding.error(RULE, start.getId(), "the opt-out stop rule does not interrupt: an opted-out "
            + "contact's journey would go on; make the start event interrupting"));
      }
      String key = correlationKey(start).orElse(null);
      if (key == null || !key.replace(" ", "").equals(CORRELATION_KEY)) {
        findings.add(Finding.error(RULE, start.getId(), "message '" + Messages.CONTACT_OPTED_OUT
            + "' is correlated by " + (key == null ? "nothing" : "'" + key + "'") + ": Waymark publishes it per "
            + "journey run, so the correlation key must be " + CORRELATION_KEY));
      }
    }
  }

  private static Optional<Message> message(StartEvent start) {
    return JourneyModel.definition(start, MessageEventDefinition.class).map(MessageEventDefinition::getMessage);
  }

  private static Optional<String> messageName(StartEvent start) {
    return message(start).map(Message::getName).flatMap(JourneyModel::staticValue);
  }

  private static Optional<String> correlationKey(StartEvent start) {
    return message(start).map(message -> message.getSingleExtensionElement(ZeebeSubscription.class))
        .map(ZeebeSubscription::getCorrelationKey);
  }
}
