package io.waymark.workers.engine;

import io.camunda.client.CamundaClient;
import io.waymark.platform.campaign.ApprovalDecided;
import io.waymark.platform.campaign.ApprovalView;
import io.waymark.platform.campaign.Approvals;
import io.waymark.platform.campaign.CampaignRunCancelled;
import io.waymark.workflows.Messages;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Publishes what the campaign module decided to the runs' instances, after its transaction committed:
 * {@code approval-decided} under the approval id (with {@code approvalDecision}, {@code approvalDecidedBy},
 * {@code approvalReason}; kept until the request would have expired, so an instance that is about to wait still gets
 * it), and {@code campaign-cancelled} under the run id. Each message has an id of its own, so a resubmitted
 * publication is not correlated twice.
 */
@Component
class CampaignMessagePublisher {

  private static final Logger LOG = LoggerFactory.getLogger(CampaignMessagePublisher.class);
  private static final Duration CANCEL_TTL = Duration.ofMinutes(10);

  private final CamundaClient client;
  private final Approvals approvals;
  private final Clock clock;

  CampaignMessagePublisher(CamundaClient client, Approvals approvals, Clock clock) {
    this.client = client;
    this.approvals = approvals;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(ApprovalDecided decided) {
    ApprovalView approval = approvals.find(decided.approvalId())
        .orElseThrow(() -> new IllegalStateException("no approval " + decided.approvalId()));
    Map<String, Object> variables = new HashMap<>();
    variables.put("approvalDecision", approval.status());
    variables.put("approvalDecidedBy", approval.decidedBy());
    variables.put("approvalReason", approval.decisionReason());
    Duration untilExpiry = Duration.between(clock.instant(), approval.expiresAt());
    publish(Messages.APPROVAL_DECIDED, approval.id().toString(), "approval-decided-" + approval.id(),
        untilExpiry.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : untilExpiry, variables);
    LOG.info("Approval {} ({}) published to campaign run {}", approval.id(), approval.status(), approval.runId());
  }

  @ApplicationModuleListener
  void on(CampaignRunCancelled cancelled) {
    publish(Messages.CAMPAIGN_CANCELLED, cancelled.runId().toString(), "campaign-cancelled-" + cancelled.runId(),
        CANCEL_TTL, Map.of());
    LOG.info("Campaign run {}: campaign-cancelled published", cancelled.runId());
  }

  private void publish(String name, String key, String messageId, Duration ttl, Map<String, Object> variables) {
    EngineMessages.publishOnce(client, name, key, messageId, ttl, variables);
  }
}
