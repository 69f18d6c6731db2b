package io.waymark.platform.messaging.provider;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.waymark.platform.messaging.provider.SmsProviderException.Kind;
import io.waymark.platform.messaging.provider.SmsRoutingProperties.Route;
import io.waymark.platform.template.SmsEncoding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the route for a brand and the recipient's country, waits for the route's rate limiter (one permit per
 * segment), and sends through the route's providers in order, each behind its {@link ProviderGuard}. A retryable
 * failure, an open breaker or a full bulkhead fails over to the next provider; a business answer is final; an
 * unconfirmed send is never failed over (it is reconciled first, see {@link #reconcile}).
 */
public class SmsRouter {

  private static final Logger LOG = LoggerFactory.getLogger(SmsRouter.class);

  private final Map<String, SmsProvider> providers = new LinkedHashMap<>();
  private final Map<String, ProviderGuard> guards = new LinkedHashMap<>();
  private final Map<Route, RateLimiter> limiters = new ConcurrentHashMap<>();
  private final List<Route> routes;
  private final Route fallback;
  private final SmsRoutingProperties.Resilience settings;

  public SmsRouter(List<SmsProvider> available, SmsRoutingProperties properties) {
    this.settings = properties.resilience();
    available.forEach(p -> providers.put(p.name(), p));
    available.forEach(p -> guards.put(p.name(), new ProviderGuard(p.name(), settings)));
    this.routes = properties.routes();
    for (int i = 0; i < routes.size(); i++) {
      for (String name : routes.get(i).providers()) {
        if (!providers.containsKey(name)) {
          throw new IllegalArgumentException("waymark.sms.routes[" + i + "].providers: '" + name
              + "' is not an enabled provider " + providers.keySet());
        }
      }
    }
    List<String> real = providers.keySet().stream().filter(n -> !n.equals("sandbox"))
        .sorted(Comparator.comparing((String n) -> !n.equals("twilio")).thenComparing(n -> n)).toList();
    this.fallback = new Route("*", "*", SmsRoutingProperties.SenderType.SHORT_CODE, null,
        real.isEmpty() ? List.of("sandbox") : real, 0);
  }

  /** The first configured route matching brand and country, else the default route. */
  public Route route(String brand, String to) {
    String country = countryOf(to);
    return routes.stream().filter(r -> r.matches(brand, country)).findFirst().orElse(fallback);
  }

  /** The provider a message was sent through (or last attempted at) and its id there. */
  public record Sent(String provider, String messageId) {
  }

  /**
   * Sends {@code sms} once. {@code pinned} (nullable) is a provider an earlier attempt may have reached without
   * confirmation and that cannot be looked up: then only that provider is used, under the same idempotency key.
   */
  public Sent send(String brand, OutboundSms sms, String pinned) {
    Route route = route(brand, sms.to());
    OutboundSms routed = sms.from() == null ? sms.withFrom(route.from()) : sms;
    long deadline = System.nanoTime() + settings.maxTotal().toNanos();
    throttle(route, routed.body(), deadline);
    List<String> order = pinned != null && providers.containsKey(pinned) && !providers.get(pinned).canLookUp()
        ? List.of(pinned) : route.providers();
    List<String> failures = new ArrayList<>();
    for (String name : order) {
      if (System.nanoTime() > deadline) {
        failures.add(name + ": not tried, the retry budget of " + settings.maxTotal() + " is spent");
        continue;
      }
      try {
        String id = guards.get(name).call(() -> checkDeadline(deadline),
            () -> providers.get(name).send(routed));
        return new Sent(name, id);
      } catch (SmsProviderException e) {
        if (e.kind() != Kind.RETRYABLE) {
          throw e;
        }
        LOG.warn("SMS {} failed at {}, failing over: {}", routed.clientRef(), name, e.getMessage());
        failures.add(e.getMessage());
      } catch (CallNotPermittedException | BulkheadFullException e) {
        LOG.warn("SMS {} skips {}: {}", routed.clientRef(), name, e.getMessage());
        failures.add(name + ": " + e.getMessage());
      } catch (DeadlineExceeded e) {
        failures.add(name + ": " + e.getMessage());
      }
    }
    throw new SmsProviderException(Kind.RETRYABLE, "route " + route.brand() + "/" + route.country(), null,
        "no provider accepted the message: " + String.join("; ", failures));
  }

  /**
   * After an attempt that may have reached a provider: asks {@code pinned} (or, when unknown, every provider of the
   * route that can look messages up) whether it accepted {@code sms}. Lookup failures propagate: nothing is resent
   * until the question is answered.
   */
  public Optional<Sent> reconcile(String brand, OutboundSms sms, String pinned) {
    Route route = route(brand, sms.to());
    OutboundSms routed = sms.from() == null ? sms.withFrom(route.from()) : sms;
    List<String> candidates = pinned != null && providers.containsKey(pinned) ? List.of(pinned) : route.providers();
    for (String name : candidates) {
      SmsProvider provider = providers.get(name);
      if (provider.canLookUp()) {
        Optional<String> found = provider.findSent(routed);
        if (found.isPresent()) {
          return Optional.of(new Sent(name, found.get()));
        }
      }
    }
    return Optional.empty();
  }

  /** The breaker of one provider, for health views and tests. */
  public CircuitBreaker.State breakerState(String provider) {
    return guards.get(provider).breaker().getState();
  }

  /** Every enabled provider's breaker, in the order they were registered. */
  public List<ProviderState> providerStates() {
    return guards.entrySet().stream().map(e -> {
      CircuitBreaker.Metrics metrics = e.getValue().breaker().getMetrics();
      return new ProviderState(e.getKey(), e.getValue().breaker().getState(), metrics.getFailureRate(),
          metrics.getNumberOfBufferedCalls(), metrics.getNumberOfNotPermittedCalls());
    }).toList();
  }

  /**
   * One provider's breaker: its state, the failure rate in percent over the buffered calls (-1 until the minimum
   * number of calls is reached) and how many calls it refused while open.
   */
  public record ProviderState(String provider, CircuitBreaker.State breaker, float failureRate, int bufferedCalls,
      long refusedCalls) {

    /** Whether the provider takes traffic (closed or half-open breaker). */
    public boolean available() {
      return breaker == CircuitBreaker.State.CLOSED || breaker == CircuitBreaker.State.HALF_OPEN;
    }
  }

  private void throttle(Route route, String body, long deadline) {
    int perSecond = route.throughput();
    if (perSecond == 0) {
      return;
    }
    RateLimiter limiter = limiters.computeIfAbsent(route, r -> RateLimiter.of(
        "smsRoute-" + r.brand() + "-" + r.country() + "-" + r.type(), RateLimiterConfig.custom()
            .limitForPeriod(perSecond)
            .limitRefreshPeriod(Duration.ofSeconds(1))
            .timeoutDuration(settings.maxTotal())
            .build()));
    for (int i = SmsEncoding.analyze(body).segments(); i > 0; i--) {
      if (System.nanoTime() > deadline || !limiter.acquirePermission()) {
        throw new SmsProviderException(Kind.RETRYABLE, "route " + route.brand() + "/" + route.country(), null,
            "the route's rate limit of " + perSecond + " segments/s left no slot within " + settings.maxTotal());
      }
    }
  }

  private static void checkDeadline(long deadline) {
    if (System.nanoTime() > deadline) {
      throw new DeadlineExceeded();
    }
  }

  private static String countryOf(String e164) {
    try {
      String region = PhoneNumberUtil.getInstance().getRegionCodeForNumber(PhoneNumberUtil.getInstance()
          .parse(e164, null));
      return region == null ? "ZZ" : region;
    } catch (NumberParseException e) {
      return "ZZ";
    }
  }

  private static final class DeadlineExceeded extends RuntimeException {
    DeadlineExceeded() {
      super("the retry budget is spent");
    }
  }
}
