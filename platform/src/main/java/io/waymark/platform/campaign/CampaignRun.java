package io.waymark.platform.campaign;

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
@Table(name = "campaign_run")
class CampaignRun {

  /** SKIPPED: a fire that started nothing (outcome PREVIOUS_RUN_LIVE or MISSED). */
  enum Status { REQUESTED, RUNNING, ENDED, SKIPPED }

  /** Outcome of a fire skipped because the campaign's previous run was still live. */
  static final String PREVIOUS_RUN_LIVE = "PREVIOUS_RUN_LIVE";
  /** Outcome of a fire Waymark was not running for (missed by more than the catch-up window). */
  static final String MISSED = "MISSED";
  /** Outcome of a run still live an hour after its send window closed: its instance is gone. */
  static final String ABANDONED = "ABANDONED";
  static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofHours(1);
  /** Outcome of a run cancelled before its instance started. */
  static final String CANCELLED = "CANCELLED";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private long campaignId;

  @Column(nullable = false)
  private Instant fireTime;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(nullable = false)
  private Instant sendNotAfter;

  private Long processInstanceKey;
  private Integer templateVersion;
  private Integer audienceSize;
  private Integer batchCount;
  private Boolean approvalRequired;
  private String approvalReason;
  private Instant resolvedAt;
  private String outcome;

  @Column(nullable = false)
  private Instant requestedAt;

  private Instant startedAt;
  private Instant endedAt;
  private Instant cancelRequestedAt;

  @Version
  private long version;

  protected CampaignRun() {
  }

  CampaignRun(long campaignId, Instant fireTime, Instant now, Instant sendNotAfter) {
    this.campaignId = campaignId;
    this.fireTime = fireTime;
    this.status = Status.REQUESTED;
    this.requestedAt = now;
    this.sendNotAfter = sendNotAfter;
  }

  /** A fire that starts nothing, for the reason given. */
  CampaignRun skipped(String reason) {
    this.status = Status.SKIPPED;
    this.outcome = reason;
    this.endedAt = requestedAt;
    return this;
  }

  Long id() {
    return id;
  }

  CampaignRunId runId() {
    return new CampaignRunId(id);
  }

  long campaignId() {
    return campaignId;
  }

  Status status() {
    return status;
  }

  boolean live() {
    return status == Status.REQUESTED || status == Status.RUNNING;
  }

  /**
   * Whether batches may still be sent: live and not asked to stop. REQUESTED counts: the instance may reach its first
   * batch before its starter has recorded it.
   */
  boolean sending() {
    return live() && cancelRequestedAt == null;
  }

  /** A live run long past its send window (its instance was cancelled outside Waymark, say): it will never end. */
  boolean abandoned(Instant now) {
    return live() && sendNotAfter.plus(ABANDONED_AFTER).isBefore(now);
  }

  Instant sendNotAfter() {
    return sendNotAfter;
  }

  Integer templateVersion() {
    return templateVersion;
  }

  Long processInstanceKey() {
    return processInstanceKey;
  }

  boolean resolved() {
    return resolvedAt != null;
  }

  Resolution resolution() {
    return new Resolution(audienceSize, batchCount, Boolean.TRUE.equals(approvalRequired));
  }

  Integer audienceSize() {
    return audienceSize;
  }

  String approvalReason() {
    return approvalReason;
  }

  /** Idempotent: false when the run is no longer waiting for its instance (cancelled meanwhile). */
  boolean started(long instanceKey, Instant now) {
    if (status == Status.RUNNING && processInstanceKey != null && processInstanceKey == instanceKey) {
      return true;
    }
    if (status != Status.REQUESTED) {
      return false;
    }
    this.status = Status.RUNNING;
    this.processInstanceKey = instanceKey;
    this.startedAt = now;
    return true;
  }

  void resolved(int templateVersion, int audienceSize, int batchCount, String approvalReason, Instant now) {
    this.templateVersion = templateVersion;
    this.audienceSize = audienceSize;
    this.batchCount = batchCount;
    this.approvalRequired = approvalReason != null;
    this.approvalReason = approvalReason;
    this.resolvedAt = now;
  }

  void cancelRequested(Instant now) {
    if (cancelRequestedAt == null) {
      this.cancelRequestedAt = now;
    }
  }

  /** Idempotent: the first outcome stands. */
  boolean ended(String outcome, Instant now) {
    if (status == Status.ENDED || status == Status.SKIPPED) {
      return false;
    }
    this.status = Status.ENDED;
    this.outcome = outcome;
    this.endedAt = now;
    return true;
  }

  RunView toView(Counts counts, ApprovalView approval) {
    return new RunView(runId(), new CampaignId(campaignId), fireTime, status.name(), outcome, processInstanceKey,
        templateVersion, audienceSize, batchCount, approvalRequired, approvalReason, approval, counts, requestedAt,
        startedAt, resolvedAt, endedAt, sendNotAfter, cancelRequestedAt);
  }
}
