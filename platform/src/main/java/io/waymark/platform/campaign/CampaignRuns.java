package io.waymark.platform.campaign;

import io.waymark.platform.contact.ContactId;
import io.waymark.platform.messaging.SmsOutcome;
import io.waymark.platform.messaging.TemplatedMessages;
import io.waymark.platform.messaging.TemplatedMessages.TemplatedSms;
import io.waymark.platform.segment.AudiencePage;
import io.waymark.platform.segment.SegmentId;
import io.waymark.platform.segment.Segments;
import io.waymark.platform.template.MessageTemplates;
import io.waymark.platform.template.TemplateView;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The runs of campaigns, as the engine side drives them: started ({@link #markStarted}), their audience resolved into
 * a snapshot ({@link #resolveAudience}), sent batch by batch ({@link #sendBatch}) and ended ({@link #recordOutcome}).
 * Every step may run twice (Zeebe delivers jobs at least once) and goes on where the last attempt stopped.
 */
@Service
public class CampaignRuns {

  /** Contacts read from the segment per page while resolving (the snapshot is numbered in send batches anyway). */
  static final int RESOLVE_PAGE = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(CampaignRuns.class);

  private final CampaignRepository campaigns;
  private final CampaignRunRepository runs;
  private final ApprovalRequestRepository approvals;
  private final AudienceSnapshot snapshot;
  private final CampaignViews views;
  private final Segments segments;
  private final MessageTemplates templates;
  private final TemplatedMessages messages;
  private final CampaignProperties properties;
  private final Clock clock;
  private final TransactionTemplate transaction;

  CampaignRuns(CampaignRepository campaigns, CampaignRunRepository runs, ApprovalRequestRepository approvals,
      AudienceSnapshot snapshot, CampaignViews views, Segments segments, MessageTemplates templates,
      TemplatedMessages messages, CampaignProperties properties, Clock clock, PlatformTransactionManager transactions) {
    this.campaigns = campaigns;
    this.runs = runs;
    this.approvals = approvals;
    this.snapshot = snapshot;
    this.views = views;
    this.segments = segments;
    this.templates = templates;
    this.messages = messages;
    this.properties = properties;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** A run with its counts and approval. */
  @Transactional(readOnly = true)
  public Optional<RunView> find(CampaignRunId id) {
    return runs.findById(id.value()).map(views::run);
  }

  /**
   * What the engine side starts a requested run with; empty when the run is no longer REQUESTED (started already,
   * or cancelled before it started).
   */
  @Transactional(readOnly = true)
  public Optional<Start> toStart(CampaignRunId id) {
    return runs.findById(id.value()).filter(run -> run.status() == CampaignRun.Status.REQUESTED)
        .map(run -> new Start(run.runId(), new CampaignId(run.campaignId()), properties.maxDuration()));
  }

  /** The variables of a {@code campaign-send} instance: the run, its campaign, its maximum duration. */
  public record Start(CampaignRunId runId, CampaignId campaignId, Duration maxDuration) {
  }

  /**
   * Records the instance that carries the run. False when the run was cancelled meanwhile: the caller then cancels
   * the instance it just created.
   */
  @Transactional
  public boolean markStarted(CampaignRunId id, long processInstanceKey) {
    return run(id).started(processInstanceKey, now());
  }

  /**
   * Resolves the run's segment for the campaign's topic into the audience snapshot, page by page (each page its own
   * transaction), numbered in batches of {@code waymark.campaigns.batch-size}; an interrupted resolution goes on after
   * the last member written. Pins the template version approved now (what an approver sees is what is sent) and
   * decides whether the run needs approval. A run resolved already answers as it did.
   */
  public Resolution resolveAudience(CampaignRunId id) {
    CampaignRun run = transaction.execute(status -> run(id));
    if (run.resolved()) {
      return run.resolution();
    }
    Campaign campaign = campaigns.findById(run.campaignId()).orElseThrow();
    TemplateView template = templates.find(campaign.templateKey()).filter(t -> t.approvedVersion() != null)
        .orElseThrow(() -> new IllegalStateException("campaign " + campaign.id() + ": template '"
            + campaign.templateKey() + "' has no approved version any more; approve one, then retry the job"));
    AudienceSnapshot.Progress progress = snapshot.progress(id.value());
    long written = progress.written();
    ContactId after = progress.last();
    int batchSize = properties.batchSize();
    AudiencePage page;
    do {
      page = segments.members(new SegmentId(campaign.segmentId()), campaign.topic(), after, RESOLVE_PAGE);
      if (!page.members().isEmpty()) {
        long position = written;
        List<ContactId> members = page.members();
        transaction.executeWithoutResult(status -> snapshot.append(id.value(), members, position, batchSize));
        written += members.size();
        after = members.getLast();
      }
    } while (!page.last());
    int audienceSize = Math.toIntExact(written);
    int batchCount = (audienceSize + batchSize - 1) / batchSize;
    String approvalReason = approvalReason(audienceSize, campaign.topic());
    transaction.executeWithoutResult(status -> run(id).resolved(template.approvedVersion(), audienceSize, batchCount,
        approvalReason, now()));
    LOG.info("Campaign run {}: {} members for topic {} in {} batches, template {} v{}{}", id, audienceSize,
        campaign.topic(), batchCount, template.key(), template.approvedVersion(),
        approvalReason == null ? "" : "; needs approval: " + approvalReason);
    return new Resolution(audienceSize, batchCount, approvalReason != null);
  }

  /** Why a run needs approval, or null when it does not. */
  private String approvalReason(int audienceSize, String topic) {
    List<String> reasons = new ArrayList<>();
    if (audienceSize > properties.approvalThreshold()) {
      NumberFormat number = NumberFormat.getIntegerInstance(Locale.US);
      reasons.add("the audience of " + number.format(audienceSize) + " is over the approval threshold of "
          + number.format(properties.approvalThreshold()));
    }
    if (audienceSize > 0 && properties.isSensitive(topic)) {
      reasons.add("topic '" + topic + "' is sensitive");
    }
    return reasons.isEmpty() ? null : String.join("; ", reasons);
  }

  /**
   * Sends the campaign's pinned template to every member of one batch not yet settled, once per run and member
   * (idempotency key {@code campaign:<run>:<contact>}), asking consent and the send policy for each at this moment
   * (through {@link TemplatedMessages}); the route's rate limiter paces the sends. A suppressed or failed member is
   * counted, not an error; a deferred one is tried again by the next attempt. Stops before {@code deadline} (the
   * attempt's time budget) and as soon as the run is cancelled or over. Technical failures (no provider took a
   * message) propagate: what was sent is recorded, and the next attempt goes on from there.
   */
  public BatchResult sendBatch(CampaignRunId id, int batchNumber, Long processInstanceKey, String elementId,
      Instant deadline) {
    CampaignRun run = transaction.execute(status -> run(id));
    Campaign campaign = campaigns.findById(run.campaignId()).orElseThrow();
    if (!run.resolved()) {
      throw new IllegalStateException("campaign run " + id + " has no resolved audience: resolve-audience first");
    }
    Instant earliestDeferral = null;
    boolean finished = true;
    boolean stopped = false;
    for (AudienceSnapshot.Member member : snapshot.batch(id.value(), batchNumber)) {
      if (member.settled()) {
        continue;
      }
      if (!stillSending(id)) {
        stopped = true;
        break;
      }
      if (now().isAfter(deadline)) {
        finished = false;
        break;
      }
      SmsOutcome outcome = messages.sendSms(new TemplatedSms(idempotencyKey(id, member.contactId()),
          member.contactId(), campaign.templateKey(), campaign.topic(), null, campaign.brand(),
          Map.of("campaignId", campaign.id().toString(), "campaignRunId", id.toString()), processInstanceKey,
          elementId, run.sendNotAfter(), null, run.templateVersion()));
      record(id, member.contactId(), outcome);
      if (outcome.status() == SmsOutcome.Status.DEFERRED && outcome.deferredUntil() != null
          && (earliestDeferral == null || outcome.deferredUntil().isBefore(earliestDeferral))) {
        earliestDeferral = outcome.deferredUntil();
      }
    }
    Counts counts = snapshot.counts(id.value(), batchNumber);
    boolean passed = finished && !stopped;
    return new BatchResult(counts, passed && counts.deferred() == 0 && counts.pending() == 0, stopped,
        passed && counts.deferred() > 0 ? earliestDeferral : null);
  }

  /** The key a member's message is sent under: one message per run and contact, however often the batch runs. */
  static String idempotencyKey(CampaignRunId run, ContactId contact) {
    return "campaign:" + run + ":" + contact;
  }

  private void record(CampaignRunId id, ContactId contact, SmsOutcome outcome) {
    AudienceSnapshot.MemberStatus status = switch (outcome.status()) {
      case SENT -> AudienceSnapshot.MemberStatus.SENT;
      case SUPPRESSED -> AudienceSnapshot.MemberStatus.SUPPRESSED;
      case FAILED -> AudienceSnapshot.MemberStatus.FAILED;
      case DEFERRED -> AudienceSnapshot.MemberStatus.DEFERRED;
    };
    snapshot.record(id.value(), contact, status, outcome.messageId(), outcome.reason(), outcome.deferredUntil(),
        now());
  }

  private boolean stillSending(CampaignRunId id) {
    return Boolean.TRUE.equals(transaction.execute(status -> run(id).sending()));
  }

  /**
   * What one batch came to: its members' {@code counts}; {@code complete} when every member is settled (sent,
   * suppressed or failed); {@code stopped} when the run was cancelled or ended meanwhile; {@code deferredUntil} the
   * earliest moment a deferred member may be texted (null when none is deferred). Neither complete nor stopped nor
   * deferred: the attempt's time budget ran out.
   */
  public record BatchResult(Counts counts, boolean complete, boolean stopped, Instant deferredUntil) {
  }

  /**
   * How the run ended (idempotent: the first outcome stands). An approval nobody decided is closed: EXPIRED when that
   * is why the run ended, else WITHDRAWN. A one-off campaign is then COMPLETED.
   */
  @Transactional
  public void recordOutcome(CampaignRunId id, String outcome) {
    CampaignRun run = run(id);
    Instant now = now();
    if (!run.ended(outcome, now)) {
      return;
    }
    approvals.findByRunId(run.id()).ifPresent(approval -> approval.close("APPROVAL_EXPIRED".equals(outcome)
        ? ApprovalRequest.Status.EXPIRED : ApprovalRequest.Status.WITHDRAWN, now));
    campaigns.findById(run.campaignId()).ifPresent(Campaign::runEnded);
    Counts counts = run.resolved() ? snapshot.counts(run.id()) : Counts.NONE;
    LOG.info("Campaign run {} ended {}: {} resolved, {} sent, {} suppressed, {} failed, {} deferred, {} not tried", id,
        outcome, counts.resolved(), counts.sent(), counts.suppressed(), counts.failed(), counts.deferred(),
        counts.pending());
  }

  private CampaignRun run(CampaignRunId id) {
    return runs.findById(id.value()).orElseThrow(() -> new CampaignNotFoundException("no campaign run " + id));
  }

  /** Now, as the database keeps it (microseconds). */
  private Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }
}
