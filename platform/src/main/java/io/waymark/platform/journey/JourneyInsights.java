package io.waymark.platform.journey;

import io.waymark.platform.journey.JourneySteps.Outcome;
import io.waymark.platform.journey.JourneySteps.Step;
import io.waymark.platform.support.InvalidInputException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only questions ops and designers ask of the run and step ledgers, paged in the database: runs by journey,
 * version and status; live runs and failures per BPMN element (to overlay on the diagram); the open incidents; steps
 * completed per minute; how a job type fared over a window.
 */
@Service
public class JourneyInsights {

  private final EntityManager entityManager;
  private final Clock clock;

  JourneyInsights(EntityManager entityManager, Clock clock) {
    this.entityManager = entityManager;
    this.clock = clock;
  }

  /** Which runs: any of the three may be null (no filter); {@code status} is REQUESTED, RUNNING, ENDED or SKIPPED. */
  public record RunFilter(String processId, Integer version, String status) {

    public RunFilter {
      if (status != null && !status.isBlank()) {
        try {
          JourneyRun.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException("status", "'" + status + "' is not one of REQUESTED, RUNNING, ENDED, SKIPPED");
        }
      }
    }

    public static RunFilter all() {
      return new RunFilter(null, null, null);
    }
  }

  /** Runs the filter selects, newest first, from {@code offset}, at most {@code limit} (1 to 500). */
  @Transactional(readOnly = true)
  public List<JourneyRuns.Run> runs(RunFilter filter, int offset, int limit) {
    checkPage(offset, limit);
    TypedQuery<JourneyRun> query = entityManager.createQuery(
        "select r from JourneyRun r" + where(filter) + " order by r.id desc", JourneyRun.class);
    bind(query, filter);
    return query.setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(JourneyRun::toView)
        .toList();
  }

  @Transactional(readOnly = true)
  public long countRuns(RunFilter filter) {
    TypedQuery<Long> query = entityManager.createQuery("select count(r) from JourneyRun r" + where(filter),
        Long.class);
    bind(query, filter);
    return query.getSingleResult();
  }

  private static String where(RunFilter filter) {
    List<String> clauses = new ArrayList<>();
    if (filter.processId() != null && !filter.processId().isBlank()) {
      clauses.add("r.processId = :processId");
    }
    if (filter.version() != null) {
      clauses.add("r.definitionVersion = :version");
    }
    if (filter.status() != null && !filter.status().isBlank()) {
      clauses.add("r.status = :status");
    }
    return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
  }

  private static void bind(TypedQuery<?> query, RunFilter filter) {
    if (filter.processId() != null && !filter.processId().isBlank()) {
      query.setParameter("processId", filter.processId());
    }
    if (filter.version() != null) {
      query.setParameter("version", filter.version());
    }
    if (filter.status() != null && !filter.status().isBlank()) {
      query.setParameter("status", JourneyRun.Status.valueOf(filter.status()));
    }
  }

  /** What happened at one BPMN element of a version: live runs standing there, failed attempts and incidents. */
  public record ElementCounts(long live, long failed, long incidents) {
  }

  /**
   * Per element id of one version: live runs, failed attempts (FAILED) and incidents (INCIDENT) from the step ledger.
   * "Live runs standing at an element" is approximated by the element of the newest recorded step of each RUNNING run
   * of that version (the ledger sees jobs, not waits: a run waiting on a timer or message after a task counts at that
   * task). Elements without any count are left out.
   */
  @Transactional(readOnly = true)
  public Map<String, ElementCounts> elementCounts(String processId, int version) {
    Map<String, long[]> counts = new HashMap<>();
    List<Object[]> live = entityManager.createQuery(
        "select s.elementId, count(s) from JourneyStep s where s.id in ("
            + "select max(s2.id) from JourneyStep s2 where s2.processInstanceKey in ("
            + "select r.processInstanceKey from JourneyRun r where r.processId = :processId "
            + "and r.definitionVersion = :version and r.status = :running) group by s2.processInstanceKey) "
            + "group by s.elementId", Object[].class)
        .setParameter("processId", processId).setParameter("version", version)
        .setParameter("running", JourneyRun.Status.RUNNING).getResultList();
    live.forEach(row -> counts.computeIfAbsent((String) row[0], id -> new long[3])[0] = (Long) row[1]);
    List<Object[]> failures = entityManager.createQuery(
        "select s.elementId, s.outcome, count(s) from JourneyStep s where s.processId = :processId "
            + "and s.processVersion = :version and s.outcome in :outcomes group by s.elementId, s.outcome",
        Object[].class)
        .setParameter("processId", processId).setParameter("version", version)
        .setParameter("outcomes", List.of(Outcome.FAILED, Outcome.INCIDENT)).getResultList();
    failures.forEach(row -> counts.computeIfAbsent((String) row[0], id -> new long[3])
        [row[1] == Outcome.FAILED ? 1 : 2] = (Long) row[2]);
    Map<String, ElementCounts> result = new HashMap<>();
    counts.forEach((id, c) -> result.put(id, new ElementCounts(c[0], c[1], c[2])));
    return result;
  }

