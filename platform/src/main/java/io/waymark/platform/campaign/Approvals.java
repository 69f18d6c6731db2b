package io.waymark.platform.campaign;

import io.waymark.platform.governance.AuditLog;
import io.waymark.platform.support.InvalidInputException;
import io.waymark.platform.support.InvalidInputException.Problem;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-off of large or sensitive sends. A run that needs it gets one request ({@link #request}), open for
 * {@code waymark.campaigns.approval-expiry}; an approver decides once ({@link #decide}), never on a campaign they
 * created (four eyes), never after the request expired; the decision reaches the run's instance as message
 * {@code approval-decided} through {@link ApprovalDecided}.
 */
@Service
public class Approvals {

  private static final Logger LOG = LoggerFactory.getLogger(Approvals.class);
  private static final int LISTED = 200;

  private final ApprovalRequestRepository approvals;
  private final CampaignRunRepository runs;
  private final CampaignRepository campaigns;
  private final CampaignViews views;
  private final CampaignProperties properties;
  private final ApplicationEventPublisher events;
  private final AuditLog audit;
  private final Clock clock;

  Approvals(ApprovalRequestRepository approvals, CampaignRunRepository runs, CampaignRepository campaigns,
      CampaignViews views, CampaignProperties properties, ApplicationEventPublisher events, AuditLog audit,
      Clock clock) {
    this.approvals = approvals;
    this.runs = runs;
    this.campaigns = campaigns;
    this.views = views;
    this.properties = properties;
    this.events = events;
    this.audit = audit;
    this.clock = clock;
  }

  /** The run's approval request, created on first call (a repeated call returns the same request). */
  @Transactional
  public ApprovalView request(CampaignRunId runId) {
    Optional<ApprovalRequest> existing = approvals.findByRunId(runId.value());
    if (existing.isPresent()) {
      return views.approval(existing.get());
    }
    CampaignRun run = runs.findById(runId.value())
        .orElseThrow(() -> new CampaignNotFoundException("no campaign run " + runId));
    if (!run.resolved()) {
      throw new IllegalStateException("campaign run " + runId + " has no resolved audience: resolve-audience first");
    }
    Instant now = now();
    String reason = run.approvalReason() != null ? run.approvalReason() : "the journey asks for approval";
    try {
      ApprovalRequest created = approvals.saveAndFlush(new ApprovalRequest(run.id(), run.campaignId(), reason,
          run.audienceSize(), now, now.plus(properties.approvalExpiry())));
      LOG.info("Approval {} requested for campaign run {}: {}; open until {}", created.id(), runId, reason,
          created.expiresAt());
      return views.approval(created);
    } catch (DataIntegrityViolationException concurrent) {
      throw new IllegalStateException("approval of campaign run " + runId + " requested concurrently; retry", concurrent);
    }
  }

  @Transactional(readOnly = true)
  public Optional<ApprovalView> find(ApprovalId id) {
    return approvals.findById(id.value()).map(views::approval);
  }

  /**
   * Requests in one status, newest first (at most 200): PENDING (open: not decided, not expired; soonest expiry
   * first), APPROVED, REJECTED, EXPIRED, WITHDRAWN; null for every request.
   */
  @Transactional(readOnly = true)
  public List<ApprovalView> list(String status) {
    return list(status, 0, LISTED);
  }

  /**
   * One page of {@link #list(String)} (same statuses and order), for views that page lazily: {@code page} from 0,
   * {@code size} 1 to 500.
   */
  @Transactional(readOnly = true)
  public List<ApprovalView> list(String status, int page, int size) {
    if (page < 0 || size < 1 || size > 500) {
      throw new InvalidInputException("size", "page must be 0 or more and size 1 to 500, not page " + page + " size "
          + size);
    }
    return find(status, PageRequest.of(page, size));
  }

  /** Whether runs on {@code topic} always need sign-off ({@code waymark.campaigns.sensitive-topics}). */
  public boolean isSensitiveTopic(String topic) {
    return topic != null && properties.isSensitive(topic.strip().toLowerCase(Locale.ROOT));
  }

  /**
   * What one SMS segment costs in USD ({@code waymark.campaigns.segment-price}, default 0.0079): an approver's cost
   * estimate is segments per message × audience × this price.
   */
  public BigDecimal segmentPrice() {
    return properties.segmentPrice();
  }

  private List<ApprovalView> find(String status, PageRequest page) {
    Instant now = now();
    List<ApprovalRequest> found;
    if (status == null || status.isBlank()) {
      found = approvals.findAllByOrderByIdDesc(page);
    } else {
      ApprovalRequest.Status wanted = parse(status);
      found = switch (wanted) {
        case PENDING -> approvals.findOpen(now, page);
        case EXPIRED -> approvals.findExpired(now, page);
        default -> approvals.findByStatusOrderByIdDesc(wanted, page);
      };
    }
    return found.stream().map(views::approval).toList();
  }

  private static ApprovalRequest.Status parse(String status) {
    try {
      return ApprovalRequest.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("status", "'" + status + "' is not PENDING, APPROVED, REJECTED, EXPIRED or "
          + "WITHDRAWN");
    }
  }

  /** An approver's decision: APPROVED or REJECTED, who decides, and why (required to reject). */
  public record Decision(String decision, String by, String reason) {
  }

  /**
   * Decides an open request. Refuses (naming why) bad input (400), a decision by the campaign's creator (403: four
   * eyes), a second decision, a decision after expiry or on a withdrawn request (409). Publishes
   * {@link ApprovalDecided}, so that the run's instance goes on (APPROVED: it sends) or ends (REJECTED).
   */
  @Transactional
  public ApprovalView decide(ApprovalId id, Decision decision) {
    List<Problem> problems = new ArrayList<>();
    String verdict = decision.decision() == null ? "" : decision.decision().strip().toUpperCase(Locale.ROOT);
    if (!verdict.equals("APPROVED") && !verdict.equals("REJECTED")) {
      problems.add(new Problem("decision", decision.decision() == null || decision.decision().isBlank()
          ? "is required: APPROVED or REJECTED" : "'" + decision.decision() + "' is not APPROVED or REJECTED"));
    }
    String by = decision.by() == null ? "" : decision.by().strip();
    if (by.isEmpty() || by.length() > 100) {
      problems.add(new Problem("by", "is required (1 to 100 characters): who decides"));
    }
    String reason = decision.reason() == null || decision.reason().isBlank() ? null : decision.reason().strip();
    if (reason != null && reason.length() > 1000) {
      problems.add(new Problem("reason", "is longer than 1000 characters"));
    } else if (reason == null && verdict.equals("REJECTED")) {
      problems.add(new Problem("reason", "is required to reject: say why, so the campaign's creator can act on it"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    ApprovalRequest approval = approvals.findById(id.value())
        .orElseThrow(() -> new CampaignNotFoundException("no approval " + id));
    Campaign campaign = campaigns.findById(approval.campaignId()).orElseThrow();
    Instant now = now();
    switch (approval.status(now)) {
      case APPROVED, REJECTED -> throw new CampaignConflictException("approval " + id + " was "
          + approval.status(now) + " by " + approval.decidedBy() + " at " + approval.decidedAt()
          + "; a decision is final");
      case EXPIRED -> throw new CampaignConflictException("approval " + id + " expired at " + approval.expiresAt()
          + " without a decision: its run ends as APPROVAL_EXPIRED and sends nothing; start a new run of the campaign "
          + "to ask again");
      case WITHDRAWN -> throw new CampaignConflictException("approval " + id + " was withdrawn: its run ended "
          + "before a decision (the campaign was cancelled or ran out of time)");
      case PENDING -> {
        // open: decide below
      }
    }
    if (by.equalsIgnoreCase(campaign.createdBy())) {
      throw new FourEyesException("four eyes: " + by + " created campaign " + campaign.id() + " ('" + campaign.name()
          + "') and cannot decide on its send; another approver must (to stop it, cancel the campaign)");
    }
    approval.decide(ApprovalRequest.Status.valueOf(verdict), by, reason, now);
    approvals.saveAndFlush(approval);
    events.publishEvent(new ApprovalDecided(id));
    audit.record(AuditLog.Entry.of("campaign.approval.decided", "approval", String.valueOf(id.value()))
        .before(Map.of("status", "PENDING"))
        .after(reason == null ? Map.of("status", verdict, "decidedBy", by)
            : Map.of("status", verdict, "decidedBy", by, "reason", reason))
        .detail(verdict + " by " + by + ": run " + approval.runId() + " of campaign " + campaign.id() + " ('"
            + campaign.name() + "')"));
    LOG.info("Approval {} of campaign run {}: {} by {}", id, approval.runId(), verdict, by);
    return views.approval(approval);
  }

  /** Now, as the database keeps it (microseconds). */
  private Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }
}
