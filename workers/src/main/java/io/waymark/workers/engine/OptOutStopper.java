package io.waymark.workers.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status.Code;
import io.waymark.platform.consent.ContactOptedOut;
import io.waymark.platform.journey.JourneyRuns;
import io.waymark.workflows.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Stops every running journey of a contact who opted out: publishes {@code contact-opted-out} to each run (the
 * journeys' interrupting stop rule ends them with outcome OPTED_OUT), then makes sure none survives: a run still
 * live after the grace period (a model without the stop rule, say) has its instance cancelled.
 */
@Component
class OptOutStopper {

  private static final Logger LOG = LoggerFactory.getLogger(OptOutStopper.class);

  private final CamundaClient client;
  private final JourneyRuns runs;
  private final Duration grace;

  OptOutStopper(CamundaClient client, JourneyRuns runs,
      @Value("${waymark.journeys.opt-out-grace:PT10S}") Duration grace) {
    this.client = client;
    this.runs = runs;
    this.grace = grace;
  }

  @ApplicationModuleListener
  void on(ContactOptedOut optedOut) throws InterruptedException {
    List<JourneyRuns.Run> live = runs.liveRuns(optedOut.contactId().value()).stream()
        .filter(run -> run.processInstanceKey() != null).toList();
    for (JourneyRuns.Run run : live) {
      client.newPublishMessageCommand().messageName(Messages.CONTACT_OPTED_OUT)
          .correlationKey(Long.toString(run.id().value()))
          .messageId("opt-out-" + optedOut.revocationId() + "-" + run.id().value())
          .timeToLive(Duration.ZERO)
          .variables(Map.of("revocationId", optedOut.revocationId()))
          .send().join();
    }
    Instant deadline = Instant.now().plus(grace);
    List<JourneyRuns.Run> surviving = live;
    while (!surviving.isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      surviving = surviving.stream().filter(run -> stillLive(run)).toList();
    }
    for (JourneyRuns.Run run : surviving) {
      LOG.warn("Journey run {} ({}) did not stop on contact-opted-out within {}; cancelling instance {}",
          run.id().value(), run.processId(), grace, run.processInstanceKey());
      try {
        client.newCancelInstanceCommand(run.processInstanceKey()).send().join();
        runs.markEnded(run.processInstanceKey(), "OPTED_OUT_CANCELLED");
      } catch (ClientStatusException e) {
        if (e.getStatusCode() != Code.NOT_FOUND) {
          throw e;
        }
        LOG.info("Instance {} ended on its own meanwhile", run.processInstanceKey());
      }
    }
  }

  private boolean stillLive(JourneyRuns.Run run) {
    return runs.find(run.id()).map(current -> !current.status().equals("ENDED")).orElse(false);
  }
}
