package io.waymark.platform.journey;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The run ledger: where each journey run stands, which process instance carries it, how it ended. */
@Service
public class JourneyRuns {

  static final List<JourneyRun.Status> LIVE = List.of(JourneyRun.Status.REQUESTED, JourneyRun.Status.RUNNING);

  private final JourneyRunRepository runs;
  private final JourneySubInstanceRepository subInstances;
  private final Clock clock;

  JourneyRuns(JourneyRunRepository runs, JourneySubInstanceRepository subInstances, Clock clock) {
    this.subInstances = subInstances;
    this.runs = runs;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Optional<Run> find(JourneyRunId id) {
    return runs.findById(id.value()).map(JourneyRun::toView);
  }

  @Transactional(readOnly = true)
  public Optional<Run> findByEventId(String eventId) {
    return runs.findByEventId(eventId).map(JourneyRun::toView);
  }

  @Transactional(readOnly = true)
  public Optional<Run> findByInstance(long processInstanceKey) {
    return runs.findByProcessInstanceKey(processInstanceKey).map(JourneyRun::toView);
  }

  @Transactional
  public void markStarted(JourneyRunId id, long processInstanceKey, long definitionKey, int version) {
    runs.findById(id.value()).orElseThrow(() -> new IllegalArgumentException("no journey run " + id.value()))
        .started(processInstanceKey, definitionKey, version, clock.instant());
  }

  /** Records how the run of this process instance ended; false when no run belongs to the instance. */
  @Transactional
  public boolean markEnded(long processInstanceKey, String outcome) {
    Optional<JourneyRun> run = runs.findByProcessInstanceKey(processInstanceKey);
    run.ifPresent(r -> r.ended(outcome, clock.instant()));
    return run.isPresent();
  }

  /**
   * Records how a run ended, found by its id: for an instance that ends before its start was recorded (a held-out
   * run ends at once), which {@link #markEnded(long, String)} cannot find yet. False for an unknown run.
   */
  @Transactional
  public boolean markEnded(JourneyRunId id, long processInstanceKey, String outcome) {
    Optional<JourneyRun> run = runs.findById(id.value());
    run.ifPresent(r -> r.endedAs(processInstanceKey, outcome, clock.instant()));
    return run.isPresent();
  }

  /**
   * Records that process instance {@code processInstanceKey} of sub-journey {@code processId} works for run {@code id}
   * (a call activity's child): the run's steps include its steps. Repeating it changes nothing.
   */
  @Transactional
  public void linkSubInstance(JourneyRunId id, long processInstanceKey, String processId) {
    if (!subInstances.existsById(processInstanceKey)) {
      subInstances.save(new JourneySubInstance(processInstanceKey, id.value(), processId, clock.instant()));
    }
  }

  /** The process instances that work for run {@code id}: its own (when started) and its sub-journeys'. */
  @Transactional(readOnly = true)
  public List<Long> instancesOf(Run run) {
    List<Long> keys = new java.util.ArrayList<>();
    if (run.processInstanceKey() != null) {
      keys.add(run.processInstanceKey());
    }
    subInstances.findByJourneyRunId(run.id().value()).forEach(s -> keys.add(s.processInstanceKey()));
    return keys;
  }

  /** The contact's runs not yet ended (requested or running). */
  @Transactional(readOnly = true)
  public List<Run> liveRuns(long contactId) {
    return runs.findByContactIdAndStatusIn(contactId, LIVE).stream().map(JourneyRun::toView).toList();
  }

  /** Runs not yet ended, per process id. */
  @Transactional(readOnly = true)
  public Map<String, Long> liveCounts() {
    return runs.countLiveByProcessId().stream()
        .collect(Collectors.toMap(JourneyRunRepository.LiveCount::getProcessId,
            JourneyRunRepository.LiveCount::getRunning));
  }

  /** A journey run as other modules see it; {@code variables} is the JSON the instance starts with. */
  public record Run(JourneyRunId id, String eventId, String eventType, String processId, long contactId,
      String status, String variables, Long processInstanceKey, Integer version, String outcome,
      Instant requestedAt, Instant startedAt, Instant endedAt) {
  }
}
