package io.waymark.platform.crm.connector;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.waymark.platform.support.InvalidInputException;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * One connector's Resilience4j instances, both named {@code crm-<system>}: a short retry around a circuit breaker.
 * Only {@link CrmUnavailableException}s that are safe to repeat at once are retried (not a write whose answer was
 * lost); refusals ({@link CrmRejectedException}) and bad input are ignored by the breaker, since they say nothing about
 * the CRM's health. An open breaker answers at once with a {@link CrmUnavailableException}.
 */
final class CrmGuard {

  private final String system;
  private final CircuitBreaker breaker;
  private final Retry retry;
  private final java.time.Duration openWait;

  CrmGuard(String system, CrmResilience settings, Clock clock) {
    this.system = system;
    this.openWait = settings.openWait();
    String name = "crm-" + system;
    this.breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(settings.slidingWindow())
        .minimumNumberOfCalls(settings.minimumCalls())
        .failureRateThreshold(settings.failureRate())
        .waitDurationInOpenState(settings.openWait())
        .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
        .automaticTransitionFromOpenToHalfOpenEnabled(false)
        .ignoreException(e -> e instanceof CrmRejectedException || e instanceof InvalidInputException)
        .clock(clock)
        .build());
    this.retry = Retry.of(name, RetryConfig.custom()
        .maxAttempts(settings.attempts())
        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(),
            settings.multiplier(), settings.jitter()))
        .retryOnException(e -> e instanceof CrmUnavailableException u && u.retryNow())
        .failAfterMaxAttempts(false)
        .build());
  }

  <T> T call(Supplier<T> call) {
    try {
      return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call)).get();
    } catch (CallNotPermittedException e) {
      throw new CrmUnavailableException(system, "circuit breaker " + breaker.getName() + " is open after repeated "
          + "failures (trial calls again " + openWait + " after it opened)", e);
    }
  }

  CircuitBreaker breaker() {
    return breaker;
  }
}
