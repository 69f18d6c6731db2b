package io.waymark.workers.engine;

import io.waymark.workflows.Journeys;
import io.waymark.workflows.lint.LintReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Publishes every bundled journey at start-up through the {@link JourneyPublisher}, one resource per deployment. All
 * are linted first: a bundled journey with lint errors stops the start-up, naming the findings, before anything is
 * deployed. The engine recognises an unchanged file and answers with the version it already has, so restarts create
 * no new versions. Retries while the engine is not reachable yet; fails the start-up after the timeout.
 */
@Component
@ConditionalOnProperty(name = "waymark.journeys.deploy-bundled", havingValue = "true", matchIfMissing = true)
@Order(10) // after the bundled templates are installed: the linter checks the journeys' template references
class JourneyDeployer implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(JourneyDeployer.class);

  private final JourneyPublisher publisher;
  private final Duration timeout;
  private final List<String> resources;

  @Autowired
  JourneyDeployer(JourneyPublisher publisher, @Value("${waymark.journeys.deploy-timeout:PT2M}") Duration timeout) {
    this(publisher, timeout, Journeys.BUNDLED.stream().map(Journeys::resource).toList());
  }

  /** @param resources classpath locations of the journeys to publish, in order */
  JourneyDeployer(JourneyPublisher publisher, Duration timeout, List<String> resources) {
    this.publisher = publisher;
    this.timeout = timeout;
    this.resources = List.copyOf(resources);
  }

  @Override
  public void run(ApplicationArguments args) throws InterruptedException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    Map<String, LintReport> reports = new LinkedHashMap<>();
    for (String resource : resources) {
      byte[] bpmn = read(resource);
      LintReport report = publisher.lint(bpmn);
      report.warnings().forEach(warning -> LOG.warn("Bundled journey {}: {}", resource, warning));
      files.put(resource, bpmn);
      reports.put(resource, report);
    }
    String refused = reports.entrySet().stream().filter(entry -> entry.getValue().hasErrors())
        .map(entry -> entry.getKey() + ":\n  " + entry.getValue().errors().stream().map(Object::toString)
            .collect(Collectors.joining("\n  ")))
        .collect(Collectors.joining("\n"));
    if (!refused.isEmpty()) {
      throw new IllegalStateException("bundled journeys fail the journey linter, nothing was deployed:\n" + refused);
    }
    for (String resource : resources) {
      deployWithRetry(resource, files.get(resource), reports.get(resource));
    }
  }

  private static byte[] read(String resource) {
    try (InputStream in = JourneyDeployer.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("bundled journey " + resource + " is not on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void deployWithRetry(String resource, byte[] bpmn, LintReport report) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    Duration pause = Duration.ofMillis(500);
    while (true) {
      try {
        publisher.deploy(resource, bpmn, report);
        return;
      } catch (JourneyRejectedException refused) {
        throw new IllegalStateException("bundled " + refused.getMessage(), refused);
      } catch (RuntimeException unreachable) {
        if (Instant.now().plus(pause).isAfter(deadline)) {
          throw new IllegalStateException("could not deploy " + resource + " within " + timeout
              + ": is the engine reachable at camunda.client.grpc-address?", unreachable);
        }
        LOG.warn("Deploying {} failed ({}); retrying in {} ms", resource, unreachable.getMessage(), pause.toMillis());
        Thread.sleep(pause.toMillis());
        pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
            : pause.multipliedBy(2);
      }
    }
  }
}
