package io.waymark.platform.journey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One job a worker ran: the row of the step ledger. */
@Entity
@Table(name = "journey_step")
class JourneyStep {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private long processInstanceKey;

  @Column(nullable = false)
  private String processId;

  @Column(nullable = false)
  private int processVersion;

  @Column(nullable = false)
  private String elementId;

  @Column(nullable = false)
  private String jobType;

  @Column(nullable = false)
  private long jobKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private JourneySteps.Outcome outcome;

  private String detail;

  @Column(nullable = false)
  private int retriesLeft;

  @Column(nullable = false)
  private long durationMs;

  @Column(nullable = false)
  private Instant recordedAt;

  private Long elementInstanceKey;

  private Instant resolvedAt;

  protected JourneyStep() {
  }

  JourneyStep(JourneySteps.Ran ran, Instant now) {
    this.processInstanceKey = ran.processInstanceKey();
    this.processId = ran.processId();
    this.processVersion = ran.processVersion();
    this.elementId = ran.elementId();
    this.jobType = ran.jobType();
    this.jobKey = ran.jobKey();
    this.outcome = ran.outcome();
    this.detail = ran.detail() == null || ran.detail().length() <= 1000 ? ran.detail()
        : ran.detail().substring(0, 997) + "...";
    this.retriesLeft = ran.retriesLeft();
    this.durationMs = ran.duration().toMillis();
    this.recordedAt = now;
    this.elementInstanceKey = ran.elementInstanceKey() > 0 ? ran.elementInstanceKey() : null;
  }

  /** Ops retried the incident or cancelled its instance. Resolving twice keeps the first time. */
  void resolve(Instant now) {
    if (resolvedAt == null) {
      resolvedAt = now;
    }
  }

  JourneySteps.Step toView() {
    return new JourneySteps.Step(id, processInstanceKey, processId, processVersion, elementId, jobType, jobKey,
        outcome, detail, retriesLeft, durationMs, recordedAt, elementInstanceKey, resolvedAt);
  }
}
