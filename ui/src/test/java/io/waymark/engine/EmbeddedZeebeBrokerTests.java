package io.waymark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the broker process is launched and configured, without launching it. */
class EmbeddedZeebeBrokerTests {

  @TempDir
  Path dataDir;

  private final EmbeddedEngineProperties properties = new EmbeddedEngineProperties(true, "127.0.0.1", 27500, 27501,
      27502, 27580, 27590, "768m", "", null, Duration.ofSeconds(30), Map.of("ZEEBE_CLOCK_CONTROLLED", "true"));

  @Test
  void launchesTheBrokerMainClassWithTheJvmWaymarkRunsOn() {
    Path home = dataDir.resolve("zeebe-dist/camunda-zeebe-8.6.0");
    List<String> command = launch().command(new ZeebeDistribution.Installation(home, "8.6.0"));

    assertThat(command.getFirst()).isEqualTo(ProcessHandle.current().info().command().orElseThrow());
    assertThat(command).contains("-Xms128m", "-Xmx768m", "-cp", home.resolve("lib") + File.separator + "*",
        "-Dwaymark.engine.state=" + dataDir.toAbsolutePath().resolve("zeebe"));
    assertThat(command.getLast()).isEqualTo("io.camunda.application.StandaloneBroker");
    assertThat(command.contains("--sun-misc-unsafe-memory-access=allow")).isEqualTo(Runtime.version().feature() >= 24);
  }

  @Test
  void configuresEverythingThroughTheEnvironmentAndDropsWhatIsInherited() {
    Map<String, String> environment = new HashMap<>(Map.of("PATH", "/usr/bin", "ZEEBE_DEBUG", "true",
        "SERVER_PORT", "8080", "SPRING_PROFILES_ACTIVE", "dev", "JAVA_TOOL_OPTIONS", "-Xmx8g"));

    launch().environment(environment);

    assertThat(environment)
        .containsEntry("PATH", "/usr/bin")
        .doesNotContainKeys("ZEEBE_DEBUG", "SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS")
        .containsEntry("ZEEBE_BROKER_DATA_DIRECTORY", dataDir.toAbsolutePath().resolve("zeebe").toString())
        .containsEntry("ZEEBE_BROKER_GATEWAY_NETWORK_HOST", "127.0.0.1")
        .containsEntry("ZEEBE_BROKER_GATEWAY_NETWORK_PORT", "27500")
        .containsEntry("ZEEBE_BROKER_NETWORK_COMMANDAPI_PORT", "27501")
        .containsEntry("ZEEBE_BROKER_NETWORK_INTERNALAPI_PORT", "27502")
        .containsEntry("SERVER_PORT", "27580")
        .containsEntry("MANAGEMENT_SERVER_PORT", "27590")
        .containsEntry("ZEEBE_BROKER_CLUSTER_PARTITIONSCOUNT", "1")
        .containsEntry("ZEEBE_CLOCK_CONTROLLED", "true");
    assertThat(environment.keySet()).noneMatch(key -> key.startsWith("ZEEBE_BROKER_EXPORTERS"));
  }

  @Test
  void neverAsksForMoreInitialHeapThanTheMaximum() {
    assertThat(BrokerLaunch.initialHeap("512m")).isEqualTo("128m");
    assertThat(BrokerLaunch.initialHeap("2g")).isEqualTo("128m");
    assertThat(BrokerLaunch.initialHeap("96m")).isEqualTo("96m");
    assertThat(BrokerLaunch.initialHeap("65536k")).isEqualTo("65536k");
  }

  @Test
  void addressesClientsThroughLoopbackWhenBoundToEveryInterface() {
    EmbeddedEngineProperties everywhere = new EmbeddedEngineProperties(true, "0.0.0.0", 0, 0, 0, 0, 0, null, null,
        null, null, null);
    EmbeddedZeebeBroker broker =
        new EmbeddedZeebeBroker(everywhere, new ZeebeDistribution(everywhere, dataDir), dataDir);
    assertThat(broker.grpcAddress()).hasToString("http://127.0.0.1:26500");
    assertThat(broker.pid()).isEmpty();
    assertThat(broker.isRunning()).isFalse();
    assertThat(broker.getPhase()).isEqualTo(Integer.MAX_VALUE - 1000);
  }

  private BrokerLaunch launch() {
    Path absolute = dataDir.toAbsolutePath();
    return new BrokerLaunch(properties, absolute.resolve("zeebe"), absolute.resolve("zeebe-tmp"));
  }
}
