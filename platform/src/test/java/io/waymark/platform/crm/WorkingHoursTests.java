package io.waymark.platform.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Working hours: open or not, SLA time counted only while a person works, and readable errors. */
class WorkingHoursTests {

  private final WorkingHours london = WorkingHours.parse("MON-FRI 09:00-17:30", "Europe/London");

  @Test
  void isOpenOnlyInsideTheSpansOfTheDay() {
    assertThat(london.isOpen(Instant.parse("2026-11-23T09:00:00Z"))).isTrue(); // Monday 09:00 GMT
    assertThat(london.isOpen(Instant.parse("2026-11-23T17:29:59Z"))).isTrue();
    assertThat(london.isOpen(Instant.parse("2026-11-23T17:30:00Z"))).isFalse();
    assertThat(london.isOpen(Instant.parse("2026-11-23T08:59:59Z"))).isFalse();
    assertThat(london.isOpen(Instant.parse("2026-11-28T12:00:00Z"))).isFalse(); // Saturday
    assertThat(WorkingHours.ALWAYS.isOpen(Instant.parse("2026-11-28T03:00:00Z"))).isTrue();
  }

  @Test
  void countsSlaTimeOnlyWhileThePersonWorks() {
    // inside hours: plain addition
    assertThat(london.plusWorkingTime(Instant.parse("2026-11-23T10:00:00Z"), Duration.ofMinutes(15)))
        .isEqualTo(Instant.parse("2026-11-23T10:15:00Z"));
    // 10 minutes before closing: 10 today, 5 after Tuesday's opening
    assertThat(london.plusWorkingTime(Instant.parse("2026-11-23T17:20:00Z"), Duration.ofMinutes(15)))
        .isEqualTo(Instant.parse("2026-11-24T09:05:00Z"));
    // Friday evening: Monday morning
    assertThat(london.plusWorkingTime(Instant.parse("2026-11-27T20:00:00Z"), Duration.ofMinutes(15)))
        .isEqualTo(Instant.parse("2026-11-30T09:15:00Z"));
    // British summer time: 09:00 local is 08:00 UTC
    assertThat(london.plusWorkingTime(Instant.parse("2026-07-01T07:00:00Z"), Duration.ofMinutes(15)))
        .isEqualTo(Instant.parse("2026-07-01T08:15:00Z"));
    assertThat(WorkingHours.ALWAYS.plusWorkingTime(Instant.parse("2026-11-28T03:00:00Z"), Duration.ofMinutes(15)))
        .isEqualTo(Instant.parse("2026-11-28T03:15:00Z"));
  }

  @Test
  void readsSeveralSpansAndLongSlasAcrossDays() {
    WorkingHours hours = WorkingHours.parse("MON-THU 09:00-17:00; FRI 09:00-13:00", "UTC");
    assertThat(hours.isOpen(Instant.parse("2026-11-27T14:00:00Z"))).isFalse(); // Friday afternoon
    // Thursday 16:00 + 4 h: 1 h Thursday, 3 h Friday morning
    assertThat(hours.plusWorkingTime(Instant.parse("2026-11-26T16:00:00Z"), Duration.ofHours(4)))
        .isEqualTo(Instant.parse("2026-11-27T12:00:00Z"));
  }

  @Test
  void namesWhatCannotBeRead() {
    assertThatThrownBy(() -> WorkingHours.parse("MON-FRI 9-17", "UTC"))
        .hasMessageContaining("cannot read 'MON-FRI 9-17'");
    assertThatThrownBy(() -> WorkingHours.parse("MON-FRI 17:00-09:00", "UTC")).hasMessageContaining("ends before");
    assertThatThrownBy(() -> WorkingHours.parse("FRI-MON 09:00-17:00", "UTC")).hasMessageContaining("backwards");
    assertThatThrownBy(() -> WorkingHours.parse("MOX 09:00-17:00", "UTC")).hasMessageContaining("unknown day 'MOX'");
    assertThatThrownBy(() -> WorkingHours.parse("MON 09:00-25:00", "UTC")).hasMessageContaining("not a time of day");
    assertThatThrownBy(() -> WorkingHours.parse("MON 09:00-17:00", "Mars/Base")).hasMessageContaining("Mars/Base");
    assertThatThrownBy(() -> WorkingHours.parse("MON 09:00-17:00", null)).hasMessageContaining("time zone");
  }
}
