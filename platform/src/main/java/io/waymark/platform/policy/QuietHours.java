package io.waymark.platform.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Quiet hours as pure functions of instants, zones and windows. A moment is allowed when every window is open on the
 * local clock of every zone (the most restrictive reading where a number maps to several zones). Correct across DST:
 * local times are always derived from the zone's rules, never by adding hours.
 */
final class QuietHours {

  /** How far {@link #nextAllowed} looks ahead; a week plus a day covers any day-of-week pattern. */
  static final int HORIZON_DAYS = 8;

  private QuietHours() {
  }

  static boolean allows(Instant instant, List<ZoneId> zones, List<LocalWindow> windows) {
    for (ZoneId zone : zones) {
      var local = instant.atZone(zone);
      for (LocalWindow window : windows) {
        if (!window.isOpen(local)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The earliest instant at or after {@code from} that {@link #allows}, or empty if there is none within
   * {@link #HORIZON_DAYS} (windows that never overlap across the zones).
   *
   * <p>The allowed set is an intersection of half-open intervals, so its earliest point is {@code from} or the left
   * end of one interval: a moment the local clock reaches a window's start (each occurrence of it on a fall-back day;
   * the end of the gap when spring-forward skips it), or a zone transition that moves the clock back into a window.
   * Those candidates are tried in order.
   */
  static Optional<Instant> nextAllowed(Instant from, List<ZoneId> zones, List<LocalWindow> windows) {
    if (allows(from, zones, windows)) {
      return Optional.of(from);
    }
    Instant horizon = from.plus(Duration.ofDays(HORIZON_DAYS));
    TreeSet<Instant> candidates = new TreeSet<>();
    for (ZoneId zone : zones) {
      ZoneRules rules = zone.getRules();
      LocalDate first = from.atZone(zone).toLocalDate().minusDays(1);
      for (LocalWindow window : windows) {
        for (int day = 0; day <= HORIZON_DAYS + 1; day++) {
          candidates.addAll(occurrences(first.plusDays(day).atTime(window.start()), rules));
        }
      }
      for (ZoneOffsetTransition t = rules.nextTransition(from); t != null && t.getInstant().isBefore(horizon);
          t = rules.nextTransition(t.getInstant())) {
        candidates.add(t.getInstant());
      }
    }
    return candidates.tailSet(from, false).stream()
        .filter(candidate -> !candidate.isAfter(horizon))
        .filter(candidate -> allows(candidate, zones, windows))
        .findFirst();
  }

  /**
   * Every instant at which the local clock starts showing {@code local}: one on an ordinary day, two when a fall-back
   * repeats it, and the end of the gap when spring-forward skips it.
   */
  static List<Instant> occurrences(LocalDateTime local, ZoneRules rules) {
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.isEmpty()) {
      return List.of(rules.getTransition(local).getInstant());
    }
    return offsets.stream().map(offset -> local.toInstant(offset)).toList();
  }
}
