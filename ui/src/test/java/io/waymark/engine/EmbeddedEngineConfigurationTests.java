package io.waymark.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EmbeddedEngineConfigurationTests {

  @TempDir
  Path dataDir;

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(EmbeddedEngineConfiguration.class);

  @Test
  void nothingRunsUnlessEnabled() {
    context.run(started -> assertThat(started).doesNotHaveBean(EmbeddedZeebeBroker.class));
    context.withPropertyValues("waymark.engine.embedded.enabled=false")
        .run(started -> assertThat(started).doesNotHaveBean(EmbeddedZeebeBroker.class));
  }

  @Test
  void whenEnabledTheBrokerStartsWithTheContextAndNamesAMissingDistribution() throws IOException {
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
        ports.add(socket.getLocalPort());
      }
    }
    context.withPropertyValues("waymark.engine.embedded.enabled=true", "waymark.data-dir=" + dataDir,
            "waymark.engine.embedded.port=" + ports.get(0), "waymark.engine.embedded.command-port=" + ports.get(1),
            "waymark.engine.embedded.internal-port=" + ports.get(2),
            "waymark.engine.embedded.rest-port=" + ports.get(3),
            "waymark.engine.embedded.management-port=" + ports.get(4),
            "waymark.engine.embedded.distribution=" + dataDir.resolve("nope.tar.gz"))
        .run(started -> assertThat(started).getFailure()
            .rootCause().hasMessageContaining("nope.tar.gz, which does not exist"));
  }

  @Test
  void bindsDefaultsAndOverrides() {
    EmbeddedEngineProperties defaults = bind(Map.of("waymark.engine.embedded.enabled", "true"));
    assertThat(defaults).isEqualTo(EmbeddedEngineProperties.defaults());
    assertThat(defaults.host()).isEqualTo("127.0.0.1");
    assertThat(defaults.port()).isEqualTo(26500);
    assertThat(defaults.commandPort()).isEqualTo(26501);
    assertThat(defaults.internalPort()).isEqualTo(26502);
    assertThat(defaults.restPort()).isEqualTo(26580);
    assertThat(defaults.managementPort()).isEqualTo(26590);
    assertThat(defaults.heap()).isEqualTo("512m");
    assertThat(defaults.distribution()).isEmpty();
    assertThat(defaults.version()).isEqualTo("8.6.0");
    assertThat(defaults.startTimeout()).isEqualTo(Duration.ofSeconds(90));

    EmbeddedEngineProperties custom = bind(Map.of("waymark.engine.embedded.host", "0.0.0.0",
        "waymark.engine.embedded.port", "27500", "waymark.engine.embedded.heap", "1g",
        "waymark.engine.embedded.start-timeout", "2m",
        "waymark.engine.embedded.environment[ZEEBE_CLOCK_CONTROLLED]", "true"));
    assertThat(custom.port()).isEqualTo(27500);
    assertThat(custom.connectHost()).isEqualTo("127.0.0.1");
    assertThat(custom.heap()).isEqualTo("1g");
    assertThat(custom.startTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(custom.environment()).containsEntry("ZEEBE_CLOCK_CONTROLLED", "true");
  }

  @Test
  void rejectsClashingPortsAndOddHeaps() {
    assertThatThrownBy(() -> bind(Map.of("waymark.engine.embedded.rest-port", "26500")))
        .rootCause().hasMessageContaining("must differ");
    assertThatThrownBy(() -> bind(Map.of("waymark.engine.embedded.heap", "lots")))
        .rootCause().hasMessageContaining("'lots' is not a heap size");
  }

  private static EmbeddedEngineProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("waymark.engine.embedded", EmbeddedEngineProperties.class);
  }
}
