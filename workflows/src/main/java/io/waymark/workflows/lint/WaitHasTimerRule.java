package io.waymark.workflows.lint;

import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import java.util.List;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Rule {@code wait-has-timer}: nothing waits for the contact (or anyone) for ever. Every event-based gateway has a
 * timer among its events; every message or signal catch event stands behind such a gateway; every receive task has an
 * interrupting timer boundary event. A wait is also bounded when an enclosing subprocess has an interrupting timer
 * boundary event, or an enclosing scope has an interrupting timer event subprocess (a maximum-duration stop rule).
 */
final class WaitHasTimerRule implements LintRule {

  static final String RULE = "wait-has-timer";

  @Override
  public void check(JourneyModel journey, List<Finding> findings) {
    for (FlowNode node : journey.flowNodes()) {
      if (node instanceof EventBasedGateway gateway) {
        if (!hasTimerTarget(gateway) && !bounded(gateway)) {
          findings.add(Finding.error(RULE, gateway.getId(), "waits for events with no timer among them: add a "
              + "timer intermediate catch event after the gateway (e.g. 3 days) that leads to the fallback"));
        }
      } else if (node instanceof IntermediateCatchEvent event && isWaitForSomeoneElse(event)) {
        if (!behindEventBasedGateway(event) && !bounded(event)) {
          findings.add(Finding.error(RULE, event.getId(), "waits for a " + kind(event) + " with no timer "
              + "alternative: put it behind an event-based gateway together with a timer event"));
        }
      } else if (node instanceof ReceiveTask task) {
        if (!hasInterruptingTimer(task.getBoundaryEvents().list()) && !bounded(task)) {
          findings.add(Finding.error(RULE, task.getId(), "waits for a message with no timer alternative: attach an "
              + "interrupting timer boundary event that leads to the fallback"));
        }
      }
    }
  }

  private static boolean isWaitForSomeoneElse(IntermediateCatchEvent event) {
    return JourneyModel.hasDefinition(event, MessageEventDefinition.class)
        || JourneyModel.hasDefinition(event, SignalEventDefinition.class);
  }

  private static String kind(IntermediateCatchEvent event) {
    return JourneyModel.hasDefinition(event, MessageEventDefinition.class) ? "message" : "signal";
  }

  private static boolean behindEventBasedGateway(FlowNode node) {
    return !node.getIncoming().isEmpty()
        && node.getIncoming().stream().allMatch(flow -> flow.getSource() instanceof EventBasedGateway);
  }

  private static boolean hasTimerTarget(EventBasedGateway gateway) {
    for (SequenceFlow flow : gateway.getOutgoing()) {
      if (flow.getTarget() instanceof IntermediateCatchEvent target
          && JourneyModel.hasDefinition(target, TimerEventDefinition.class)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasInterruptingTimer(List<BoundaryEvent> boundaries) {
    return boundaries.stream().anyMatch(boundary -> boundary.cancelActivity()
        && JourneyModel.hasDefinition(boundary, TimerEventDefinition.class));
  }

  /** Whether an enclosing scope ends the wait by a timer. */
  private static boolean bounded(FlowNode node) {
    ModelElementInstance from = node;
    for (ModelElementInstance scope = node.getParentElement(); scope != null; scope = scope.getParentElement()) {
      if (scope instanceof SubProcess sub && !sub.triggeredByEvent()
          && hasInterruptingTimer(sub.getBoundaryEvents().list())) {
        return true;
      }
      // an interrupting event subprocess running closes its scope's other event subprocesses
      if (!JourneyModel.isEventSubProcess(from) && hasTimerStopRule(scope)) {
        return true;
      }
      from = scope;
    }
    return false;
  }

  private static boolean hasTimerStopRule(ModelElementInstance scope) {
    return scope.getChildElementsByType(SubProcess.class).stream()
        .filter(SubProcess::triggeredByEvent)
        .flatMap(sub -> JourneyModel.startEvents(sub).stream())
        .anyMatch(start -> start.isInterrupting() && JourneyModel.hasDefinition(start, TimerEventDefinition.class));
  }
}
