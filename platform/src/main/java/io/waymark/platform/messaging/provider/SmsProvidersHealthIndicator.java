package io.waymark.platform.messaging.provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code smsProviders} in {@code /actuator/health}: every provider's circuit breaker (state, failure rate, refused
 * calls) and {@code canSend}, false while every breaker is open. The status stays UP even then: an open breaker is
 * the provider's trouble, not this instance's, and a load balancer taking Waymark out of service would also stop the
 * webhooks, replies and UI that keep working; sends resume by themselves when a breaker half-opens.
 */
@Component
class SmsProvidersHealthIndicator extends AbstractHealthIndicator {

  private final SmsRouter router;

  SmsProvidersHealthIndicator(SmsRouter router) {
    super("SMS provider health check failed");
    this.router = router;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    List<SmsRouter.ProviderState> states = router.providerStates();
    Map<String, Object> details = new LinkedHashMap<>();
    for (SmsRouter.ProviderState state : states) {
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("breaker", state.breaker().name());
      detail.put("failureRate", state.failureRate() < 0 ? "n/a" : state.failureRate() + "%");
      detail.put("bufferedCalls", state.bufferedCalls());
      detail.put("refusedCalls", state.refusedCalls());
      details.put(state.provider(), detail);
    }
    details.put("canSend", states.stream().anyMatch(SmsRouter.ProviderState::available));
    health.up().withDetails(details);
  }
}
