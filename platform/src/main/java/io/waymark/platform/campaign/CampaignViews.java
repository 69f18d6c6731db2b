package io.waymark.platform.campaign;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** Assembles the views of campaigns, runs and approvals from their rows, the snapshot's counts and the clock. */
@Component
class CampaignViews {

  private final CampaignRepository campaigns;
  private final CampaignRunRepository runs;
  private final ApprovalRequestRepository approvals;
  private final AudienceSnapshot snapshot;
  private final Clock clock;

  CampaignViews(CampaignRepository campaigns, CampaignRunRepository runs, ApprovalRequestRepository approvals,
      AudienceSnapshot snapshot, Clock clock) {
    this.campaigns = campaigns;
    this.runs = runs;
    this.approvals = approvals;
    this.snapshot = snapshot;
    this.clock = clock;
  }

  /** The campaign with every run (one campaign) or with its newest run only (lists). */
  CampaignView campaign(Campaign campaign, boolean everyRun) {
    if (everyRun) {
      List<RunView> all = runs.findByCampaignIdOrderByFireTimeDescIdDesc(campaign.id()).stream()
          .map(run -> run(run, campaign)).toList();
      return campaign.toView(null, all);
    }
    return campaign.toView(runs.findFirstByCampaignIdOrderByFireTimeDescIdDesc(campaign.id())
        .map(run -> run(run, campaign)).orElse(null), null);
  }

  RunView run(CampaignRun run, Campaign campaign) {
    Counts counts = run.resolved() || run.status() == CampaignRun.Status.RUNNING ? snapshot.counts(run.id())
        : Counts.NONE;
    ApprovalView approval = approvals.findByRunId(run.id()).map(a -> approval(a, campaign, run)).orElse(null);
    return run.toView(counts, approval);
  }

  RunView run(CampaignRun run) {
    return run(run, campaigns.findById(run.campaignId()).orElseThrow());
  }

  ApprovalView approval(ApprovalRequest approval) {
    Campaign campaign = campaigns.findById(approval.campaignId()).orElseThrow();
    CampaignRun run = runs.findById(approval.runId()).orElseThrow();
    return approval(approval, campaign, run);
  }

  private ApprovalView approval(ApprovalRequest approval, Campaign campaign, CampaignRun run) {
    return approval.toView(campaign, run.templateVersion(), clock.instant());
  }
}
