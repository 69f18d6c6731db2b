package io.waymark.platform.campaign;

/**
 * A campaign run is due (created NOW, its AT instant came, or a cron fire): the engine side starts its
 * {@code campaign-send} instance and reports it with {@link CampaignRuns#markStarted}.
 */
public record CampaignRunRequested(CampaignRunId runId) {
}
