package io.waymark.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedZeebeBroker.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

  private final EmbeddedEngineProperties properties;
  private final ZeebeDistribution distribution;
  private final Path dataDir;
  private final Path stateDir;
  private final Path logFile;
  private final BrokerLog log;
  private final BrokerLaunch launch;
  private final BrokerNetwork network;
  private final Path pidFile;
  private final Path tmpDir;

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
    this.log = new BrokerLog(logFile);
    this.launch = new BrokerLaunch(properties, stateDir, tmpDir);
    this.network = new BrokerNetwork(properties);
  }

  @Override
  public synchronized void start() {
    if (isRunning()) {
      return;
    }
    stopOrphan();
    network.requirePortsFree();
    ZeebeDistribution.Installation installation = distribution.install();
    version = installation.version();
    long logOffset = prepareFiles(installation);
    List<String> command = launch.command(installation);
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(stateDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    launch.environment(builder.environment());
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
      throw new IllegalStateException(e.getMessage() + " Last lines of " + logFile + ":\n" + log.tail(logOffset), e);
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
    network.close();
  }

  /** The embedded gateway's gRPC address for a Camunda client, e.g. {@code http://127.0.0.1:26500}. */
  public URI grpcAddress() {
    return network.address(properties.port());
  }

  /** The broker's REST address; Waymark's client talks gRPC ({@code prefer-rest-over-grpc=false}). */
  public URI restAddress() {
    return network.address(properties.restPort());
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
  BrokerNetwork.Readiness probeReadiness() {
    return network.probeReadiness();
  }

  private void awaitReady(Process launched, long started) {
    long deadline = started + properties.startTimeout().toNanos();
    BrokerNetwork.Readiness readiness = new BrokerNetwork.Readiness(false, "not asked yet");
    while (System.nanoTime() < deadline) {
      if (!launched.isAlive()) {
        throw new IllegalStateException("The Zeebe broker exited with code " + launched.exitValue()
            + " while starting.");
      }
      readiness = network.readiness();
      if (readiness.ready()) {
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

  /** Creates the directories, wipes the temporary files, starts this run's log; returns where its output begins. */
  private long prepareFiles(ZeebeDistribution.Installation installation) {
    try {
      Files.createDirectories(stateDir);
      ZeebeDistribution.deleteRecursively(tmpDir);
      Files.createDirectories(tmpDir);
      return log.begin("%n==== %s Waymark starts Zeebe broker %s from %s (gRPC %s:%d, state %s) ====%n".formatted(
          Instant.now(), installation.version(), installation.home(), properties.host(), properties.port(),
          stateDir));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not prepare " + dataDir + " for the Zeebe broker", e);
    }
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
      ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(launch::launched).ifPresent(orphan -> {
        LOG.warn("Stopping the Zeebe broker (pid {}) left running on {} by an earlier Waymark", pid, display(stateDir));
        terminate(orphan);
      });
      Files.deleteIfExists(pidFile);
    } catch (IOException | NumberFormatException e) {
      LOG.warn("Ignoring unreadable {}", pidFile, e);
    }
  }

  private void writePidFile(long pid) {
    try {
      Files.writeString(pidFile, Long.toString(pid));
    } catch (IOException e) {
      LOG.warn("Could not write {}", pidFile, e);
    }
  }

  private Path display(Path path) {
    Path cwd = Path.of("").toAbsolutePath();
    return path.startsWith(cwd) ? Path.of(".").resolve(cwd.relativize(path)) : path;
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
  }
}
