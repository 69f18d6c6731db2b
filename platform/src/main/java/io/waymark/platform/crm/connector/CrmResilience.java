package io.waymark.platform.crm.connector;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A connector's Resilience4j settings ({@code waymark.crm.<system>.resilience.*}): {@code attempts} in all with
 * exponential backoff from {@code initialBackoff} times {@code multiplier}, randomized by {@code jitter} (0..1), for
 * failures that are safe to repeat at once; the breaker opens at {@code failureRate} percent of the last
 * {@code slidingWindow} calls (at least {@code minimumCalls}) and lets {@code halfOpenCalls} trial calls through after
 * {@code openWait}. The defaults keep one call under about two seconds of backoff: the inbox retries later anyway.
 */
record CrmResilience(
    @DefaultValue("3") int attempts,
    @DefaultValue("200ms") Duration initialBackoff,
    @DefaultValue("2.0") double multiplier,
    @DefaultValue("0.5") double jitter,
    @DefaultValue("50") float failureRate,
    @DefaultValue("10") int slidingWindow,
    @DefaultValue("5") int minimumCalls,
    @DefaultValue("30s") Duration openWait,
    @DefaultValue("2") int halfOpenCalls) {

  CrmResilience {
    if (attempts < 1) {
      throw new IllegalArgumentException("resilience.attempts: must be at least 1");
    }
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("resilience.jitter: must be in [0, 1)");
    }
    if (failureRate <= 0 || failureRate > 100) {
      throw new IllegalArgumentException("resilience.failure-rate: must be a percentage in (0, 100]");
    }
    if (slidingWindow < 1 || minimumCalls < 1 || halfOpenCalls < 1) {
      throw new IllegalArgumentException("resilience.sliding-window, minimum-calls and half-open-calls: must be at "
          + "least 1");
    }
    if (initialBackoff.isNegative() || openWait.isNegative() || openWait.isZero()) {
      throw new IllegalArgumentException("resilience.initial-backoff and open-wait: must be positive");
    }
  }

  static CrmResilience defaults() {
    return new CrmResilience(3, Duration.ofMillis(200), 2.0, 0.5, 50, 10, 5, Duration.ofSeconds(30), 2);
  }
}
