package io.waymark.platform.campaign;

/** The campaign of a running run was cancelled: the engine side publishes {@code campaign-cancelled} to its instance. */
public record CampaignRunCancelled(CampaignRunId runId) {
}
