package io.waymark.workers.journey;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.waymark.platform.campaign.CampaignRunId;
import io.waymark.platform.campaign.CampaignRuns;
import io.waymark.platform.journey.JourneyRunId;
import io.waymark.platform.journey.JourneyRuns;
import io.waymark.workflows.JobTypes;
import org.springframework.stereotype.Component;

/**
 * {@code record-outcome}: tells the run ledger how this run ended: the campaign run's ledger when the instance
 * carries a {@code campaignRunId} (campaign-send), else the journey run's. Returns no variables.
 */
@Component
public class RecordOutcomeWorker {

  private final JourneyRuns runs;
  private final CampaignRuns campaignRuns;

  RecordOutcomeWorker(JourneyRuns runs, CampaignRuns campaignRuns) {
    this.runs = runs;
    this.campaignRuns = campaignRuns;
  }

  @JobWorker(type = JobTypes.RECORD_OUTCOME)
  public void recordOutcome(ActivatedJob job, @Variable String outcome,
      @Variable(optional = true) String campaignRunId, @Variable(optional = true) String journeyRunId) {
    if (campaignRunId != null) {
      campaignRuns.recordOutcome(CampaignRunId.parse(campaignRunId), outcome);
    } else if (journeyRunId != null) {
      // by run id: an instance may end (a held-out run) before the starter recorded which instance carries the run
      runs.markEnded(new JourneyRunId(Long.parseLong(journeyRunId)), job.getProcessInstanceKey(), outcome);
    } else {
      runs.markEnded(job.getProcessInstanceKey(), outcome);
    }
  }
}
