package io.waymark.platform.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An approval request as an approver sees it: what would be sent (campaign, segment, template and its pinned version,
 * topic, audience size), why it needs sign-off, who created the campaign (who may not decide), and where it stands:
 * {@code status} PENDING, APPROVED, REJECTED, EXPIRED (nobody decided before {@code expiresAt}) or WITHDRAWN (the run
 * ended otherwise, e.g. the campaign was cancelled).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApprovalView(ApprovalId id, CampaignRunId runId, CampaignId campaignId, String campaignName,
    String createdBy, long segmentId, String templateKey, Integer templateVersion, String topic, int audienceSize,
    String reason, String status, Instant requestedAt, Instant expiresAt, String decidedBy, Instant decidedAt,
    String decisionReason) {
}
