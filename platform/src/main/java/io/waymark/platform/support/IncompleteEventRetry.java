package io.waymark.platform.support;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Resubmits event publications whose listener failed (for instance while the engine was unreachable), so that an
 * accepted event or an inbound reply is never lost. Listeners are idempotent.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IncompleteEventRetry {

  private static final Logger LOG = LoggerFactory.getLogger(IncompleteEventRetry.class);

  private final IncompleteEventPublications incomplete;
  private final Duration olderThan;

  IncompleteEventRetry(IncompleteEventPublications incomplete,
      @Value("${waymark.events.retry-older-than:PT30S}") Duration olderThan) {
    this.incomplete = incomplete;
    this.olderThan = olderThan;
  }

  @Scheduled(initialDelayString = "${waymark.events.retry-every:PT15S}", fixedDelayString = "${waymark.events.retry-every:PT15S}")
  void resubmit() {
    try {
      incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
    } catch (RuntimeException e) {
      LOG.warn("Resubmitting incomplete event publications failed: {}", e.getMessage());
    }
  }
}
