package io.waymark.workflows.testing;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordValue;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.LongPredicate;
import java.util.stream.StreamSupport;

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
    return awaitJob(client, type, processInstanceKey, key -> key == processInstanceKey);
  }

  /**
   * Activates the next job of {@code type} for the given instance or an instance it called through a call activity
   * (a sub-journey's job belongs to the run that called it), waiting up to 10 s for it to appear.
   */
  public static ActivatedJob awaitJobOfRun(CamundaClient client, String type, long processInstanceKey) {
    return awaitJob(client, type, processInstanceKey, key -> instanceAndCalled(processInstanceKey).contains(key));
  }

  private static ActivatedJob awaitJob(CamundaClient client, String type, long processInstanceKey,
      LongPredicate ours) {
    Instant deadline = Instant.now().plusSeconds(10);
    while (Instant.now().isBefore(deadline)) {
      waitForIdle();
      List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(10)
          .timeout(Duration.ofSeconds(30)).send().join().getJobs();
      for (ActivatedJob job : jobs) {
        if (ours.test(job.getProcessInstanceKey())) {
          return job;
        }
        client.newFailCommand(job).retries(job.getRetries()).send().join();
      }
    }
    throw new AssertionError("no job of type " + type + " for instance " + processInstanceKey + " within 10 s");
  }

  /** The instance and every instance it called through call activities, at any depth, as far as they started. */
  public static Set<Long> instanceAndCalled(long processInstanceKey) {
    waitForIdle();
    List<ProcessInstanceRecordValue> called = records(RecordStream.of(engine().getRecordStreamSource())
        .processInstanceRecords()).stream().map(Record::getValue)
        .filter(value -> value.getParentProcessInstanceKey() > 0).toList();
    Set<Long> keys = new HashSet<>(Set.of(processInstanceKey));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (ProcessInstanceRecordValue value : called) {
        if (keys.contains(value.getParentProcessInstanceKey())) {
          grew |= keys.add(value.getProcessInstanceKey());
        }
      }
    }
    return keys;
  }

  /** The latest instance of {@code processId} that the given instance called; fails when it called none. */
  public static long calledInstance(long processInstanceKey, String processId) {
    waitForIdle();
    return records(RecordStream.of(engine().getRecordStreamSource()).processInstanceRecords()).stream()
        .map(Record::getValue)
        .filter(value -> value.getParentProcessInstanceKey() == processInstanceKey
            && value.getBpmnProcessId().equals(processId))
        .map(ProcessInstanceRecordValue::getProcessInstanceKey).reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError("instance " + processInstanceKey + " called no " + processId));
  }

  /** How many jobs of {@code type} the engine created for the given instance (not for instances it called). */
  public static long jobsCreated(String type, long processInstanceKey) {
    waitForIdle();
    return records(RecordStream.of(engine().getRecordStreamSource()).jobRecords()).stream()
        .filter(job -> job.getIntent() == JobIntent.CREATED)
        .map(Record::getValue)
        .filter(job -> job.getType().equals(type) && job.getProcessInstanceKey() == processInstanceKey)
        .count();
  }

  /**
   * The variables of an instance's own scope (not those local to its elements), name to the latest value as JSON:
   * what the run holds after its steps, e.g. what a call activity passed back.
   */
  public static Map<String, String> instanceVariables(long processInstanceKey) {
    waitForIdle();
    Map<String, String> variables = new LinkedHashMap<>();
    records(RecordStream.of(engine().getRecordStreamSource()).variableRecords()).stream().map(Record::getValue)
        .filter(variable -> variable.getProcessInstanceKey() == processInstanceKey
            && variable.getScopeKey() == processInstanceKey)
        .forEach(variable -> variables.put(variable.getName(), variable.getValue()));
    return variables;
  }

  private static <T extends RecordValue> List<Record<T>> records(Iterable<Record<T>> stream) {
    return StreamSupport.stream(stream.spliterator(), false).toList();
  }
}
