package io.waymark.platform.messaging.provider;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.function.Supplier;

/**
 * One provider's Resilience4j instances ({@code sms<Provider>}): retry with exponential backoff and jitter around a
 * circuit breaker around a bulkhead. Only {@link SmsProviderException.Kind#RETRYABLE} failures are retried; business
 * answers are ignored by the breaker; unconfirmed sends count as failures but are never retried here.
 */
final class ProviderGuard {

  private final CircuitBreaker breaker;
  private final Retry retry;
  private final Bulkhead bulkhead;

  ProviderGuard(String provider, SmsRoutingProperties.Resilience settings) {
    String name = "sms" + Character.toUpperCase(provider.charAt(0)) + provider.substring(1);
    this.breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(settings.slidingWindow())
        .minimumNumberOfCalls(settings.minimumCalls())
        .failureRateThreshold(settings.failureRate())
        .waitDurationInOpenState(settings.openWait())
        .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
        .automaticTransitionFromOpenToHalfOpenEnabled(false)
        .ignoreException(SmsProviderException::isBusiness)
        .build());
    this.retry = Retry.of(name, RetryConfig.custom()
        .maxAttempts(settings.attempts())
        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(),
            settings.multiplier(), settings.jitter()))
        .retryOnException(e -> e instanceof SmsProviderException p && p.kind() == SmsProviderException.Kind.RETRYABLE)
        .failAfterMaxAttempts(false)
        .build());
    this.bulkhead = Bulkhead.of(name, BulkheadConfig.custom()
        .maxConcurrentCalls(settings.maxConcurrent())
        .maxWaitDuration(settings.bulkheadWait())
        .build());
  }

  /** Runs the call; {@code beforeAttempt} may throw to stop (deadline) before each attempt. */
  <T> T call(Runnable beforeAttempt, Supplier<T> call) {
    Supplier<T> guarded = Bulkhead.decorateSupplier(bulkhead, CircuitBreaker.decorateSupplier(breaker, call));
    return Retry.decorateSupplier(retry, () -> {
      beforeAttempt.run();
      return guarded.get();
    }).get();
  }

  CircuitBreaker breaker() {
    return breaker;
  }
}
