package io.waymark.platform.messaging.provider;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waymark.sms.*}: sender pools per brand and country, and the resilience every provider gets. Without routes,
 * every message goes through the enabled HTTP providers in the order twilio, telnyx, or the sandbox when none is.
 */
@ConfigurationProperties("waymark.sms")
public record SmsRoutingProperties(List<Route> routes, @DefaultValue Resilience resilience) {

  /** Countries where an alphanumeric sender id is not allowed (ISO 3166 alpha-2). */
  static final Set<String> NO_ALPHANUMERIC = Set.of("US", "CA", "PR");

  public SmsRoutingProperties {
    routes = routes == null ? List.of() : List.copyOf(routes);
    for (int i = 0; i < routes.size(); i++) {
      routes.get(i).validate("waymark.sms.routes[" + i + "]");
    }
  }

  /** How a route sends. Default throughput in segments per second per sender. */
  public enum SenderType {
    LONG_CODE(1), TOLL_FREE(3), SHORT_CODE(100), ALPHANUMERIC(10);

    private final int segmentsPerSecond;

    SenderType(int segmentsPerSecond) {
      this.segmentsPerSecond = segmentsPerSecond;
    }

    public int defaultSegmentsPerSecond() {
      return segmentsPerSecond;
    }
  }

  /**
   * A sender pool: messages of {@code brand} ({@code *} any) to {@code country} (ISO alpha-2, {@code *} any) leave
   * from {@code from} through {@code providers} in failover order, at most {@code segmentsPerSecond} (null: the
   * type's default; 0: unlimited).
   */
  public record Route(String brand, String country, SenderType type, String from, List<String> providers,
      Integer segmentsPerSecond) {

    void validate(String path) {
      require(brand, path + ".brand");
      require(country, path + ".country");
      if (type == null) {
        throw new IllegalArgumentException(path + ".type: is required (LONG_CODE, TOLL_FREE, SHORT_CODE, ALPHANUMERIC)");
      }
      if (!"*".equals(country) && !country.matches("[A-Za-z]{2}")) {
        throw new IllegalArgumentException(path + ".country: '" + country + "' is not an ISO 3166 alpha-2 code or *");
      }
      if (type == SenderType.ALPHANUMERIC && NO_ALPHANUMERIC.contains(country.toUpperCase(Locale.ROOT))) {
        throw new IllegalArgumentException(path + ".type: alphanumeric senders are not allowed in " + country);
      }
      if (providers == null || providers.isEmpty()) {
        throw new IllegalArgumentException(path + ".providers: name at least one provider");
      }
      if (segmentsPerSecond != null && segmentsPerSecond < 0) {
        throw new IllegalArgumentException(path + ".segments-per-second: must be 0 (unlimited) or more");
      }
    }

    /** Segments per second this route may send; 0 means unlimited. */
    public int throughput() {
      return segmentsPerSecond != null ? segmentsPerSecond : type.defaultSegmentsPerSecond();
    }

    boolean matches(String brandName, String countryCode) {
      return ("*".equals(brand) || brand.equalsIgnoreCase(brandName))
          && ("*".equals(country) || country.equalsIgnoreCase(countryCode));
    }

    private static void require(String value, String field) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(field + ": is required");
      }
    }
  }

  /**
   * Per provider: {@code attempts} with exponential backoff from {@code initialBackoff} times {@code multiplier},
   * randomized by {@code jitter} (0..1); all attempts on all providers of a route stop after {@code maxTotal}, which
   * must stay below the send-sms job timeout. The breaker opens at {@code failureRate} percent of the last
   * {@code slidingWindow} calls (at least {@code minimumCalls}) and half-opens after {@code openWait}. At most
   * {@code maxConcurrent} calls per provider, waiting {@code bulkheadWait} for a slot.
   */
  public record Resilience(
      @DefaultValue("3") int attempts,
      @DefaultValue("200ms") Duration initialBackoff,
      @DefaultValue("2.0") double multiplier,
      @DefaultValue("0.5") double jitter,
      @DefaultValue("25s") Duration maxTotal,
      @DefaultValue("50") float failureRate,
      @DefaultValue("10") int slidingWindow,
      @DefaultValue("5") int minimumCalls,
      @DefaultValue("30s") Duration openWait,
      @DefaultValue("2") int halfOpenCalls,
      @DefaultValue("25") int maxConcurrent,
      @DefaultValue("1s") Duration bulkheadWait) {

    public Resilience {
      if (attempts < 1) {
        throw new IllegalArgumentException("waymark.sms.resilience.attempts: must be at least 1");
      }
      if (jitter < 0 || jitter >= 1) {
        throw new IllegalArgumentException("waymark.sms.resilience.jitter: must be in [0, 1)");
      }
      if (maxTotal.isNegative() || maxTotal.isZero() || maxTotal.compareTo(Duration.ofMinutes(4)) > 0) {
        throw new IllegalArgumentException("waymark.sms.resilience.max-total: must be positive and below the "
            + "send-sms job timeout (at most 4 minutes)");
      }
    }

    public static Resilience defaults() {
      return new Resilience(3, Duration.ofMillis(200), 2.0, 0.5, Duration.ofSeconds(25), 50, 10, 5,
          Duration.ofSeconds(30), 2, 25, Duration.ofSeconds(1));
    }
  }
}
