package io.waymark.workflows.lint;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.waymark.workflows.JobTypes;
import io.waymark.workflows.Messages;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rule {@code opt-out-stop-rule}: the journey stops at once, wherever it is, when the contact opts out. That takes an
 * event subprocess at the process level whose start event is an interrupting message start for
 * {@code contact-opted-out}, correlated by {@code =journeyRunId} (Waymark publishes the message per journey run).
 *
 * <p>It applies where there is a contact to stop for: a journey about one contact. An audience journey (a campaign
 * send) has tasks for a resolved audience ({@code resolve-audience}, {@code send-batch}) and none for one contact
 * ({@code check-consent}, {@code send-sms}, {@code send-email}, {@code create-crm-task}, {@code escalate-lead}): one
 * member's opt-out must not stop the send to everyone else, and it needs no stop rule to take effect, since
 * {@code send-batch} asks consent for each member at the moment of sending.
 *
 * <p>Nor does it apply to a sub-journey: the stop rule of the journey that calls it ends it (rule {@code sub-journey}
 * refuses one of its own).
 */
final class OptOutStopRule implements LintRule {

  static final String RULE = "opt-out-stop-rule";
  static final String CORRELATION_KEY = "=journeyRunId";

  /** Job types that act on a whole audience. */
  static final Set<String> AUDIENCE_TASKS = Set.of(JobTypes.RESOLVE_AUDIENCE, JobTypes.SEND_BATCH);
  /** Job types that act on one contact. */
  static final Set<String> CONTACT_TASKS = Set.of(JobTypes.CHECK_CONSENT, JobTypes.SEND_SMS, JobTypes.SEND_EMAIL,
      JobTypes.CREATE_CRM_TASK, JobTypes.ESCALATE_LEAD);

  /** Whether the journey acts on a resolved audience only, never on one contact. */
  static boolean isAudienceJourney(JourneyModel journey) {
    List<FlowNode> nodes = journey.flowNodes();
    return nodes.stream().anyMatch(node -> JourneyModel.hasJobType(node, AUDIENCE_TASKS))
        && nodes.stream().noneMatch(node -> JourneyModel.hasJobType(node, CONTACT_TASKS));
  }

  @Override
  public void check(JourneyModel journey, List<Finding> findings) {
    if (journey.isSubJourney() || isAudienceJourney(journey)) {
      return;
    }
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
