package io.waymark.platform.crm;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a person works, in their time zone: {@code "MON-FRI 09:00-17:30"}, several spans separated by {@code ;}
 * ({@code "MON-THU 09:00-17:00; FRI 09:00-13:00"}), days as a range or one day. A span ends on the day it starts.
 * {@link #ALWAYS} (no hours configured) works around the clock. SLA time is counted only while the person works.
 */
final class WorkingHours {

  static final WorkingHours ALWAYS = new WorkingHours(null, Map.of(), "");

  private static final Pattern SPAN = Pattern.compile(
      "([A-Za-z]{3})(?:-([A-Za-z]{3}))?\\s+(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");
  private static final int MAX_DAYS = 366;

  private final ZoneId zone;
  private final Map<DayOfWeek, List<LocalTime[]>> spans;
  private final String text;

  private WorkingHours(ZoneId zone, Map<DayOfWeek, List<LocalTime[]>> spans, String text) {
    this.zone = zone;
    this.spans = spans;
    this.text = text;
  }

  /**
   * Reads {@code text} in {@code zone}; blank text is {@link #ALWAYS}. Throws {@link IllegalArgumentException} naming
   * the span that cannot be read.
   */
  static WorkingHours parse(String text, String zone) {
    if (text == null || text.isBlank()) {
      return ALWAYS;
    }
    if (zone == null || zone.isBlank()) {
      throw new IllegalArgumentException("working hours need a time zone");
    }
    ZoneId zoneId;
    try {
      zoneId = ZoneId.of(zone);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("unknown time zone '" + zone + "'");
    }
    Map<DayOfWeek, List<LocalTime[]>> spans = new EnumMap<>(DayOfWeek.class);
    for (String part : text.split(";")) {
      String span = part.strip();
      Matcher m = SPAN.matcher(span);
      if (!m.matches()) {
        throw new IllegalArgumentException("cannot read '" + span + "': write e.g. MON-FRI 09:00-17:30");
      }
      DayOfWeek first = day(m.group(1), span);
      DayOfWeek last = m.group(2) == null ? first : day(m.group(2), span);
      LocalTime from = time(m.group(3), span);
      LocalTime to = time(m.group(4), span);
      if (!to.isAfter(from)) {
        throw new IllegalArgumentException("'" + span + "' ends before it starts (a span ends on the day it starts)");
      }
      if (last.getValue() < first.getValue()) {
        throw new IllegalArgumentException("'" + span + "': the day range runs backwards (write MON-FRI)");
      }
      for (int d = first.getValue(); d <= last.getValue(); d++) {
        spans.computeIfAbsent(DayOfWeek.of(d), k -> new ArrayList<>()).add(new LocalTime[] {from, to});
      }
    }
    spans.values().forEach(list -> list.sort((a, b) -> a[0].compareTo(b[0])));
    return new WorkingHours(zoneId, spans, text.strip());
  }

  private static DayOfWeek day(String name, String span) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().startsWith(name.toUpperCase(Locale.ROOT))) {
        return day;
      }
    }
    throw new IllegalArgumentException("'" + span + "': unknown day '" + name + "' (MON, TUE, WED, THU, FRI, SAT, SUN)");
  }

  private static LocalTime time(String value, String span) {
    try {
      return LocalTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + span + "': '" + value + "' is not a time of day (HH:MM)");
    }
  }

  boolean isAlways() {
    return zone == null;
  }

  /** Whether the person is at work at {@code at}. */
  boolean isOpen(Instant at) {
    if (isAlways()) {
      return true;
    }
    ZonedDateTime local = at.atZone(zone);
    LocalTime time = local.toLocalTime();
    return spans.getOrDefault(local.getDayOfWeek(), List.of()).stream()
        .anyMatch(span -> !time.isBefore(span[0]) && time.isBefore(span[1]));
  }

  /** The instant when {@code amount} of working time has passed after {@code start}. */
  Instant plusWorkingTime(Instant start, Duration amount) {
    if (isAlways()) {
      return start.plus(amount);
    }
    Duration left = amount;
    Instant cursor = start;
    LocalDate day = start.atZone(zone).toLocalDate();
    for (int i = 0; i < MAX_DAYS; i++) {
      for (LocalTime[] span : spans.getOrDefault(day.getDayOfWeek(), List.of())) {
        Instant open = day.atTime(span[0]).atZone(zone).toInstant();
        Instant close = day.atTime(span[1]).atZone(zone).toInstant();
        if (!close.isAfter(cursor)) {
          continue;
        }
        Instant from = open.isAfter(cursor) ? open : cursor;
        Duration available = Duration.between(from, close);
        if (available.compareTo(left) >= 0) {
          return from.plus(left);
        }
        left = left.minus(available);
        cursor = close;
      }
      day = day.plusDays(1);
    }
    throw new IllegalStateException("working hours '" + text + "' leave no time for " + amount);
  }

  @Override
  public String toString() {
    return isAlways() ? "always" : text + " (" + zone + ")";
  }
}
