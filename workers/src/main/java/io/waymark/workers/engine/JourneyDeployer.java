package io.waymark.workers.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import io.waymark.platform.journey.JourneyCatalog;
import io.waymark.workflows.Journeys;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Deploys every bundled journey at start-up, one resource per deployment, and records the versions in the journey
 * catalog. The engine recognises an unchanged file and answers with the version it already has, so restarts
 * create no new versions. Retries while the engine is not reachable yet; fails the start-up after the timeout.
 */
@Component
@ConditionalOnProperty(name = "waymark.journeys.deploy-bundled", havingValue = "true", matchIfMissing = true)
class JourneyDeployer implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(JourneyDeployer.class);

  private final CamundaClient client;
  private final JourneyCatalog catalog;
  private final Duration timeout;

  JourneyDeployer(CamundaClient client, JourneyCatalog catalog,
      @Value("${waymark.journeys.deploy-timeout:PT2M}") Duration timeout) {
    this.client = client;
    this.catalog = catalog;
    this.timeout = timeout;
  }

  @Override
  public void run(ApplicationArguments args) throws InterruptedException {
    for (String processId : Journeys.BUNDLED) {
      DeploymentEvent deployment = deployWithRetry(Journeys.resource(processId));
      for (Process process : deployment.getProcesses()) {
        catalog.recordDeployment(new JourneyCatalog.Deployed(process.getBpmnProcessId(),
            Journeys.displayName(processId), process.getVersion(), process.getProcessDefinitionKey(),
            process.getResourceName()));
        LOG.info("Journey {} version {} deployed (definition {})", process.getBpmnProcessId(), process.getVersion(),
            process.getProcessDefinitionKey());
      }
    }
  }

  private DeploymentEvent deployWithRetry(String resource) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    Duration pause = Duration.ofMillis(500);
    while (true) {
      try {
        return client.newDeployResourceCommand().addResourceFromClasspath(resource).send()
            .join();
      } catch (RuntimeException unreachable) {
        if (Instant.now().plus(pause).isAfter(deadline)) {
          throw new IllegalStateException("could not deploy " + resource + " within " + timeout
              + ": is the engine reachable at camunda.client.grpc-address?", unreachable);
        }
        LOG.warn("Deploying {} failed ({}); retrying in {} ms", resource, unreachable.getMessage(), pause.toMillis());
        Thread.sleep(pause.toMillis());
        pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
            : pause.multipliedBy(2);
      }
    }
  }
}
