package io.waymark.platform.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The intervals and the test against published reference values, not against the formulas the code uses: Newcombe,
 * "Two-sided confidence intervals for the single proportion" and "Interval estimation for the difference between
 * independent proportions", Statistics in Medicine 17 (1998), 857-872 and 873-890 (81/263: Wilson 0.2553-0.3662;
 * 56/70 - 48/80: method 10, 0.0524-0.3339); and R 4.x {@code prop.test(c(56, 48), c(70, 80), correct = FALSE)}:
 * X-squared = 7.0234, p-value = 0.008045.
 */
class StatisticsTests {

  @Test
  void wilsonIntervalMatchesNewcombesPublishedExample() {
    Interval rate = Statistics.wilson(81, 263);

    assertThat(rate.estimate()).isCloseTo(81.0 / 263, within(1e-12));
    assertThat(rate.low()).isCloseTo(0.2553, within(0.00005));
    assertThat(rate.high()).isCloseTo(0.3662, within(0.00005));
  }

  @Test
  void liftIntervalIsNewcombesHybridScoreAndPValueIsRsPropTest() {
    Lift lift = Statistics.lift(56, 70, 48, 80);

    assertThat(lift.absolute().estimate()).isCloseTo(0.2, within(1e-12));
    assertThat(lift.absolute().low()).isCloseTo(0.0524, within(0.00005));
    assertThat(lift.absolute().high()).isCloseTo(0.3339, within(0.00005));
    assertThat(lift.relative()).isCloseTo(0.2 / 0.6, within(1e-12));
    assertThat(lift.pValue()).isCloseTo(0.008045, within(0.0000005));
  }

  @Test
  void usesTheStandardNormalsQuantile() {
    assertThat(Statistics.Z).isCloseTo(1.959964, within(0.0000005));
  }

  @Test
  void handlesEmptyAndDegenerateGroups() {
    assertThat(Statistics.wilson(0, 0)).isEqualTo(new Interval(0, 0, 1));
    assertThat(Statistics.lift(3, 10, 0, 0)).isNull();
    Lift noneConverted = Statistics.lift(0, 50, 0, 50);
    assertThat(noneConverted.relative()).isNull();
    assertThat(noneConverted.pValue()).isEqualTo(1.0);
    // Wilson of 0/50: [0, z²/(n+z²)] = [0, 0.0714]
    assertThat(Statistics.wilson(0, 50).high()).isCloseTo(3.8415 / 53.8415, within(0.0001));
  }
}
