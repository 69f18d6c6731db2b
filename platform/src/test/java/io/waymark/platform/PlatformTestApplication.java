package io.waymark.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Boots the platform alone for its slice and module tests; the real application lives in {@code ui}. */
@SpringBootApplication
public class PlatformTestApplication {

  /**
   * The platform's clock in tests: wall-clock speed, moved forward to the next 18:00 UTC (10:00 in Los Angeles, 13:00
   * in New York), so that test sends fall inside every US quiet-hours window whenever the suite runs. Quiet hours
   * themselves are tested with explicit instants.
   */
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
