package io.waymark.workers.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.waymark.platform.analytics.Experiments;
import io.waymark.platform.journey.JourneyRunRequested;
import io.waymark.platform.journey.JourneyRuns;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Starts the process instance of each requested journey run, after the request's transaction committed. A failure
 * (engine unreachable) leaves the event publication incomplete, to be resubmitted; a run already started is skipped.
 * Each instance gets {@code journeyRunId} (the stop rules' correlation key) and {@code sendNotAfter}: messages the
 * policy would defer past it are suppressed as EXPIRED ({@code waymark.journeys.send-window}, default 2 days); and
 * {@code holdoutBucket} (0..99), stable per journey and contact, which journeys with a holdout share compare to it;
 * and, when the journey runs an experiment, {@code experiment} and {@code variant}: the contact's variant, recorded at
 * its first entry and kept on re-entry ({@link Experiments#assign}).
 */
@Component
class JourneyStarter {

  private static final Logger LOG = LoggerFactory.getLogger(JourneyStarter.class);

  private final CamundaClient client;
  private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {
  };

  private final JourneyRuns runs;
  private final Experiments experiments;
  private final ObjectMapper json;

  private final Clock clock;
  private final Duration sendWindow;

  JourneyStarter(CamundaClient client, JourneyRuns runs, Experiments experiments, ObjectMapper json, Clock clock,
      @Value("${waymark.journeys.send-window:P2D}") Duration sendWindow) {
    this.client = client;
    this.runs = runs;
    this.experiments = experiments;
    this.json = json;
    this.clock = clock;
    this.sendWindow = sendWindow;
  }

  @ApplicationModuleListener
  void on(JourneyRunRequested requested) throws JsonProcessingException {
    JourneyRuns.Run run = runs.find(requested.runId())
        .orElseThrow(() -> new IllegalStateException("no journey run " + requested.runId().value()));
    if (!"REQUESTED".equals(run.status())) {
      return;
    }
    Map<String, Object> variables = new LinkedHashMap<>(json.readValue(run.variables(), VARIABLES));
    variables.put("journeyRunId", Long.toString(run.id().value()));
    variables.putIfAbsent("sendNotAfter", clock.instant().plus(sendWindow).toString());
    variables.putIfAbsent("holdoutBucket", HoldoutBuckets.bucket(run.processId(), run.contactId()));
    experiments.assign(run.processId(), run.contactId(), run.id().value()).ifPresent(assignment -> {
      variables.put("experiment", assignment.experiment());
      variables.put("variant", assignment.variant());
    });
    ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(run.processId()).latestVersion()
        .variables(variables).send().join();
    runs.markStarted(run.id(), instance.getProcessInstanceKey(), instance.getProcessDefinitionKey(),
        instance.getVersion());
    LOG.info("Journey run {} ({} for event {}) started as instance {} of version {}", run.id().value(),
        run.processId(), run.eventId(), instance.getProcessInstanceKey(), instance.getVersion());
  }
}