  /** Open incidents (INCIDENT steps nobody retried or cancelled yet), newest first, paged (limit 1 to 500). */
  @Transactional(readOnly = true)
  public List<Step> openIncidents(int offset, int limit) {
    checkPage(offset, limit);
    return entityManager.createQuery("select s from JourneyStep s where s.outcome = :incident "
            + "and s.resolvedAt is null order by s.id desc", JourneyStep.class)
        .setParameter("incident", Outcome.INCIDENT).setFirstResult(offset).setMaxResults(limit).getResultList()
        .stream().map(JourneyStep::toView).toList();
  }

  @Transactional(readOnly = true)
  public long countOpenIncidents() {
    return entityManager.createQuery("select count(s) from JourneyStep s where s.outcome = :incident "
            + "and s.resolvedAt is null", Long.class)
        .setParameter("incident", Outcome.INCIDENT).getSingleResult();
  }

  /** Steps completed in one minute (the minute starting at {@code from}). */
  public record Minute(Instant from, long completed) {
  }

  /**
   * Steps completed per minute over the last {@code minutes} whole minutes (1 to 1440) and the current one, oldest
   * first: one range count per minute on the ledger's (outcome, recorded_at) index.
   */
  @Transactional(readOnly = true)
  public List<Minute> throughput(int minutes) {
    if (minutes < 1 || minutes > 1440) {
      throw new InvalidInputException("minutes", "is " + minutes + ": 1 to 1440");
    }
    Instant current = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    TypedQuery<Long> count = entityManager.createQuery("select count(s) from JourneyStep s where s.outcome = "
        + ":completed and s.recordedAt >= :from and s.recordedAt < :to", Long.class)
        .setParameter("completed", Outcome.COMPLETED);
    List<Minute> result = new ArrayList<>();
    for (int i = minutes; i >= 0; i--) {
      Instant from = current.minus(i, ChronoUnit.MINUTES);
      result.add(new Minute(from, count.setParameter("from", from).setParameter("to", from.plusSeconds(60))
          .getSingleResult()));
    }
    return result;
  }

  /** How jobs of one type fared in a window: attempts per outcome, and the share that failed. */
  public record JobStats(String jobType, Duration window, long completed, long businessErrors, long failed,
      long incidents) {

    public long attempts() {
      return completed + businessErrors + failed + incidents;
    }

    /** Failed attempts (FAILED or INCIDENT) per attempt, 0..1; 0 without attempts. */
    public double errorRate() {
      return attempts() == 0 ? 0 : (double) (failed + incidents) / attempts();
    }

    /** Completed jobs per minute over the window. */
    public double completedPerMinute() {
      return completed / Math.max(1.0, window.toSeconds() / 60.0);
    }
  }

  /** Attempts of {@code jobType} (e.g. {@code send-sms}) recorded in the last {@code window}. */
  @Transactional(readOnly = true)
  public JobStats jobStats(String jobType, Duration window) {
    List<Object[]> rows = entityManager.createQuery("select s.outcome, count(s) from JourneyStep s where "
            + "s.jobType = :jobType and s.recordedAt >= :since group by s.outcome", Object[].class)
        .setParameter("jobType", jobType).setParameter("since", clock.instant().minus(window)).getResultList();
    Map<Outcome, Long> byOutcome = new HashMap<>();
    rows.forEach(row -> byOutcome.put((Outcome) row[0], (Long) row[1]));
    return new JobStats(jobType, window, byOutcome.getOrDefault(Outcome.COMPLETED, 0L),
        byOutcome.getOrDefault(Outcome.BPMN_ERROR, 0L), byOutcome.getOrDefault(Outcome.FAILED, 0L),
        byOutcome.getOrDefault(Outcome.INCIDENT, 0L));
  }

  private static void checkPage(int offset, int limit) {
    if (offset < 0) {
      throw new InvalidInputException("offset", "is negative");
    }
    if (limit < 1 || limit > 500) {
      throw new InvalidInputException("limit", "is " + limit + ": 1 to 500");
    }
  }
}
