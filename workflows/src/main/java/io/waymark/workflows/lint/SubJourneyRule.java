package io.waymark.workflows.lint;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.waymark.workflows.JobTypes;
import io.waymark.workflows.Messages;
import java.util.List;
import java.util.Set;

/**
 * Rule {@code sub-journey}: what a sub-journey (process property {@code kind} = {@code sub-journey}) must not do,
 * since it runs inside a journey's run.
 * <ul>
 * <li>It starts at one plain (none) start event: the engine starts a called process there and ignores message and
 * timer starts, which would start runs of their own outside any journey.</li>
 * <li>It records no outcome: {@code record-outcome} ends the journey run, so the caller would run on with its run
 * ended; the sub-journey returns its result in an output variable and the caller records it.</li>
 * <li>It has no opt-out stop rule of its own: the calling journey's interrupting event subprocess ends the call and
 * the sub-journey with it, whereas the sub-journey's own would end it normally and let the caller go on as if the
 * hand-off had finished.</li>
 * </ul>
 */
final class SubJourneyRule implements LintRule {

  static final String RULE = "sub-journey";

  @Override
  public void check(JourneyModel journey, List<Finding> findings) {
    if (!journey.isSubJourney()) {
      return;
    }
    List<StartEvent> starts = journey.process().getChildElementsByType(StartEvent.class).stream().toList();
    if (starts.isEmpty()) {
      findings.add(Finding.error(RULE, journey.id(), "the sub-journey has no start event: add one plain (none) start "
          + "event, where the calling journey's call activity starts it"));
    }
    for (StartEvent start : starts) {
      if (!start.getEventDefinitions().isEmpty()) {
        findings.add(Finding.error(RULE, start.getId(), "a sub-journey is started only by the call activities of the "
            + "journeys that call it: make this a plain (none) start event; an event that starts runs belongs in a "
            + "journey"));
      }
    }
    if (starts.size() > 1) {
      findings.add(Finding.error(RULE, journey.id(), "the sub-journey has " + starts.size() + " start events: a call "
          + "activity starts it at its one plain start event; keep one"));
    }
    for (FlowNode node : journey.flowNodes()) {
      if (JourneyModel.hasJobType(node, Set.of(JobTypes.RECORD_OUTCOME))) {
        findings.add(Finding.error(RULE, node.getId(), "a sub-journey records no outcome: record-outcome ends the "
            + "journey run while the calling journey goes on; return the result in an output variable and let the "
            + "caller record it"));
      }
      if (node instanceof SubProcess sub && sub.triggeredByEvent()) {
        JourneyModel.startEvents(sub).stream().filter(SubJourneyRule::isOptOut).forEach(start ->
            findings.add(Finding.error(RULE, start.getId(), "a sub-journey has no opt-out stop rule of its own: the "
                + "calling journey's stop rule ends it, while this one would end the sub-journey normally and let "
                + "the caller go on; remove it")));
      }
    }
  }

  private static boolean isOptOut(StartEvent start) {
    return JourneyModel.definition(start, MessageEventDefinition.class).map(MessageEventDefinition::getMessage)
        .map(Message::getName).flatMap(JourneyModel::staticValue).filter(Messages.CONTACT_OPTED_OUT::equals)
        .isPresent();
  }
}
