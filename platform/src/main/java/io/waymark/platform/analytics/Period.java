package io.waymark.platform.analytics;

import io.waymark.platform.support.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** Days {@code from} to {@code to}, both included, as the calendar of {@code zone} counts them (at most 366 days). */
public record Period(LocalDate from, LocalDate to, ZoneId zone) {

  public static final int MAX_DAYS = 366;

  public Period {
    if (from == null) {
      throw new InvalidInputException("from", "is required (a day, e.g. 2026-11-01)");
    }
    if (to == null) {
      throw new InvalidInputException("to", "is required (a day, e.g. 2026-11-30)");
    }
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", "is before from (" + from + ")");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw new InvalidInputException("to", "the period spans more than " + MAX_DAYS + " days");
    }
    zone = zone == null ? ZoneId.of("UTC") : zone;
  }

  /** The last {@code days} days up to and including {@code today}. */
  public static Period lastDays(int days, LocalDate today, ZoneId zone) {
    return new Period(today.minusDays(days - 1L), today, zone);
  }

  /** The first instant of the period. */
  public Instant start() {
    return from.atStartOfDay(zone).toInstant();
  }

  /** The first instant after the period. */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }
}
