package io.waymark.platform.policy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * A daily window of the recipient's local clock during which a message may go out: from {@code start} (inclusive)
 * to {@code end} (exclusive) on each of {@code days}; never across midnight.
 */
record LocalWindow(LocalTime start, LocalTime end, Set<DayOfWeek> days, String source) {

  static final Set<DayOfWeek> EVERY_DAY = Set.copyOf(EnumSet.allOf(DayOfWeek.class));

  LocalWindow {
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("window " + start + "-" + end + " must start before it ends (same day)");
    }
    if (days.isEmpty()) {
      throw new IllegalArgumentException("window " + start + "-" + end + " is open on no day");
    }
    days = Set.copyOf(days);
  }

  boolean isOpen(ZonedDateTime local) {
    LocalTime time = local.toLocalTime();
    return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
  }

  String describe() {
    String on = days.equals(EVERY_DAY) ? ""
        : " on " + days.stream().sorted().map(day -> day.name().substring(0, 3)).toList();
    return start + "-" + end + on + " (" + source + ")";
  }
}
