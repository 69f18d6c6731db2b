package io.waymark.engine;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a real, durable single-node Zeebe broker (with its embedded gRPC gateway) as a child process of Waymark.
 *
 * <p>The broker is launched with the JVM Waymark itself runs on ({@code java -cp <dist>/lib/*
 * io.camunda.application.StandaloneBroker}), never through the distribution's shell script, which could pick up an
 * older {@code java}. It is configured only through environment variables: the inherited environment is reduced to a
 * few harmless variables, and Spring's file-based configuration is switched off, so no stray {@code ZEEBE_*}, {@code
 * SERVER_PORT} or {@code config/application.yaml} can change it. It has one partition, no exporters (nothing needs
 * Elasticsearch) and binds every socket to {@code waymark.engine.embedded.host}.
 *
 * <p>Files under {@code waymark.data-dir}: {@code zeebe/} (the broker's RocksDB state and log: the journeys),
 * {@code logs/zeebe-broker.log} (its output, appended), {@code zeebe-dist/} (the extracted distribution), {@code
 * zeebe-tmp/} (its temporary files, wiped at each start) and {@code zeebe-broker.pid}.
 *
 * <p>As a {@link SmartLifecycle} in phase {@value #PHASE} it starts before the Camunda client opens its job workers
 * (default phase, {@code Integer.MAX_VALUE}) and stops after they are closed. {@link #start()} blocks until the broker
 * is ready or fails with the end of its log. A JVM shutdown hook stops the broker if Waymark exits without closing
 * its context, and a broker orphaned by a killed Waymark is recognised through the pid file and stopped at the next
 * start.
 */
public class EmbeddedZeebeBroker implements SmartLifecycle, AutoCloseable {

  /** Before the Camunda client's lifecycle ({@code Integer.MAX_VALUE}), after the web server. */
  public static final int PHASE = Integer.MAX_VALUE - 1000;

  static final String MAIN_CLASS = "io.camunda.application.StandaloneBroker";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedZeebeBroker.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final long MAX_LOG_BYTES = 20L * 1024 * 1024;
  private static final int LOG_LINES_ON_FAILURE = 40;
  private static final List<String> INHERITED_ENVIRONMENT = List.of("PATH", "HOME", "USER", "LANG", "LC_ALL",
      "LC_CTYPE", "TZ", "SystemRoot", "SYSTEMROOT", "WINDIR", "TEMP", "TMP");

  private final EmbeddedEngineProperties properties;
  private final ZeebeDistribution distribution;
  private final Path dataDir;
  private final Path stateDir;
  private final Path logFile;
  private final Path pidFile;
  private final Path tmpDir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private volatile Process process;
  private Thread shutdownHook;
  private volatile String version;
  private volatile boolean stopping;
  private volatile boolean ready;

  /**
   * @param dataDir {@code waymark.data-dir}; the broker's state goes to its {@code zeebe/} subdirectory
   */
  EmbeddedZeebeBroker(EmbeddedEngineProperties properties, ZeebeDistribution distribution, Path dataDir) {
    this.properties = properties;
    this.distribution = distribution;
    this.dataDir = dataDir;
    Path absolute = dataDir.toAbsolutePath().normalize();
    this.stateDir = absolute.resolve("zeebe");
    this.logFile = absolute.resolve("logs").resolve("zeebe-broker.log");
    this.pidFile = absolute.resolve("zeebe-broker.pid");
    this.tmpDir = absolute.resolve("zeebe-tmp");
  }

  @Override
  public synchronized void start() {
    if (isRunning()) {
      return;
    }
    stopOrphan();
    requirePortsFree();
    ZeebeDistribution.Installation installation = distribution.install();
    version = installation.version();
    long logOffset = prepareFiles(installation);
    List<String> command = command(installation);
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(stateDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    environment(builder.environment());
    LOG.debug("Starting the Zeebe broker: {}", command);
    long started = System.nanoTime();
    stopping = false;
    ready = false;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("Could not launch the Zeebe broker with " + command.getFirst(), e);
    }
    Process launched = process;
    writePidFile(launched.pid());
    shutdownHook = new Thread(this::stopOnJvmExit, "waymark-zeebe-broker-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    launched.onExit().thenAccept(this::exited);
    try {
      awaitReady(launched, started);
      ready = true;
    } catch (RuntimeException e) {
      LOG.error("The Zeebe broker failed to start; stopping it");
      stop();
      throw new IllegalStateException(e.getMessage() + " Last lines of " + logFile + ":\n" + tail(logOffset), e);
    }
    LOG.info("Zeebe broker {} ready on {}:{} in {} s, state in {} (pid {}, log {})", version,
        properties.connectHost(), properties.port(), seconds(System.nanoTime() - started), display(stateDir),
        launched.pid(), display(logFile));
  }

  @Override
  public synchronized void stop() {
    stopping = true;
    Process running = process;
    if (running != null && running.isAlive()) {
      LOG.info("Stopping the Zeebe broker (pid {})", running.pid());
      long started = System.nanoTime();
      terminate(running.toHandle());
      LOG.info("Zeebe broker stopped in {} s", seconds(System.nanoTime() - started));
    }
    process = null;
    removeShutdownHook();
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      LOG.warn("Could not delete {}", pidFile, e);
    }
  }

  @Override
  public boolean isRunning() {
    Process running = process;
    return running != null && running.isAlive();
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  /** Stops the broker if it still runs (also when the context fails before its lifecycle stops). */
  @Override
  public void close() {
    stop();
    http.close();
  }

  /** The embedded gateway's gRPC address for a Camunda client, e.g. {@code http://127.0.0.1:26500}. */
  public URI grpcAddress() {
    return URI.create("http://" + uriHost() + ":" + properties.port());
  }

  /** The broker's REST address; Waymark's client talks gRPC ({@code prefer-rest-over-grpc=false}). */
  public URI restAddress() {
    return URI.create("http://" + uriHost() + ":" + properties.restPort());
  }

  /** The broker process id while it runs. */
  public OptionalLong pid() {
    Process running = process;
    return running != null && running.isAlive() ? OptionalLong.of(running.pid()) : OptionalLong.empty();
  }

  /** The broker version, known once it was started. */
  public Optional<String> version() {
    return Optional.ofNullable(version);
  }

  /** Where the broker keeps its state, as configured (relative to the working directory if the data dir is). */
  public Path stateDirectory() {
    return dataDir.resolve("zeebe");
  }

  /** The broker's output. */
  public Path logFile() {
    return logFile;
  }

  /** Asks the broker's management endpoint whether it is ready; never throws. */
  Readiness probeReadiness() {
    URI readiness =
        URI.create("http://" + uriHost() + ":" + properties.managementPort() + "/actuator/health/readiness");
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

  private void awaitReady(Process launched, long started) {
    long deadline = started + properties.startTimeout().toNanos();
    Readiness readiness = new Readiness(false, "not asked yet");
    while (System.nanoTime() < deadline) {
      if (!launched.isAlive()) {
        throw new IllegalStateException("The Zeebe broker exited with code " + launched.exitValue()
            + " while starting.");
      }
      readiness = probeReadiness();
      if (readiness.ready() && accepts(properties.port())) {
        return;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the Zeebe broker.");
      }
    }
    throw new IllegalStateException("The Zeebe broker was not ready within " + properties.startTimeout().toSeconds()
        + " s (waymark.engine.embedded.start-timeout); last readiness check: " + readiness.detail() + ".");
  }

  private boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(properties.connectHost(), port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void requirePortsFree() {
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

  /** Creates the directories, rotates a large log, wipes the temporary files; returns where this run's log begins. */
  private long prepareFiles(ZeebeDistribution.Installation installation) {
    try {
      Files.createDirectories(stateDir);
      Files.createDirectories(logFile.getParent());
      ZeebeDistribution.deleteRecursively(tmpDir);
      Files.createDirectories(tmpDir);
      if (Files.exists(logFile) && Files.size(logFile) > MAX_LOG_BYTES) {
        Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
      }
      String banner = "%n==== %s Waymark starts Zeebe broker %s from %s (gRPC %s:%d, state %s) ====%n".formatted(
          Instant.now(), installation.version(), installation.home(), properties.host(), properties.port(), stateDir);
      Files.writeString(logFile, banner, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      return Files.size(logFile);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not prepare " + dataDir + " for the Zeebe broker", e);
    }
  }

  /** {@code java} of this very process, the broker's main class, its libraries; the same for every start. */
  List<String> command(ZeebeDistribution.Installation installation) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(List.of("-Xms" + initialHeap(properties.heap()), "-Xmx" + properties.heap(),
        "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8", "-Xshare:auto", "--enable-native-access=ALL-UNNAMED"));
    if (Runtime.version().feature() >= 24) {
      command.add("--sun-misc-unsafe-memory-access=allow");
    }
    command.addAll(List.of(
        "-Djava.io.tmpdir=" + tmpDir,
        "-Dapp.name=broker",
        "-Dapp.home=" + installation.home(),
        "-Dbasedir=" + installation.home(),
        "-Dwaymark.engine.state=" + stateDir,
        "-cp", installation.lib() + File.separator + "*",
        MAIN_CLASS));
    return command;
  }

  /** 128m, or the whole heap when that is smaller. */
  static String initialHeap(String heap) {
    long units = Long.parseLong(heap.replaceAll("\\D", ""));
    long bytes = switch (Character.toLowerCase(heap.charAt(heap.length() - 1))) {
      case 'k' -> units << 10;
      case 'm' -> units << 20;
      case 'g' -> units << 30;
      default -> units;
    };
    return bytes < 128L << 20 ? heap : "128m";
  }

  /** The broker's whole configuration; see the class comment. */
  void environment(Map<String, String> environment) {
    Map<String, String> inherited = new LinkedHashMap<>(environment);
    environment.clear();
    INHERITED_ENVIRONMENT.stream().filter(inherited::containsKey)
        .forEach(key -> environment.put(key, inherited.get(key)));
    String host = properties.host();
    // only the jar's own application.properties: no ./config/application.yaml (it names Elasticsearch)
    environment.put("SPRING_CONFIG_LOCATION", "optional:classpath:/");
    environment.put("ZEEBE_BROKER_DATA_DIRECTORY", stateDir.toString());
    environment.put("ZEEBE_BROKER_DATA_LOGSEGMENTSIZE", "32MB");
    environment.put("ZEEBE_BROKER_DATA_SNAPSHOTPERIOD", "5m");
    environment.put("ZEEBE_BROKER_DATA_DISK_FREESPACE_PROCESSING", "1GB");
    environment.put("ZEEBE_BROKER_DATA_DISK_FREESPACE_REPLICATION", "512MB");
    environment.put("ZEEBE_BROKER_CLUSTER_NODEID", "0");
    environment.put("ZEEBE_BROKER_CLUSTER_CLUSTERSIZE", "1");
    environment.put("ZEEBE_BROKER_CLUSTER_REPLICATIONFACTOR", "1");
    environment.put("ZEEBE_BROKER_CLUSTER_PARTITIONSCOUNT", "1");
    environment.put("ZEEBE_BROKER_GATEWAY_ENABLE", "true");
    environment.put("ZEEBE_BROKER_GATEWAY_NETWORK_HOST", host);
    environment.put("ZEEBE_BROKER_GATEWAY_NETWORK_PORT", Integer.toString(properties.port()));
    environment.put("ZEEBE_BROKER_GATEWAY_SECURITY_ENABLED", "false");
    environment.put("ZEEBE_BROKER_GATEWAY_SECURITY_AUTHENTICATION_MODE", "none");
    environment.put("ZEEBE_BROKER_NETWORK_HOST", host);
    environment.put("ZEEBE_BROKER_NETWORK_ADVERTISEDHOST", properties.connectHost());
    environment.put("ZEEBE_BROKER_NETWORK_COMMANDAPI_PORT", Integer.toString(properties.commandPort()));
    environment.put("ZEEBE_BROKER_NETWORK_INTERNALAPI_PORT", Integer.toString(properties.internalPort()));
    environment.put("SERVER_ADDRESS", host);
    environment.put("SERVER_PORT", Integer.toString(properties.restPort()));
    environment.put("MANAGEMENT_SERVER_ADDRESS", host);
    environment.put("MANAGEMENT_SERVER_PORT", Integer.toString(properties.managementPort()));
    environment.putAll(properties.environment());
  }

  private void exited(Process exited) {
    if (ready && !stopping) {
      LOG.error("The Zeebe broker (pid {}) exited unexpectedly with code {}; see {}", exited.pid(), exited.exitValue(),
          display(logFile));
    }
  }

  /** Graceful first (SIGTERM lets the broker flush and close RocksDB), forcibly after {@link #STOP_TIMEOUT}. */
  private static void terminate(ProcessHandle handle) {
    handle.destroy();
    try {
      handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn("The Zeebe broker (pid {}) did not stop within {} s; killing it", handle.pid(),
          STOP_TIMEOUT.toSeconds());
      handle.destroyForcibly();
      try {
        handle.onExit().get(5, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // it was killed; nothing more to do
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      handle.destroyForcibly();
    } catch (ExecutionException e) {
      handle.destroyForcibly();
    }
  }

  private void stopOnJvmExit() {
    Process running = process;
    if (running != null && running.isAlive()) {
      stopping = true;
      terminate(running.toHandle());
      try {
        Files.deleteIfExists(pidFile);
      } catch (IOException e) {
        // the next start finds no broker behind it and deletes it
      }
    }
  }

  private void removeShutdownHook() {
    if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down; the hook runs and finds the broker stopped
      }
    }
    shutdownHook = null;
  }

  /** Stops a broker left running on this data dir by a Waymark that was killed before it could stop it. */
  private void stopOrphan() {
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    try {
      long pid = Long.parseLong(Files.readString(pidFile).strip());
      ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::isOurBroker).ifPresent(orphan -> {
        LOG.warn("Stopping the Zeebe broker (pid {}) left running on {} by an earlier Waymark", pid, display(stateDir));
        terminate(orphan);
      });
      Files.deleteIfExists(pidFile);
    } catch (IOException | NumberFormatException e) {
      LOG.warn("Ignoring unreadable {}", pidFile, e);
    }
  }

  private boolean isOurBroker(ProcessHandle candidate) {
    String commandLine = candidate.info().commandLine().orElse("");
    return commandLine.contains(MAIN_CLASS) && commandLine.contains("-Dwaymark.engine.state=" + stateDir);
  }

  private void writePidFile(long pid) {
    try {
      Files.writeString(pidFile, Long.toString(pid));
    } catch (IOException e) {
      LOG.warn("Could not write {}", pidFile, e);
    }
  }

  /** The last lines this run wrote to the log. */
  private String tail(long fromOffset) {
    Deque<String> lines = new ArrayDeque<>();
    try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
      long start = Math.max(fromOffset, file.length() - 64 * 1024);
      file.seek(start);
      byte[] bytes = new byte[(int) (file.length() - start)];
      file.readFully(bytes);
      new String(bytes, StandardCharsets.UTF_8).lines().forEach(line -> {
        lines.addLast(line);
        if (lines.size() > LOG_LINES_ON_FAILURE) {
          lines.removeFirst();
        }
      });
    } catch (IOException e) {
      return "(could not read it: " + e.getMessage() + ")";
    }
    return String.join("\n", lines);
  }

  private String uriHost() {
    String host = properties.connectHost();
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  private Path display(Path path) {
    Path cwd = Path.of("").toAbsolutePath();
    return path.startsWith(cwd) ? Path.of(".").resolve(cwd.relativize(path)) : path;
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
  }
}
