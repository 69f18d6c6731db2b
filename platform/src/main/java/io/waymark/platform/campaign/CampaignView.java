package io.waymark.platform.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A campaign as the API shows it. {@code nextRunAt}: when the scheduler starts the next run (null: none left);
 * {@code lastRun}: the newest run (lists); {@code runs}: every run, newest first (one campaign).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignView(CampaignId id, String name, long segmentId, String templateKey, String topic, String brand,
    Schedule schedule, String status, String createdBy, Instant createdAt, Instant nextRunAt, String cancelledBy,
    Instant cancelledAt, RunView lastRun, List<RunView> runs) {
}
