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
 * Rule {@code consent-before-send}: every path to a send passes the consent check that fits the send, from every start
 * event: the process's, every event subprocess's (they may fire before any check) and through boundary events
 * (leaving a task by one does not complete it, so a check left that way does not count). Embedded subprocesses are
 * entered and left through their own flows; link events are followed. A breadth-first search over (element, checks
 * passed) states finds the shortest offending path.
 *
 * <p>Which check fits which send:
 * <ul>
 * <li>{@code send-sms} texts one contact: a {@code check-consent} task (consent and the send policy for that contact)
 * must come first.</li>
 * <li>{@code send-batch} texts the members of a resolved audience: a {@code resolve-audience} task must come first. It
 * is the consent check for the audience as a whole: only contacts whose consent for the campaign's topic is granted
 * and who are not suppressed enter the snapshot (segments apply exactly what the consent ledger decides), and
 * {@code send-batch} then asks consent and the send policy again for each contact at the moment of sending. A
 * {@code check-consent} task is about one contact, so it does not clear a batch; nor does {@code resolve-audience}
 * clear a {@code send-sms}.</li>
 * </ul>
 */
final class ConsentBeforeSendRule implements LintRule {

  static final String RULE = "consent-before-send";
  static final Set<String> SENDS = Set.of(JobTypes.SEND_SMS, JobTypes.SEND_BATCH);
  private static final Set<String> CONTACT_CHECKS = Set.of(JobTypes.CHECK_CONSENT);
  private static final Set<String> AUDIENCE_CHECKS = Set.of(JobTypes.RESOLVE_AUDIENCE);
  private static final int PATH_SHOWN = 12;

  /** Where a path is, and whether it passed a contact's consent check and an audience's resolution on the way. */
  private record State(FlowNode node, boolean checked, boolean resolved) {

    State at(FlowNode next) {
      return new State(next, checked, resolved);
    }

    /** The state after completing this state's node (a check completed counts from here on). */
    State completed() {
      return new State(node, checked || JourneyModel.hasJobType(node, CONTACT_CHECKS),
          resolved || JourneyModel.hasJobType(node, AUDIENCE_CHECKS));
    }

    /** Whether this node sends without the check its kind of send needs. */
    boolean sendsUnchecked() {
      return JourneyModel.hasJobType(node, Set.of(JobTypes.SEND_SMS)) && !checked
          || JourneyModel.hasJobType(node, Set.of(JobTypes.SEND_BATCH)) && !resolved;
    }
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
        State start = new State(node, false, false);
        reachedFrom.put(start, null);
        queue.add(start);
      }
    }
    Set<FlowNode> reported = new HashSet<>();
    while (!queue.isEmpty()) {
      State state = queue.poll();
      if (state.sendsUnchecked() && reported.add(state.node())) {
        findings.add(Finding.error(RULE, state.node().getId(), message(state, reachedFrom)));
      }
      for (State next : successors(state)) {
        if (!reachedFrom.containsKey(next)) {
          reachedFrom.put(next, state);
          queue.add(next);
        }
      }
    }
  }

  private static String message(State state, Map<State, State> reachedFrom) {
    String type = JourneyModel.jobType(state.node()).orElseThrow();
    if (type.equals(JobTypes.SEND_BATCH)) {
      return "sends an SMS batch (send-batch) on a path that resolves no audience: " + path(state, reachedFrom)
          + ". Put a resolve-audience task before it on every path (event subprocesses and boundary events included):"
          + " it takes only the contacts whose consent for the topic stands and who are not suppressed, and "
          + "send-batch asks again for each at the moment of sending; a check-consent is about one contact and does"
          + " not clear a batch";
    }
    return "sends an SMS (" + type + ") on a path that passes no consent check: " + path(state, reachedFrom)
        + ". Put a check-consent task before it on every path (event subprocesses and boundary events included)";
  }

  private static List<State> successors(State state) {
    FlowNode node = state.node();
    State after = state.completed();
    List<State> next = new ArrayList<>();
    List<FlowNode> inside = node instanceof SubProcess sub && !sub.triggeredByEvent() ? entries(sub) : List.of();
    if (!inside.isEmpty()) {
      // entered, not completed: its outgoing flows are reached from its inner ends
      inside.forEach(entry -> next.add(state.at(entry)));
    } else {
      for (SequenceFlow flow : node.getOutgoing()) {
        if (flow.getTarget() != null) {
          next.add(after.at(flow.getTarget()));
        }
      }
      if (node.getOutgoing().isEmpty() && !isErrorEnd(node)) {
        completeScope(node.getParentElement(), after, next);
      }
    }
    if (node instanceof Activity activity) {
      for (BoundaryEvent boundary : activity.getBoundaryEvents().list()) {
        next.add(state.at(boundary));
      }
    }
    if (node instanceof IntermediateThrowEvent thrower) {
      JourneyModel.definition(thrower, LinkEventDefinition.class).map(LinkEventDefinition::getName)
          .ifPresent(link -> linkCatches(thrower, link).forEach(c -> next.add(after.at(c))));
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
  private static void completeScope(ModelElementInstance scope, State after, List<State> next) {
    if (!(scope instanceof SubProcess sub)) {
      return;
    }
    if (sub.triggeredByEvent() || sub.getOutgoing().isEmpty()) {
      completeScope(sub.getParentElement(), after, next);
      return;
    }
    for (SequenceFlow flow : sub.getOutgoing()) {
      if (flow.getTarget() != null) {
        next.add(after.at(flow.getTarget()));
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
