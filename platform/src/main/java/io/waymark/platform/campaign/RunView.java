package io.waymark.platform.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One run of a campaign: {@code status} REQUESTED, RUNNING, ENDED or SKIPPED; {@code outcome} SENT, EMPTY_AUDIENCE,
 * REJECTED, APPROVAL_EXPIRED, CANCELLED, MAX_DURATION, ABANDONED (its instance vanished: still live an hour after its send
 * window) or, skipped, PREVIOUS_RUN_LIVE, MISSED; the process instance
 * carrying it; the template version pinned when the audience was resolved; the audience's size and batches; the
 * approval, when one was needed; and where its members stand ({@code counts}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunView(CampaignRunId id, CampaignId campaignId, Instant fireTime, String status, String outcome,
    Long processInstanceKey, Integer templateVersion, Integer audienceSize, Integer batchCount,
    Boolean approvalRequired, String approvalReason, ApprovalView approval, Counts counts, Instant requestedAt,
    Instant startedAt, Instant resolvedAt, Instant endedAt, Instant sendNotAfter, Instant cancelRequestedAt) {
}
