package io.waymark.workers.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Topology;
import java.time.Duration;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** {@code engine} in {@code /actuator/health}: UP when the gateway answers a topology request within 3 s. */
@Component("engine")
class EngineHealthIndicator extends AbstractHealthIndicator {

  private final CamundaClient client;

  EngineHealthIndicator(CamundaClient client) {
    super("engine topology not reachable");
    this.client = client;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    Topology topology = client.newTopologyRequest().requestTimeout(Duration.ofSeconds(3)).send().join();
    health.up()
        .withDetail("gateway", String.valueOf(client.getConfiguration().getGrpcAddress()))
        .withDetail("gatewayVersion", topology.getGatewayVersion())
        .withDetail("brokers", topology.getBrokers().size())
        .withDetail("partitions", topology.getPartitionsCount());
  }
}
