package io.waymark.platform.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link QuietHours#nextAllowed} over generated cases, checked against a brute-force scan: the answer
 * is open, and nothing before it is. Moments and window edges are drawn around the 2026 DST transitions of zones east
 * and west of UTC, including half-hour and 45-minute offsets and Lord Howe's half-hour DST. The seed is fixed so a
 * failure reproduces; {@code -Dwaymark.policy.seed=...} explores others. (Plain JUnit: no property-testing library.)
 */
class QuietHoursPropertyTests {

  private static final List<ZoneId> ZONES = List.of("America/New_York", "America/Los_Angeles", "Pacific/Honolulu",
      "America/St_Johns", "Europe/Paris", "Europe/London", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Auckland",
      "Pacific/Chatham", "Australia/Lord_Howe", "America/Santiago", "Pacific/Guam", "Pacific/Pago_Pago")
      .stream().map(ZoneId::of).toList();
  private static final int CASES = 1000;

  private record Case(Instant from, List<ZoneId> zones, List<LocalWindow> windows) {
  }

  @Test
  void answersTheEarliestAllowedMoment() {
    long seed = Long.getLong("waymark.policy.seed", 20261122L);
    Random random = new Random(seed);
    for (int i = 0; i < CASES; i++) {
      Case c = generate(random);
      String description = "seed " + seed + " case " + i + ": " + c;

      Optional<Instant> next = QuietHours.nextAllowed(c.from(), c.zones(), c.windows());

      Instant end = next.orElse(c.from().plus(Duration.ofDays(QuietHours.HORIZON_DAYS)));
      // every window edge and zone transition lies on the quarter-hour UTC grid, so 5-minute steps miss no opening
      for (Instant t = c.from(); t.isBefore(end); t = t.plus(Duration.ofMinutes(5))) {
        assertThat(open(t, c)).as(description + " open at " + t + " before the answer " + next).isFalse();
      }
      if (next.isPresent()) {
        assertThat(next.get()).as(description).isAfterOrEqualTo(c.from());
        assertThat(open(next.get(), c)).as(description + " answer " + next.get() + " is not open").isTrue();
        if (next.get().isAfter(c.from())) {
          assertThat(open(next.get().minusNanos(1), c)).as(description + " open just before " + next.get()).isFalse();
        }
      }
    }
  }

  /** The definition, written out independently: open when the local clock is inside every window in every zone. */
  private static boolean open(Instant t, Case c) {
    for (ZoneId zone : c.zones()) {
      ZonedDateTime local = t.atZone(zone);
      int second = local.toLocalTime().toSecondOfDay();
      for (LocalWindow w : c.windows()) {
        // windows start and end on whole seconds, so the truncated second of the day compares exactly
        boolean inside = second >= w.start().toSecondOfDay() && second < w.end().toSecondOfDay();
        if (!inside || !w.days().contains(local.getDayOfWeek())) {
          return false;
        }
      }
    }
    return true;
  }

  private static Case generate(Random random) {
    List<ZoneId> zones = new ArrayList<>();
    int count = random.nextInt(4) > 0 ? 1 : 2 + random.nextInt(2);
    while (zones.size() < count) {
      ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
      if (!zones.contains(zone)) {
        zones.add(zone);
      }
    }
    ZoneOffsetTransition transition = transitionIn2026(zones.getFirst(), random);
    List<LocalWindow> windows = new ArrayList<>();
    for (int n = random.nextInt(3) > 0 ? 1 : 2; windows.size() < n; ) {
      windows.add(transition != null && random.nextInt(4) > 0 ? windowAround(transition, random) : window(random));
    }
    Instant from = transition != null && random.nextInt(4) > 0
        ? transition.getInstant().plusSeconds(random.nextInt(4 * 3600) - 2 * 3600)
        : Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(365 * 24 * 3600));
    return new Case(from.plusMillis(random.nextInt(1000)), zones, windows);
  }

  /** Any window on the quarter-hour grid, up to 14 hours long, sometimes on some days only. */
  private static LocalWindow window(Random random) {
    int start = random.nextInt(24 * 4 - 1);
    int length = 1 + random.nextInt(Math.min(14 * 4, 24 * 4 - start - 1));
    return quarters(start, start + length, random);
  }

  /** A short window starting or ending near the local times at which the clock jumps. */
  private static LocalWindow windowAround(ZoneOffsetTransition transition, Random random) {
    LocalTime edge = random.nextBoolean() ? transition.getDateTimeBefore().toLocalTime()
        : transition.getDateTimeAfter().toLocalTime();
    int near = Math.floorMod(edge.toSecondOfDay() / 900 + random.nextInt(9) - 4, 24 * 4);
    int length = 1 + random.nextInt(6);
    int start = random.nextBoolean() ? near : near - length;
    start = Math.max(0, Math.min(start, 24 * 4 - 1 - length));
    return quarters(start, start + length, random);
  }

  private static LocalWindow quarters(int start, int end, Random random) {
    Set<DayOfWeek> days = random.nextInt(4) == 0 ? someDays(random) : LocalWindow.EVERY_DAY;
    return new LocalWindow(LocalTime.ofSecondOfDay(start * 900L), LocalTime.ofSecondOfDay(end * 900L), days,
        "generated");
  }

  private static ZoneOffsetTransition transitionIn2026(ZoneId zone, Random random) {
    Instant somewhen = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(365 * 24 * 3600));
    ZoneOffsetTransition next = zone.getRules().nextTransition(somewhen);
    return next != null ? next : zone.getRules().nextTransition(Instant.parse("2026-01-01T00:00:00Z"));
  }

  private static Set<DayOfWeek> someDays(Random random) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    while (days.isEmpty()) {
      for (DayOfWeek day : DayOfWeek.values()) {
        if (random.nextBoolean()) {
          days.add(day);
        }
      }
    }
    return days;
  }
}
