package io.waymark.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.analytics.Interval;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FormatsTests {

  @Test
  void writesRatesAsPercentagesWithOneDecimal() {
    assertThat(Formats.percent(0.12345)).isEqualTo("12.3%");
    assertThat(Formats.percent(0)).isEqualTo("0.0%");
    assertThat(Formats.percent(1)).isEqualTo("100.0%");
  }

  @Test
  void writesLiftInPercentagePointsWithItsInterval() {
    assertThat(Formats.points(0.021)).isEqualTo("+2.1 pp");
    assertThat(Formats.pointsWithInterval(new Interval(0.021, -0.004, 0.046))).isEqualTo("+2.1 pp (-0.4 to +4.6)");
    assertThat(Formats.rateWithInterval(new Interval(0.123, 0.091, 0.158))).isEqualTo("12.3% (9.1–15.8%)");
  }

  @Test
  void writesMoneyWithItsCurrencyAndSmallPValuesAsABound() {
    assertThat(Formats.money(new BigDecimal("1234.5"))).isEqualTo("$1,234.50");
    assertThat(Formats.money(null)).isEqualTo("$0.00");
    assertThat(Formats.pValue(0.0004)).isEqualTo("< 0.001");
    assertThat(Formats.pValue(0.0412)).isEqualTo("0.041");
  }

  @Test
  void writesDurationsInTheLargestSensibleUnits() {
    assertThat(Formats.duration(Duration.ofSeconds(45))).isEqualTo("45 s");
    assertThat(Formats.duration(Duration.ofSeconds(200))).isEqualTo("3 min 20 s");
    assertThat(Formats.duration(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
    assertThat(Formats.duration(null)).isEqualTo("–");
  }
}
