package io.waymark.platform.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Window arithmetic on the clock's awkward days, with windows chosen to start or end inside DST changes. */
class QuietHoursTests {

  private static LocalWindow window(String start, String end) {
    return new LocalWindow(LocalTime.parse(start), LocalTime.parse(end), LocalWindow.EVERY_DAY, "test");
  }

  private static List<ZoneId> zones(String... ids) {
    return Arrays.stream(ids).map(ZoneId::of).toList();
  }

  @ParameterizedTest(name = "{0} {1}-{2} from {3} -> {4}")
  @CsvSource(textBlock = """
      # zone,             start, end,   from (UTC),           next allowed (UTC)
      # spring forward: New York skips 02:00-03:00 on 2026-03-08, Paris skips 02:00-03:00 on 2026-03-29
      America/New_York,   02:30, 05:00, 2026-03-08T06:00:00Z, 2026-03-08T07:00:00Z
      Europe/Paris,       02:15, 04:00, 2026-03-29T00:30:00Z, 2026-03-29T01:00:00Z
      # fall back: New York repeats 01:00-02:00 on 2026-11-01, Paris repeats 02:00-03:00 on 2026-10-25
      America/New_York,   01:30, 05:00, 2026-11-01T05:00:00Z, 2026-11-01T05:30:00Z
      America/New_York,   01:30, 01:45, 2026-11-01T05:50:00Z, 2026-11-01T06:30:00Z
      America/New_York,   00:30, 01:30, 2026-11-01T05:40:00Z, 2026-11-01T06:00:00Z
      Europe/Paris,       02:30, 04:00, 2026-10-25T00:00:00Z, 2026-10-25T00:30:00Z
      # an ordinary 08:00 across the change: the UTC hour moves with the offset
      America/New_York,   08:00, 21:00, 2026-03-08T02:30:00Z, 2026-03-08T12:00:00Z
      America/New_York,   08:00, 21:00, 2026-11-01T01:30:00Z, 2026-11-01T13:00:00Z
      Europe/Paris,       08:00, 21:00, 2026-03-28T20:30:00Z, 2026-03-29T06:00:00Z
      Europe/Paris,       08:00, 21:00, 2026-10-24T20:30:00Z, 2026-10-25T07:00:00Z
      # Lord Howe moves its clock by half an hour (02:00 -> 01:30 on 2026-04-05)
      Australia/Lord_Howe, 01:40, 01:50, 2026-04-04T14:20:00Z, 2026-04-04T14:40:00Z
      Australia/Lord_Howe, 01:40, 01:50, 2026-04-04T14:59:00Z, 2026-04-04T15:10:00Z
      """)
  void findsTheNextOpeningAcrossDaylightSavingChanges(String zone, String start, String end, Instant from,
      Instant expected) {
    assertThat(QuietHours.nextAllowed(from, zones(zone), List.of(window(start, end)))).contains(expected);
  }

  @Test
  void opensAtTheStartAndClosesAtTheEnd() {
    List<ZoneId> newYork = zones("America/New_York");
    List<LocalWindow> window = List.of(window("08:00", "21:00"));

    assertThat(QuietHours.allows(Instant.parse("2026-06-15T12:00:00Z"), newYork, window)).isTrue();
    assertThat(QuietHours.allows(Instant.parse("2026-06-15T11:59:59.999Z"), newYork, window)).isFalse();
    assertThat(QuietHours.allows(Instant.parse("2026-06-16T00:59:59Z"), newYork, window)).isTrue();
    assertThat(QuietHours.allows(Instant.parse("2026-06-16T01:00:00Z"), newYork, window)).isFalse();
  }

  @Test
  void answersTheMomentItselfWhenItIsAllowed() {
    Instant noonInLondon = Instant.parse("2026-06-15T11:00:00Z");

    assertThat(QuietHours.nextAllowed(noonInLondon, zones("Europe/London"), List.of(window("08:00", "21:00"))))
        .contains(noonInLondon);
  }

  @Test
  void requiresTheWindowToBeOpenInEveryZone() {
    // 08:00-21:00 is 02:30Z-15:30Z in Kolkata (+05:30), 15:00Z-04:00Z in Los Angeles (-07:00 in June): both are open
    // from 15:00Z to 15:30Z and from 02:30Z to 04:00Z
    List<ZoneId> both = zones("Asia/Kolkata", "America/Los_Angeles");

    assertThat(QuietHours.nextAllowed(Instant.parse("2026-06-15T09:00:00Z"), both, List.of(window("08:00", "21:00"))))
        .contains(Instant.parse("2026-06-15T15:00:00Z"));
    assertThat(QuietHours.nextAllowed(Instant.parse("2026-06-15T15:30:00Z"), both, List.of(window("08:00", "21:00"))))
        .contains(Instant.parse("2026-06-16T02:30:00Z"));
  }

  @Test
  void findsNothingWhenTheWindowsNeverOverlapAcrossZones() {
    List<ZoneId> farApart = zones("Asia/Tokyo", "America/New_York");

    assertThat(QuietHours.nextAllowed(Instant.parse("2026-06-15T00:00:00Z"), farApart,
        List.of(window("08:00", "12:00")))).isEmpty();
  }

  @Test
  void intersectsSeveralWindowsInOneZone() {
    List<LocalWindow> federalAndState = List.of(window("08:00", "21:00"), window("09:00", "20:00"));

    assertThat(QuietHours.nextAllowed(Instant.parse("2026-06-15T12:30:00Z"), zones("America/New_York"),
        federalAndState)).contains(Instant.parse("2026-06-15T13:00:00Z"));
  }
}
