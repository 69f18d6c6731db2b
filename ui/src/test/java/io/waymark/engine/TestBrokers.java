package io.waymark.engine;

import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Real brokers for tests and benchmarks: free ports, the distribution the build copied, a plain client. */
final class TestBrokers {

  private TestBrokers() {
  }

  /** Every port free, the distribution from system property {@code waymark.engine.embedded.distribution}. */
  static EmbeddedEngineProperties properties(String heap) throws IOException {
    String configured = System.getProperty("waymark.engine.embedded.distribution", "");
    List<Integer> ports = freePorts(5);
    return new EmbeddedEngineProperties(true, "127.0.0.1", ports.get(0), ports.get(1), ports.get(2),
        ports.get(3), ports.get(4), heap, configured, null, Duration.ofSeconds(120), Map.of());
  }

  /** Extracts next to the build output, once per clean build, rather than into every temporary data dir. */
  static ZeebeDistribution distribution(EmbeddedEngineProperties properties) {
    return new ZeebeDistribution(properties, Path.of("target", "zeebe-dist"), Path.of("").toAbsolutePath(),
        Path.of(System.getProperty("user.home"), ".m2", "repository"));
  }

  static CamundaClient client(EmbeddedZeebeBroker broker) {
    return CamundaClient.newClientBuilder()
        .grpcAddress(broker.grpcAddress())
        .restAddress(broker.restAddress())
        .preferRestOverGrpc(false) // http:// means plaintext in the 8.8 client; it has no usePlaintext()
        .applyEnvironmentVariableOverrides(false)
        .build();
  }

  static List<Integer> freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
      }
      return sockets.stream().map(ServerSocket::getLocalPort).toList();
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }
}
