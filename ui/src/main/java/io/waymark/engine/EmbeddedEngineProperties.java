package io.waymark.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code waymark.engine.embedded}: the real, durable single-node Zeebe broker Waymark runs as a child process when
 * {@code enabled} is true. Every value has a default, so {@code waymark.engine.embedded.enabled=true} alone is enough.
 *
 * <p>The broker keeps its state under {@code ${waymark.data-dir}/zeebe} (not part of this record: {@code
 * waymark.data-dir} defaults to {@code ./data} and is shared with the rest of Waymark), logs to {@code
 * ${waymark.data-dir}/logs/zeebe-broker.log} and unpacks its distribution once into {@code
 * ${waymark.data-dir}/zeebe-dist/}.
 *
 * @param enabled whether Waymark starts the broker at all (default false)
 * @param host address every broker socket binds to (default {@code 127.0.0.1}: reachable from this machine only);
 *     a wildcard such as {@code 0.0.0.0} opens it to the network, clients still connect through 127.0.0.1
 * @param port the embedded gateway's gRPC port, the one Waymark's Camunda client talks to (default 26500)
 * @param commandPort the broker's command API port (default 26501)
 * @param internalPort the broker's internal cluster port (default 26502)
 * @param restPort the broker's REST server port (default 26580; Zeebe's own default 8080 would clash with Waymark)
 * @param managementPort the broker's actuator port, used for readiness (default 26590; Zeebe's default is 9600)
 * @param heap the broker JVM's maximum heap, {@code -Xmx} syntax (default {@code 512m})
 * @param distribution the Zeebe distribution: a {@code camunda-zeebe-*.tar.gz} or an extracted directory; empty to
 *     search the build output and the local Maven repository (see {@link ZeebeDistribution})
 * @param version the broker version looked for when {@code distribution} is empty (default {@code 8.6.0})
 * @param startTimeout how long the broker may take to become ready before start-up fails (default 90 s)
 * @param environment extra environment variables for the broker, applied last; keep the names' case with brackets,
 *     e.g. {@code waymark.engine.embedded.environment[ZEEBE_CLOCK_CONTROLLED]=true}
 */
@ConfigurationProperties("waymark.engine.embedded")
record EmbeddedEngineProperties(boolean enabled, String host, int port, int commandPort, int internalPort,
    int restPort, int managementPort, String heap, String distribution, String version, Duration startTimeout,
    Map<String, String> environment) {

  static final String DEFAULT_VERSION = "8.6.0";

  private static final Pattern HEAP = Pattern.compile("\\d+[kKmMgG]?");

  EmbeddedEngineProperties {
    host = blankTo(host, "127.0.0.1");
    port = port == 0 ? 26500 : port;
    commandPort = commandPort == 0 ? 26501 : commandPort;
    internalPort = internalPort == 0 ? 26502 : internalPort;
    restPort = restPort == 0 ? 26580 : restPort;
    managementPort = managementPort == 0 ? 26590 : managementPort;
    heap = blankTo(heap, "512m");
    distribution = distribution == null ? "" : distribution.strip();
    version = blankTo(version, DEFAULT_VERSION);
    startTimeout = startTimeout == null ? Duration.ofSeconds(90) : startTimeout;
    environment = environment == null ? Map.of() : Map.copyOf(environment);
    if (!HEAP.matcher(heap).matches()) {
      throw new IllegalArgumentException("waymark.engine.embedded.heap: '" + heap + "' is not a heap size like 512m");
    }
    if (startTimeout.isNegative() || startTimeout.isZero()) {
      throw new IllegalArgumentException("waymark.engine.embedded.start-timeout: must be positive");
    }
    List<Integer> ports = List.of(port, commandPort, internalPort, restPort, managementPort);
    for (int candidate : ports) {
      if (candidate < 1 || candidate > 65535) {
        throw new IllegalArgumentException("waymark.engine.embedded: port " + candidate + " is out of range");
      }
    }
    if (ports.stream().distinct().count() != ports.size()) {
      throw new IllegalArgumentException(
          "waymark.engine.embedded: port, command-port, internal-port, rest-port and management-port must differ, were "
              + ports);
    }
  }

  /** The embedded engine with every default, listening on the standard ports. */
  static EmbeddedEngineProperties defaults() {
    return new EmbeddedEngineProperties(true, null, 0, 0, 0, 0, 0, null, null, null, null, null);
  }

  /** The address clients connect to: {@link #host()}, or 127.0.0.1 when the broker binds to every interface. */
  String connectHost() {
    return switch (host) {
      case "0.0.0.0", "::", "[::]", "*" -> "127.0.0.1";
      default -> host;
    };
  }

  private static String blankTo(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
