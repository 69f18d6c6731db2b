package io.waymark.workflows.lint;

import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.LinkEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.waymark.workflows.JobTypes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Rule {@code consent-before-send}: every path to a {@code send-sms} or {@code send-batch} task passes a
 * {@code check-consent} task first, from every start event: the process's, every event subprocess's (they may fire
 * before any check) and through boundary events (leaving a task by one does not complete it, so a consent check left
 * that way does not count). Embedded subprocesses are entered and left through their own flows; link events are
 * followed. A breadth-first search over (element, consent checked) states finds the shortest offending path.
 */
final class ConsentBeforeSendRule implements LintRule {

  static final String RULE = "consent-before-send";
  static final Set<String> SENDS = Set.of(JobTypes.SEND_SMS, JobTypes.SEND_BATCH);
  private static final Set<String> CHECKS = Set.of(JobTypes.CHECK_CONSENT);
  private static final int PATH_SHOWN = 12;

  private record State(FlowNode node, boolean checked) {
  }

  @Override
  public void check(JourneyModel journey, List<Finding> findings) {
    List<FlowNode> nodes = journey.flowNodes();
    if (nodes.stream().noneMatch(node -> JourneyModel.hasJobType(node, SENDS))) {
      return;
    }
    Map<State, State> reachedFrom = new HashMap<>();
    Deque<State> queue = new ArrayDeque<>();
    for (FlowNode node : nodes) {
      if (node instanceof StartEvent && (node.getParentElement() instanceof Process
          || JourneyModel.isEventSubProcess(node.getParentElement()))) {
        State start = new State(node, false);
        reachedFrom.put(start, null);
        queue.add(start);
      }
    }
    Set<FlowNode> reported = new HashSet<>();
    while (!queue.isEmpty()) {
      State state = queue.poll();
      if (!state.checked() && JourneyModel.hasJobType(state.node(), SENDS) && reported.add(state.node())) {
        findings.add(Finding.error(RULE, state.node().getId(), "sends an SMS ("
            + JourneyModel.jobType(state.node()).orElseThrow() + ") on a path that passes no consent check: "
            + path(state, reachedFrom) + ". Put a check-consent task before it on every path (event subprocesses "
            + "and boundary events included)"));
      }
      for (State next : successors(state)) {
        if (!reachedFrom.containsKey(next)) {
          reachedFrom.put(next, state);
          queue.add(next);
        }
      }
    }
  }

  private static List<State> successors(State state) {
    FlowNode node = state.node();
    boolean after = state.checked() || JourneyModel.hasJobType(node, CHECKS);
    List<State> next = new ArrayList<>();
    List<FlowNode> inside = node instanceof SubProcess sub && !sub.triggeredByEvent() ? entries(sub) : List.of();
    if (!inside.isEmpty()) {
      // entered, not completed: its outgoing flows are reached from its inner ends
      inside.forEach(entry -> next.add(new State(entry, state.checked())));
    } else {
      for (SequenceFlow flow : node.getOutgoing()) {
        if (flow.getTarget() != null) {
          next.add(new State(flow.getTarget(), after));
        }
      }
      if (node.getOutgoing().isEmpty() && !isErrorEnd(node)) {
        completeScope(node.getParentElement(), after, next);
      }
    }
    if (node instanceof Activity activity) {
      for (BoundaryEvent boundary : activity.getBoundaryEvents().list()) {
        next.add(new State(boundary, state.checked()));
      }
    }
    if (node instanceof IntermediateThrowEvent thrower) {
      JourneyModel.definition(thrower, LinkEventDefinition.class).map(LinkEventDefinition::getName)
          .ifPresent(link -> linkCatches(thrower, link).forEach(c -> next.add(new State(c, after))));
    }
    return next;
  }

  /** Where an embedded or ad-hoc subprocess starts: its inner nodes without incoming flows. */
  private static List<FlowNode> entries(SubProcess sub) {
    return sub.getChildElementsByType(FlowNode.class).stream()
        .filter(child -> child.getIncoming().isEmpty() && !(child instanceof BoundaryEvent)
            && !JourneyModel.isEventSubProcess(child))
        .map(FlowNode.class::cast).toList();
  }

  /** A scope whose last token ended completes: go on after it (an event subprocess completes its parent scope). */
  private static void completeScope(ModelElementInstance scope, boolean checked, List<State> next) {
    if (!(scope instanceof SubProcess sub)) {
      return;
    }
    if (sub.triggeredByEvent() || sub.getOutgoing().isEmpty()) {
      completeScope(sub.getParentElement(), checked, next);
      return;
    }
    for (SequenceFlow flow : sub.getOutgoing()) {
      if (flow.getTarget() != null) {
        next.add(new State(flow.getTarget(), checked));
      }
    }
  }

  private static boolean isErrorEnd(FlowNode node) {
    return node instanceof EndEvent end && end.getEventDefinitions().stream()
        .anyMatch(ErrorEventDefinition.class::isInstance);
  }

  private static List<FlowNode> linkCatches(IntermediateThrowEvent thrower, String link) {
    return thrower.getParentElement().getChildElementsByType(IntermediateCatchEvent.class).stream()
        .filter(c -> JourneyModel.definition(c, LinkEventDefinition.class).map(LinkEventDefinition::getName)
            .filter(name -> Objects.equals(name, link)).isPresent())
        .map(FlowNode.class::cast).toList();
  }

  private static String path(State end, Map<State, State> reachedFrom) {
    List<String> ids = new ArrayList<>();
    for (State state = end; state != null; state = reachedFrom.get(state)) {
      ids.addFirst(state.node().getId());
    }
    if (ids.size() > PATH_SHOWN) {
      List<String> shortened = new ArrayList<>(ids.subList(0, 4));
      shortened.add("…");
      shortened.addAll(ids.subList(ids.size() - (PATH_SHOWN - 5), ids.size()));
      ids = shortened;
    }
    return String.join(" → ", ids);
  }
}
