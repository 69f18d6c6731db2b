package io.waymark;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The platform's clock in application tests: wall-clock speed, moved forward to the next 18:00 UTC (10:00 in Los
 * Angeles, 13:00 in New York), so that journeys' sends fall inside US quiet-hours windows whenever the suite runs.
 * The engine keeps its own clock ({@code InMemoryEngine.increaseTime}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class DaytimeClock {

  @Bean
  @Primary
  Clock daytimeClock() {
    Instant now = Instant.now();
    ZonedDateTime next = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).withHour(18);
    if (next.toInstant().isBefore(now)) {
      next = next.plusDays(1);
    }
    return Clock.offset(Clock.systemUTC(), Duration.between(now, next.toInstant()));
  }
}
