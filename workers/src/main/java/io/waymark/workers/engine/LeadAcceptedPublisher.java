package io.waymark.workers.engine;

import io.camunda.client.CamundaClient;
import io.waymark.platform.crm.LeadAccepted;
import io.waymark.workflows.Messages;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Publishes {@code lead-accepted} under the task id when a hot-lead task is accepted (in the inbox or by its CRM),
 * after the acceptance committed. It is kept for {@code waymark.crm.accepted-ttl}, so that an instance escalating at
 * that very moment still receives it at its next wait; its message id makes a resubmission harmless.
 */
@Component
class LeadAcceptedPublisher {

  private final CamundaClient client;
  private final Duration timeToLive;

  LeadAcceptedPublisher(CamundaClient client, @Value("${waymark.crm.accepted-ttl:PT1H}") Duration timeToLive) {
    this.client = client;
    this.timeToLive = timeToLive;
  }

  @ApplicationModuleListener
  void on(LeadAccepted accepted) {
    EngineMessages.publishOnce(client, Messages.LEAD_ACCEPTED, Long.toString(accepted.taskId()),
        "lead-accepted-" + accepted.taskId(), timeToLive,
        Map.of("acceptedBy", accepted.acceptedBy(), "acceptedVia", accepted.via()));
  }
}
