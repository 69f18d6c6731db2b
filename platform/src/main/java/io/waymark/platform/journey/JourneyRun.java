package io.waymark.platform.journey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "journey_run")
class JourneyRun {

  /** SKIPPED: the event started nothing (the journey was paused, or the contact is in it already). */
  enum Status { REQUESTED, RUNNING, ENDED, SKIPPED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String eventId;

  @Column(nullable = false)
  private String eventType;

  @Column(nullable = false)
  private String processId;

  @Column(nullable = false)
  private long contactId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(nullable = false)
  private String variables;

  private Long processInstanceKey;
  private Long definitionKey;
  private Integer definitionVersion;
  private String outcome;

  @Column(nullable = false)
  private Instant requestedAt;

  private Instant startedAt;
  private Instant endedAt;

  /** {@code <process id>:<contact id>} while live in a journey without re-entry; unique, so at most one such run. */
  private String liveKey;

  @Version
  private long version;

  protected JourneyRun() {
  }

  JourneyRun(String eventId, String eventType, String processId, long contactId, String variables, Instant now) {
    this.eventId = eventId;
    this.eventType = eventType;
    this.processId = processId;
    this.contactId = contactId;
    this.variables = variables;
    this.status = Status.REQUESTED;
    this.requestedAt = now;
  }

  static String liveKey(String processId, long contactId) {
    return processId + ":" + contactId;
  }

  /** Holds the contact's single place in a journey without re-entry until the run ends. */
  JourneyRun exclusive() {
    this.liveKey = liveKey(processId, contactId);
    return this;
  }

  /** The event started nothing, for the reason given (kept as the outcome, so "why not?" has an answer). */
  JourneyRun skipped(String reason) {
    this.status = Status.SKIPPED;
    this.outcome = reason;
    this.endedAt = requestedAt;
    this.liveKey = null;
    return this;
  }

  /** Idempotent: a second report of the same instance changes nothing. */
  void started(long instanceKey, long definitionKey, int definitionVersion, Instant now) {
    if (status == Status.ENDED && definitionKey != 0 && this.definitionKey == null
        && Long.valueOf(instanceKey).equals(processInstanceKey)) {
      this.definitionKey = definitionKey; // the instance ended before its start was recorded
      this.definitionVersion = definitionVersion;
      return;
    }
    if (status != Status.REQUESTED) {
      return;
    }
    this.status = Status.RUNNING;
    this.processInstanceKey = instanceKey;
    this.definitionKey = definitionKey;
    this.definitionVersion = definitionVersion;
    this.startedAt = now;
  }

  /** Ended, possibly before its start was recorded: the instance is kept then. */
  void endedAs(long instanceKey, String outcome, Instant now) {
    if (processInstanceKey == null && status == Status.REQUESTED) {
      this.processInstanceKey = instanceKey;
      this.startedAt = now;
    }
    ended(outcome, now);
  }

  void ended(String outcome, Instant now) {
    if (status == Status.ENDED || status == Status.SKIPPED) {
      return;
    }
    this.status = Status.ENDED;
    this.outcome = outcome;
    this.endedAt = now;
    this.liveKey = null;
  }

  Long id() {
    return id;
  }

  Status status() {
    return status;
  }

  JourneyRuns.Run toView() {
    return new JourneyRuns.Run(new JourneyRunId(id), eventId, eventType, processId, contactId, status.name(),
        variables, processInstanceKey, definitionVersion, outcome, requestedAt, startedAt, endedAt);
  }
}
