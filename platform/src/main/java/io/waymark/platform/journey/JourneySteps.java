package io.waymark.platform.journey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The step ledger: every job a worker ran, written by the workers whatever the outcome, in its own transaction (a
 * failing step is recorded although the step's own work rolled back). Ops read where an instance is and why it ended;
 * jobs that ran out of retries are listed as incidents.
 */
@Service
public class JourneySteps {

  private final JourneyStepRepository steps;
  private final Clock clock;

  JourneySteps(JourneyStepRepository steps, Clock clock) {
    this.steps = steps;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(Ran ran) {
    steps.save(new JourneyStep(ran, clock.instant()));
  }

  /** Every step of one process instance, oldest first. */
  @Transactional(readOnly = true)
  public List<Step> ofInstance(long processInstanceKey) {
    return steps.findByProcessInstanceKeyOrderById(processInstanceKey).stream().map(JourneyStep::toView).toList();
  }

  /** Every step of some process instances (a run's and its sub-journeys'), oldest first. */
  @Transactional(readOnly = true)
  public List<Step> ofInstances(java.util.Collection<Long> processInstanceKeys) {
    return processInstanceKeys.isEmpty() ? List.of()
        : steps.findByProcessInstanceKeyInOrderById(processInstanceKeys).stream().map(JourneyStep::toView).toList();
  }

  /** The newest jobs that ran out of retries. */
  @Transactional(readOnly = true)
  public List<Step> incidents(int limit) {
    return steps.findByOutcomeOrderByIdDesc(Outcome.INCIDENT, PageRequest.of(0, Math.clamp(limit, 1, 500))).stream()
        .map(JourneyStep::toView).toList();
  }

  /** One recorded step. */
  @Transactional(readOnly = true)
  public java.util.Optional<Step> find(long stepId) {
    return steps.findById(stepId).map(JourneyStep::toView);
  }

  /** Marks an INCIDENT step resolved (ops retried it); false when there is no such step. */
  @Transactional
  public boolean markResolved(long stepId) {
    java.util.Optional<JourneyStep> step = steps.findById(stepId);
    step.ifPresent(s -> s.resolve(clock.instant()));
    return step.isPresent();
  }

  /** Marks every open INCIDENT step of a process instance resolved (ops cancelled it); how many. */
  @Transactional
  public int markInstanceResolved(long processInstanceKey) {
    List<JourneyStep> open = steps.findByProcessInstanceKeyAndOutcomeAndResolvedAtIsNull(processInstanceKey,
        Outcome.INCIDENT);
    open.forEach(s -> s.resolve(clock.instant()));
    return open.size();
  }

  /**
   * What came of a job: COMPLETED; BPMN_ERROR (a business outcome the model handles, e.g. SEND_SUPPRESSED); FAILED
   * (technical, retried later); INCIDENT (failed with no retries left: the instance waits for ops).
   */
  public enum Outcome { COMPLETED, BPMN_ERROR, FAILED, INCIDENT }

  /**
   * A job as a worker ran it. {@code retriesLeft}: the job's retries after this attempt; {@code elementInstanceKey}:
   * the element instance the job belongs to (0 when unknown), what a retry of an incident needs.
   */
  public record Ran(long processInstanceKey, String processId, int processVersion, String elementId, String jobType,
      long jobKey, Outcome outcome, String detail, int retriesLeft, Duration duration, long elementInstanceKey) {

    public Ran(long processInstanceKey, String processId, int processVersion, String elementId, String jobType,
        long jobKey, Outcome outcome, String detail, int retriesLeft, Duration duration) {
      this(processInstanceKey, processId, processVersion, elementId, jobType, jobKey, outcome, detail, retriesLeft,
          duration, 0);
    }
  }

  /**
   * A recorded step. {@code elementInstanceKey} is null for steps recorded without it; {@code resolvedAt} is set once
   * ops retried an INCIDENT step or cancelled its instance.
   */
  public record Step(long id, long processInstanceKey, String processId, int processVersion, String elementId,
      String jobType, long jobKey, Outcome outcome, String detail, int retriesLeft, long durationMs,
      Instant recordedAt, Long elementInstanceKey, Instant resolvedAt) {

    /** An INCIDENT nobody retried or cancelled yet. */
    public boolean openIncident() {
      return outcome == Outcome.INCIDENT && resolvedAt == null;
    }
  }
}
