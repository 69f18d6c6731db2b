package io.waymark.engine;

import java.util.OptionalLong;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Health of the embedded Zeebe broker ({@code /actuator/health}, component {@code embeddedBroker}): UP while its
 * process is alive and its own readiness endpoint answers 200, DOWN otherwise; details name the pid, the gRPC address
 * and where the state lives.
 */
class EmbeddedBrokerHealthIndicator implements HealthIndicator {

  private final EmbeddedZeebeBroker broker;

  EmbeddedBrokerHealthIndicator(EmbeddedZeebeBroker broker) {
    this.broker = broker;
  }

  @Override
  public Health health() {
    OptionalLong pid = broker.pid();
    Health.Builder health;
    if (pid.isPresent()) {
      BrokerNetwork.Readiness readiness = broker.probeReadiness();
      health = (readiness.ready() ? Health.up() : Health.down())
          .withDetail("pid", pid.getAsLong())
          .withDetail("readiness", readiness.detail());
    } else {
      health = Health.down().withDetail("process", "not running");
    }
    broker.version().ifPresent(version -> health.withDetail("version", version));
    return health
        .withDetail("grpcAddress", broker.grpcAddress().toString())
        .withDetail("dataDir", broker.stateDirectory().toString())
        .withDetail("log", broker.logFile().toString())
        .build();
  }
}
