package io.waymark.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The broker's sockets as Waymark sees them: free before start, readiness while starting, addresses for clients. */
final class BrokerNetwork implements AutoCloseable {

  private final EmbeddedEngineProperties properties;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  BrokerNetwork(EmbeddedEngineProperties properties) {
    this.properties = properties;
  }

  /** Whether the broker is ready: its readiness endpoint answers 200 and the gateway port accepts connections. */
  Readiness readiness() {
    Readiness readiness = probeReadiness();
    return readiness.ready() && accepts(properties.port()) ? readiness
        : new Readiness(false, readiness.detail() + (readiness.ready() ? "; gateway port not accepting yet" : ""));
  }

  /** Asks the broker's management endpoint whether it is ready; never throws. */
  Readiness probeReadiness() {
    URI readiness = address(properties.managementPort()).resolve("/actuator/health/readiness");
    try {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return new Readiness(response.statusCode() == 200, readiness + " answered " + response.statusCode());
    } catch (IOException e) {
      return new Readiness(false, readiness + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Readiness(false, readiness + ": interrupted");
    }
  }

  /** Whether the broker's readiness endpoint answered 200, with what was seen. */
  record Readiness(boolean ready, String detail) {
  }

  boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(properties.connectHost(), port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  void requirePortsFree() {
    Map<Integer, String> ports = new LinkedHashMap<>();
    ports.put(properties.port(), "gateway gRPC, waymark.engine.embedded.port");
    ports.put(properties.commandPort(), "command API, waymark.engine.embedded.command-port");
    ports.put(properties.internalPort(), "internal API, waymark.engine.embedded.internal-port");
    ports.put(properties.restPort(), "REST API, waymark.engine.embedded.rest-port");
    ports.put(properties.managementPort(), "management, waymark.engine.embedded.management-port");
    ports.forEach((port, role) -> {
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(properties.host(), port));
      } catch (IOException e) {
        throw new IllegalStateException("Cannot start the embedded Zeebe broker: port " + port + " (" + role
            + ") on " + properties.host() + " is already in use (" + e.getMessage() + "). Is another Waymark or "
            + "Zeebe broker running? Stop it, or choose other ports.");
      }
    });
  }

  URI address(int port) {
    return URI.create("http://" + uriHost() + ":" + port);
  }

  private String uriHost() {
    String host = properties.connectHost();
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  @Override
  public void close() {
    http.close();
  }
}
