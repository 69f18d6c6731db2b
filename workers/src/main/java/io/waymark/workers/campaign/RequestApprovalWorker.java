package io.waymark.workers.campaign;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.waymark.platform.campaign.ApprovalView;
import io.waymark.platform.campaign.Approvals;
import io.waymark.platform.campaign.CampaignRunId;
import io.waymark.workflows.JobTypes;
import org.springframework.stereotype.Component;

/**
 * {@code request-approval}: opens the run's approval request (one per run: a redelivered job gets the same one) and
 * returns its id, the correlation key of {@code approval-decided}, and when it expires, the expiry timer's date.
 */
@Component
public class RequestApprovalWorker {

  private final Approvals approvals;

  RequestApprovalWorker(Approvals approvals) {
    this.approvals = approvals;
  }

  @JobWorker(type = JobTypes.REQUEST_APPROVAL)
  public Result requestApproval(ActivatedJob job, @Variable String campaignRunId) {
    ApprovalView approval = approvals.request(CampaignRunId.parse(campaignRunId));
    return new Result(approval.id().toString(), approval.expiresAt().toString());
  }

  public record Result(String approvalId, String approvalExpiresAt) {
  }
}
