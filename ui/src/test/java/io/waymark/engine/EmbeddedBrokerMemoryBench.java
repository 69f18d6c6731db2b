package io.waymark.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark, not a test (runs only with {@code -Pbench}): pushes many short journeys through the real embedded
 * broker and prints the broker's resident memory (split into anonymous memory: heap, RocksDB, native; and mapped
 * files: the journal segments, which the OS may drop at will) and its state size as finished instances pile up.
 *
 * <pre>./mvnw -Pbench -pl ui -am verify -Dtest=EmbeddedBrokerMemoryBench -Dsurefire.failIfNoSpecifiedTests=false
 *     -Dbench.instances=20000</pre>
 */
class EmbeddedBrokerMemoryBench {

  @TempDir
  Path dataDir;

  @Test
  void brokerMemoryStaysBoundedAsFinishedInstancesPileUp() throws Exception {
    int instances = Integer.getInteger("bench.instances", 20_000);
    int report = Math.max(1, instances / 10);
    EmbeddedEngineProperties properties = TestBrokers.properties("512m");
    try (EmbeddedZeebeBroker broker = new EmbeddedZeebeBroker(properties, TestBrokers.distribution(properties),
        dataDir); CamundaClient client = startAndConnect(broker)) {
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("bench-journey")
          .startEvent().serviceTask("Task_Work", t -> t.zeebeJobType("bench-work")).endEvent().done(),
          "bench-journey.bpmn").send().join();
      AtomicLong completed = new AtomicLong();
      try (JobWorker worker = client.newWorker().jobType("bench-work").handler((jobs, job) -> {
        completeDespiteBackpressure(jobs, job);
        completed.incrementAndGet();
      }).maxJobsActive(64).open()) {
        System.out.printf("%n%10s %10s %12s %12s %12s %12s%n", "instances", "seconds", "broker RSS", "of it anon",
            "of it files", "state dir");
        print(0, 0, broker, dataDir);
        Semaphore inFlight = new Semaphore(64);
        AtomicLong submitted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        long started = System.nanoTime();
        long nextReport = report;
        while (submitted.get() < instances) {
          inFlight.acquire();
          submitted.incrementAndGet();
          client.newCreateInstanceCommand().bpmnProcessId("bench-journey").latestVersion().send()
              .toCompletableFuture().whenComplete((created, error) -> {
                if (error != null) { // backpressure (RESOURCE_EXHAUSTED): submit that one again
                  submitted.decrementAndGet();
                  rejected.incrementAndGet();
                }
                inFlight.release();
              });
          nextReport = reportReached(nextReport, report, completed, started, broker);
        }
        while (completed.get() < instances) {
          Thread.sleep(50);
          nextReport = reportReached(nextReport, report, completed, started, broker);
        }
        System.out.printf(Locale.ROOT, "%d instances completed, %.0f per second, %d creates rejected and retried%n",
            instances, instances / ((System.nanoTime() - started) / 1e9), rejected.get());
        Thread.sleep(Duration.ofSeconds(10));
        print(instances, System.nanoTime() - started, broker, dataDir);
      }
    }
  }

  private long reportReached(long nextReport, long step, AtomicLong completed, long started,
      EmbeddedZeebeBroker broker) throws IOException {
    if (completed.get() < nextReport) {
      return nextReport;
    }
    print(nextReport, System.nanoTime() - started, broker, dataDir);
    return nextReport + step;
  }

  /** Under load the broker answers RESOURCE_EXHAUSTED; a failed completion would cost a retry, so try again. */
  private static void completeDespiteBackpressure(JobClient jobs, ActivatedJob job) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        jobs.newCompleteCommand(job).send().join();
        return;
      } catch (RuntimeException backpressure) {
        if (attempt == 50) {
          throw backpressure;
        }
        Thread.sleep(20L * attempt);
      }
    }
  }

  private static CamundaClient startAndConnect(EmbeddedZeebeBroker broker) {
    broker.start();
    return TestBrokers.client(broker);
  }

  private static void print(long count, long nanos, EmbeddedZeebeBroker broker, Path dataDir) throws IOException {
    long pid = broker.pid().orElseThrow();
    System.out.printf(Locale.ROOT, "%10d %10.1f %9d MB %9d MB %9d MB %9d MB%n", count, nanos / 1e9,
        status(pid, "VmRSS:") / 1024, status(pid, "RssAnon:") / 1024, status(pid, "RssFile:") / 1024,
        size(dataDir.resolve("zeebe")) / (1024 * 1024));
  }

  /** A kilobyte figure from /proc/PID/status: VmRSS (all resident), RssAnon (heap, native), RssFile (mapped files). */
  private static long status(long pid, String field) throws IOException {
    try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
      return lines.filter(line -> line.startsWith(field))
          .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(-1);
    }
  }

  private static long size(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
    }
  }
}
