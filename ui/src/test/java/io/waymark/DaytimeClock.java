package io.waymark;

import io.waymark.workflows.testing.InMemoryEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The platform's clock in application tests is the engine's clock, so that the platform and the journeys agree on
 * "now" however far a test moves the engine ({@code InMemoryEngine.increaseTime}). When the context starts, the engine
 * is moved on to the next 18:00 UTC (10:00 in Los Angeles, 13:00 in New York), so that journeys' sends fall inside US
 * quiet-hours windows whenever the suite runs.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DaytimeClock {

  @Bean
  @Primary
  Clock daytimeClock() {
    Instant now = InMemoryEngine.now();
    ZonedDateTime next = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).withHour(18);
    if (next.toInstant().isBefore(now)) {
      next = next.plusDays(1);
    }
    InMemoryEngine.increaseTime(Duration.between(now, next.toInstant()));
    return new EngineClock();
  }

  /** {@link InMemoryEngine#now()} as a {@link Clock}. */
  static final class EngineClock extends Clock {

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the engine clock is UTC");
    }

    @Override
    public Instant instant() {
      return InMemoryEngine.now();
    }
  }
}
