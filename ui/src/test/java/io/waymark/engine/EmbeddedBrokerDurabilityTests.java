package io.waymark.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Status;

/**
 * A journey waiting for an SMS reply survives a broker restart: the real Zeebe broker is started from the
 * distribution the ui build copies to {@code target/zeebe} (system property {@code
 * waymark.engine.embedded.distribution}), on free ports and a temporary data dir, stopped, and started again on the
 * same state. Skipped when the distribution is missing (e.g. in an IDE before the first Maven build).
 */
class EmbeddedBrokerDurabilityTests {

  private static final String PROCESS_ID = "durability-probe-journey";
  private static final String JOB_TYPE = "durability-probe";

  @TempDir
  Path dataDir;

  private final List<EmbeddedZeebeBroker> brokers = new ArrayList<>();
  private final List<CamundaClient> clients = new ArrayList<>();
  private EmbeddedEngineProperties properties;
  private ZeebeDistribution distribution;

  @BeforeEach
  void locateDistribution() throws IOException {
    properties = TestBrokers.properties("512m");
    distribution = TestBrokers.distribution(properties);
  }

  @AfterEach
  void stopEverything() {
    clients.forEach(CamundaClient::close);
    brokers.forEach(EmbeddedZeebeBroker::close);
  }

  @Test
  void acceptsEveryBundledJourney() {
    assumeDistributionPresent();
    CamundaClient client = client(start());

    for (String processId : io.waymark.workflows.Journeys.BUNDLED) {
      var deployment = client.newDeployResourceCommand()
          .addResourceFromClasspath(io.waymark.workflows.Journeys.resource(processId)).send().join();
      assertThat(deployment.getProcesses()).as(processId).singleElement()
          .satisfies(process -> assertThat(process.getBpmnProcessId()).isEqualTo(processId));
    }
  }

  @Test
  void aWaitingJourneyContinuesAfterTheBrokerRestarts() {
    assumeDistributionPresent();
    EmbeddedZeebeBroker first = start();
    assertThat(first.pid()).isPresent();
    assertThat(first.grpcAddress()).hasToString("http://127.0.0.1:" + properties.port());
    assertThat(new EmbeddedBrokerHealthIndicator(first).health().getStatus()).isEqualTo(Status.UP);
    CamundaClient client = client(first);
    client.newDeployResourceCommand().addProcessModel(journey(), PROCESS_ID + ".bpmn").send().join();
    long instanceKey = client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion()
        .variables(Map.of("contactId", "c-1")).send().join().getProcessInstanceKey();
    assertThat(activateProbeJobs(client, Duration.ofSeconds(2))).as("waiting for the reply, no job yet").isEmpty();

    first.stop();
    assertThat(first.isRunning()).isFalse();
    assertThat(new EmbeddedBrokerHealthIndicator(first).health().getStatus()).isEqualTo(Status.DOWN);
    EmbeddedZeebeBroker second = start();
    assertThat(second.stateDirectory()).isEqualTo(dataDir.resolve("zeebe"));
    CamundaClient afterRestart = client(second);
    afterRestart.newPublishMessageCommand().messageName("sms-reply").correlationKey("c-1")
        .variables(Map.of("reply", "yes")).timeToLive(Duration.ofMinutes(5)).send().join();

    List<ActivatedJob> jobs = activateProbeJobs(afterRestart, Duration.ofSeconds(30));
    assertThat(jobs).singleElement().satisfies(job -> {
      assertThat(job.getProcessInstanceKey()).isEqualTo(instanceKey);
      assertThat(job.getVariablesAsMap()).containsEntry("contactId", "c-1").containsEntry("reply", "yes");
    });
    afterRestart.newCompleteCommand(jobs.getFirst().getKey()).send().join();
  }

  @Test
  void refusesToStartOnAnOccupiedGatewayPort() throws IOException {
    try (ServerSocket occupied = new ServerSocket(properties.port(), 50, InetAddress.getLoopbackAddress())) {
      EmbeddedZeebeBroker broker = new EmbeddedZeebeBroker(properties, distribution, dataDir);
      brokers.add(broker);
      assertThatThrownBy(broker::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("port " + properties.port() + " (gateway gRPC")
          .hasMessageContaining("already in use");
      assertThat(broker.isRunning()).isFalse();
    }
  }

  @Test
  void failsWithTheEndOfTheBrokerLogWhenTheBrokerCannotStart() {
    assumeDistributionPresent();
    EmbeddedEngineProperties tooSmall = new EmbeddedEngineProperties(true, "127.0.0.1", properties.port(),
        properties.commandPort(), properties.internalPort(), properties.restPort(), properties.managementPort(), "1m",
        properties.distribution(), null, Duration.ofSeconds(30), Map.of());
    EmbeddedZeebeBroker broker = new EmbeddedZeebeBroker(tooSmall, distribution, dataDir);
    brokers.add(broker);

    assertThatThrownBy(broker::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exited with code")
        .hasMessageContaining("Last lines of " + dataDir.resolve("logs/zeebe-broker.log").toAbsolutePath())
        .hasMessageContaining("heap");
    assertThat(broker.isRunning()).isFalse();
    assertThat(dataDir.resolve("zeebe-broker.pid")).doesNotExist();
  }

  /** start -> event-based gateway -> SMS reply (by contactId) -> probe task -> end, or a 3-day timeout -> end. */
  private static BpmnModelInstance journey() {
    return Bpmn.createExecutableProcess(PROCESS_ID)
        .startEvent("start")
        .eventBasedGateway("await-reply")
        .intermediateCatchEvent("reply", event -> event.message(message -> message.name("sms-reply")
            .zeebeCorrelationKeyExpression("contactId")))
        .serviceTask("probe", task -> task.zeebeJobType(JOB_TYPE))
        .endEvent("replied")
        .moveToNode("await-reply")
        .intermediateCatchEvent("no-reply", event -> event.timerWithDuration("P3D"))
        .endEvent("timed-out")
        .done();
  }

  private List<ActivatedJob> activateProbeJobs(CamundaClient client, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    do {
      List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(JOB_TYPE).maxJobsToActivate(10)
          .timeout(Duration.ofMinutes(1)).requestTimeout(Duration.ofSeconds(1)).send().join().getJobs();
      if (!jobs.isEmpty()) {
        return jobs;
      }
    } while (System.nanoTime() < deadline);
    return List.of();
  }

  private EmbeddedZeebeBroker start() {
    EmbeddedZeebeBroker broker = new EmbeddedZeebeBroker(properties, distribution, dataDir);
    brokers.add(broker);
    broker.start();
    return broker;
  }

  private CamundaClient client(EmbeddedZeebeBroker broker) {
    CamundaClient client = TestBrokers.client(broker);
    clients.add(client);
    return client;
  }

  private void assumeDistributionPresent() {
    String configured = properties.distribution();
    if (!configured.isEmpty()) {
      assumeThat(Files.exists(Path.of(configured))).as("Zeebe distribution at " + configured).isTrue();
    }
  }
}
