package io.waymark.platform.campaign;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.scheduling.support.CronExpression;

/**
 * Cron expressions as campaigns and scheduled segment entry read them: Spring's {@link CronExpression} in a zone, the
 * classic five fields accepted (a second 0 is put in front), fires at least {@link #MIN_INTERVAL} apart, and the
 * latest fire a late scheduler may still catch up with.
 */
final class CronSchedules {

  static final Duration MIN_INTERVAL = Duration.ofHours(1);

  private CronSchedules() {
  }

  /** A cron expression in a zone. */
  record Cron(CronExpression expression, ZoneId zone) {

    /** The first fire strictly after {@code after}, or null when there is none. */
    Instant next(Instant after) {
      ZonedDateTime next = expression.next(after.atZone(zone));
      return next == null ? null : next.toInstant();
    }

    /** The latest fire in ({@code now - window}, {@code now}], or null. */
    Instant latestWithin(Instant now, Duration window) {
      Instant latest = null;
      for (Instant fire = next(now.minus(window)); fire != null && !fire.isAfter(now); fire = next(fire)) {
        latest = fire;
      }
      return latest;
    }
  }

  /** What is wrong with a schedule: {@code field} is {@code cron} or {@code zone}; the caller says where they are. */
  static final class InvalidCron extends IllegalArgumentException {

    final String field;
    final String problem;

    InvalidCron(String field, String problem) {
      super(field + ": " + problem);
      this.field = field;
      this.problem = problem;
    }
  }

  /**
   * Parses {@code cron} in {@code zone}; an {@link InvalidCron} says what is wrong. Refuses expressions that fire
   * more often than every {@link #MIN_INTERVAL} (checked over the next 24 fires), or never.
   */
  static Cron parse(String cron, String zone, Instant now) {
    if (cron == null || cron.isBlank()) {
      throw new InvalidCron("cron", "is required, e.g. '0 0 10 * * MON' (10:00 every Monday)");
    }
    String text = cron.strip();
    if (!text.startsWith("@") && text.split("\\s+").length == 5) {
      text = "0 " + text;
    }
    CronExpression expression;
    try {
      expression = CronExpression.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidCron("cron", "'" + cron + "' is not a cron expression (" + e.getMessage()
          + "); six fields: second minute hour day-of-month month day-of-week, e.g. '0 0 10 * * MON'");
    }
    if (zone == null || zone.isBlank()) {
      throw new InvalidCron("zone", "is required, an IANA time zone such as 'America/New_York'");
    }
    ZoneId zoneId;
    try {
      zoneId = ZoneId.of(zone.strip());
    } catch (DateTimeException e) {
      throw new InvalidCron("zone", "'" + zone + "' is not a time zone (IANA, e.g. 'Europe/Berlin')");
    }
    Cron parsed = new Cron(expression, zoneId);
    Instant first = parsed.next(now);
    if (first == null) {
      throw new InvalidCron("cron", "'" + cron + "' never fires");
    }
    Instant previous = first;
    for (int i = 0; i < 24; i++) {
      Instant following = parsed.next(previous);
      if (following == null) {
        break;
      }
      if (Duration.between(previous, following).compareTo(MIN_INTERVAL) < 0) {
        throw new InvalidCron("cron", "'" + cron + "' fires " + previous + " and again "
            + following + "; fires must be at least " + MIN_INTERVAL.toHours() + " hour apart");
      }
      previous = following;
    }
    return parsed;
  }
}
