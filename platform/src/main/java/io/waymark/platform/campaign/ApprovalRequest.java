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
@Table(name = "approval_request")
class ApprovalRequest {

  enum Status { PENDING, APPROVED, REJECTED, EXPIRED, WITHDRAWN }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private long runId;

  @Column(nullable = false)
  private long campaignId;

  @Column(nullable = false)
  private String reason;

  @Column(nullable = false)
  private int audienceSize;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(nullable = false)
  private Instant requestedAt;

  @Column(nullable = false)
  private Instant expiresAt;

  private String decidedBy;
  private Instant decidedAt;
  private String decisionReason;

  @Version
  private long version;

  protected ApprovalRequest() {
  }

  ApprovalRequest(long runId, long campaignId, String reason, int audienceSize, Instant now, Instant expiresAt) {
    this.runId = runId;
    this.campaignId = campaignId;
    this.reason = reason;
    this.audienceSize = audienceSize;
    this.status = Status.PENDING;
    this.requestedAt = now;
    this.expiresAt = expiresAt;
  }

  Long id() {
    return id;
  }

  long runId() {
    return runId;
  }

  long campaignId() {
    return campaignId;
  }

  Instant expiresAt() {
    return expiresAt;
  }

  String decidedBy() {
    return decidedBy;
  }

  Instant decidedAt() {
    return decidedAt;
  }

  /** The status as of {@code now}: a pending request past its expiry is EXPIRED whether or not that was recorded. */
  Status status(Instant now) {
    return status == Status.PENDING && !now.isBefore(expiresAt) ? Status.EXPIRED : status;
  }

  void decide(Status decision, String by, String why, Instant now) {
    this.status = decision;
    this.decidedBy = by;
    this.decisionReason = why;
    this.decidedAt = now;
  }

  /** Closes a request nobody decided: EXPIRED or WITHDRAWN. A decided one stays as it is. */
  void close(Status closed, Instant now) {
    if (status == Status.PENDING) {
      this.status = closed;
      this.decidedAt = now;
    }
  }

  ApprovalView toView(Campaign campaign, Integer templateVersion, Instant now) {
    return new ApprovalView(new ApprovalId(id), new CampaignRunId(runId), new CampaignId(campaignId),
        campaign.name(), campaign.createdBy(), campaign.segmentId(), campaign.templateKey(), templateVersion,
        campaign.topic(), audienceSize, reason, status(now).name(), requestedAt, expiresAt, decidedBy,
        status == Status.APPROVED || status == Status.REJECTED ? decidedAt : null, decisionReason);
  }
}
