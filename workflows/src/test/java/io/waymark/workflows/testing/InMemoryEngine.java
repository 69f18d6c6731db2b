package io.waymark.workflows.testing;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.process.test.filters.RecordStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Zeebe's in-memory test engine, one per test JVM, with its controllable clock. Tests only: it keeps every record
 * in memory. The clock is shared by every instance in the engine, so tests that move it must not depend on
 * timers of other tests' instances.
 */
public final class InMemoryEngine {

  private static ZeebeTestEngine engine;
  private static Duration moved = Duration.ZERO;

  private InMemoryEngine() {
  }

  /** The running engine, started on first use on a free port. */
  public static synchronized ZeebeTestEngine engine() {
    if (engine == null) {
      ZeebeTestEngine started = EngineFactory.create(freePort());
      started.start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "zeebe-test-engine-stop"));
      engine = started;
    }
    return engine;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The gateway address for {@code camunda.client.grpc-address}. */
  public static URI grpcAddress() {
    return URI.create("http://" + engine().getGatewayAddress());
  }

  /** A plain-text gRPC client for this engine; close it after use. */
  public static CamundaClient newClient() {
    return CamundaClient.newClientBuilder()
        .grpcAddress(grpcAddress())
        .preferRestOverGrpc(false)
        .defaultRequestTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** Moves the engine clock and waits until the timers it triggered have been processed. */
  public static void increaseTime(Duration duration) {
    synchronized (InMemoryEngine.class) {
      engine().increaseTime(duration);
      moved = moved.plus(duration);
    }
    waitForIdle();
  }

  /** The engine's "now": the wall clock plus every {@link #increaseTime} so far (all moves go through here). */
  public static synchronized Instant now() {
    return Instant.now().plus(moved);
  }

  public static void waitForIdle() {
    try {
      engine().waitForIdleState(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the engine did not become idle within 10 s", e);
    }
  }

  /** AssertJ assertions over the engine's records for one process instance. */
  public static ProcessInstanceAssert assertThatInstance(long processInstanceKey) {
    waitForIdle();
    return new ProcessInstanceAssert(processInstanceKey, RecordStream.of(engine().getRecordStreamSource()));
  }

  /** Activates the next job of {@code type} for the given instance, waiting up to 10 s for it to appear. */
  public static ActivatedJob awaitJob(CamundaClient client, String type, long processInstanceKey) {
    Instant deadline = Instant.now().plusSeconds(10);
    while (Instant.now().isBefore(deadline)) {
      waitForIdle();
      List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(10)
          .timeout(Duration.ofSeconds(30)).send().join().getJobs();
      for (ActivatedJob job : jobs) {
        if (job.getProcessInstanceKey() == processInstanceKey) {
          return job;
        }
        client.newFailCommand(job).retries(job.getRetries()).send().join();
      }
    }
    throw new AssertionError("no job of type " + type + " for instance " + processInstanceKey + " within 10 s");
  }
}
