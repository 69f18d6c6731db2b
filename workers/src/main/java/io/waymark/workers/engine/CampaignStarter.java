package io.waymark.workers.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.waymark.platform.campaign.CampaignRunRequested;
import io.waymark.platform.campaign.CampaignRuns;
import io.waymark.workflows.Journeys;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Starts the {@code campaign-send} instance of each requested campaign run, after the request's transaction committed,
 * with {@code campaignRunId} (the key of {@code campaign-cancelled}), {@code campaignId} and {@code maxDuration}. A run
 * no longer waiting (started already, or cancelled meanwhile) starts nothing; an instance whose run was cancelled while
 * it was being created is cancelled at once. A failure (engine unreachable) leaves the publication incomplete, to be
 * resubmitted.
 */
@Component
class CampaignStarter {

  private static final Logger LOG = LoggerFactory.getLogger(CampaignStarter.class);

  private final CamundaClient client;
  private final CampaignRuns runs;

  CampaignStarter(CamundaClient client, CampaignRuns runs) {
    this.client = client;
    this.runs = runs;
  }

  @ApplicationModuleListener
  void on(CampaignRunRequested requested) {
    Optional<CampaignRuns.Start> start = runs.toStart(requested.runId());
    if (start.isEmpty()) {
      return;
    }
    ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(Journeys.CAMPAIGN_SEND)
        .latestVersion().variables(Map.of("campaignRunId", start.get().runId().toString(),
            "campaignId", start.get().campaignId().toString(), "maxDuration", start.get().maxDuration().toString()))
        .send().join();
    if (!runs.markStarted(requested.runId(), instance.getProcessInstanceKey())) {
      LOG.info("Campaign run {} is no longer waiting to start; cancelling instance {}", requested.runId(),
          instance.getProcessInstanceKey());
      client.newCancelInstanceCommand(instance.getProcessInstanceKey()).send().join();
      return;
    }
    LOG.info("Campaign run {} (campaign {}) started as instance {} of version {}", requested.runId(),
        start.get().campaignId(), instance.getProcessInstanceKey(), instance.getVersion());
  }
}
