package io.waymark.ui.leads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The time left as a rep reads it. */
class CountdownTests {

  @Test
  void saysMinutesAndSecondsLeftHoursAndDaysForLongerAndOverdueAfterTheDeadline() {
    assertThat(Countdown.text(Duration.ofSeconds(245))).isEqualTo("4m 05s left");
    assertThat(Countdown.text(Duration.ZERO)).isEqualTo("0m 00s left");
    assertThat(Countdown.text(Duration.ofMinutes(62).plusSeconds(30))).isEqualTo("1h 02m left");
    assertThat(Countdown.text(Duration.ofHours(51))).isEqualTo("2d 3h left");
    assertThat(Countdown.text(Duration.ofSeconds(-130))).isEqualTo("overdue 2m 10s");
    assertThat(Countdown.text(Duration.ofMinutes(-90))).isEqualTo("overdue 1h 30m");
  }
}
