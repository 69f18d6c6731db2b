package io.waymark.workers.campaign;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.waymark.platform.campaign.CampaignRunId;
import io.waymark.platform.campaign.CampaignRuns;
import io.waymark.platform.campaign.Resolution;
import io.waymark.workflows.JobTypes;
import org.springframework.stereotype.Component;

/**
 * {@code resolve-audience}: resolves the run's segment for its topic into the audience snapshot, page by page, and
 * returns counts only ({@code audienceSize}, {@code batchCount}) and whether approval is needed. A redelivered job goes
 * on after the last member written, or answers as before. Timeout 30 minutes: a million members are about a thousand
 * keyset pages; one job at a time per Waymark instance, so resolutions never crowd out other workers' threads.
 */
@Component
public class ResolveAudienceWorker {

  private final CampaignRuns runs;

  ResolveAudienceWorker(CampaignRuns runs) {
    this.runs = runs;
  }

  @JobWorker(type = JobTypes.RESOLVE_AUDIENCE, timeout = 30 * 60 * 1000L, maxJobsActive = 1)
  public Result resolveAudience(ActivatedJob job, @Variable String campaignRunId) {
    Resolution resolution = runs.resolveAudience(CampaignRunId.parse(campaignRunId));
    return new Result(resolution.audienceSize(), resolution.batchCount(), resolution.approvalRequired());
  }

  public record Result(int audienceSize, int batchCount, boolean approvalRequired) {
  }
}
