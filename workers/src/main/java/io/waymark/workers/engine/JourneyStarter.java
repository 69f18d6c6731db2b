package io.waymark.workers.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.waymark.platform.journey.JourneyRunRequested;
import io.waymark.platform.journey.JourneyRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Starts the process instance of each requested journey run, after the request's transaction committed. A failure
 * (engine unreachable) leaves the event publication incomplete, to be resubmitted; a run already started is skipped.
 */
@Component
class JourneyStarter {

  private static final Logger LOG = LoggerFactory.getLogger(JourneyStarter.class);

  private final CamundaClient client;
  private final JourneyRuns runs;

  JourneyStarter(CamundaClient client, JourneyRuns runs) {
    this.client = client;
    this.runs = runs;
  }

  @ApplicationModuleListener
  void on(JourneyRunRequested requested) {
    JourneyRuns.Run run = runs.find(requested.runId())
        .orElseThrow(() -> new IllegalStateException("no journey run " + requested.runId().value()));
    if (!"REQUESTED".equals(run.status())) {
      return;
    }
    ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(run.processId()).latestVersion()
        .variables(run.variables()).send().join();
    runs.markStarted(run.id(), instance.getProcessInstanceKey(), instance.getProcessDefinitionKey(),
        instance.getVersion());
    LOG.info("Journey run {} ({} for event {}) started as instance {} of version {}", run.id().value(),
        run.processId(), run.eventId(), instance.getProcessInstanceKey(), instance.getVersion());
  }
}
