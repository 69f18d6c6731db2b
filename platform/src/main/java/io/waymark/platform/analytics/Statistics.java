package io.waymark.platform.analytics;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The statistics behind experiment reports, at 95% confidence, on Apache Commons Statistics' normal distribution:
 * Wilson's score interval for a proportion; Newcombe's hybrid score interval (his method 10, built from the two Wilson
 * intervals) for a difference of proportions; and the two-sided p-value of the pooled two-proportion z-test (the same
 * as R's {@code prop.test(correct = FALSE)}).
 */
final class Statistics {

  private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);
  /** The 97.5% quantile of the standard normal, 1.959964...: a two-sided 95% interval. */
  static final double Z = STANDARD.inverseCumulativeProbability(0.975);

  private Statistics() {
  }

  /** {@code successes} of {@code trials} with its Wilson score interval; without trials the rate 0 in [0, 1]. */
  static Interval wilson(long successes, long trials) {
    if (trials == 0) {
      return new Interval(0, 0, 1);
    }
    double n = trials;
    double p = successes / n;
    double z2 = Z * Z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = Z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return new Interval(p, Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /**
   * The lift of {@code x1/n1} over {@code x0/n0} (the holdout): the difference with Newcombe's hybrid score interval,
   * the relative lift (null when the holdout converted nobody) and the pooled z-test's two-sided p-value (1 when
   * neither group has any variance to test). Null when either group is empty.
   */
  static Lift lift(long x1, long n1, long x0, long n0) {
    if (n1 == 0 || n0 == 0) {
      return null;
    }
    Interval treated = wilson(x1, n1);
    Interval holdout = wilson(x0, n0);
    double p1 = treated.estimate();
    double p0 = holdout.estimate();
    double difference = p1 - p0;
    double low = difference - Math.sqrt(square(p1 - treated.low()) + square(holdout.high() - p0));
    double high = difference + Math.sqrt(square(treated.high() - p1) + square(p0 - holdout.low()));
    Double relative = x0 == 0 ? null : difference / p0;
    return new Lift(new Interval(difference, low, high), relative, pValue(x1, n1, x0, n0));
  }

  /** Two-sided p-value of the pooled two-proportion z-test. */
  static double pValue(long x1, long n1, long x0, long n0) {
    double pooled = (double) (x1 + x0) / (n1 + n0);
    double standardError = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n0));
    if (standardError == 0) {
      return 1;
    }
    double z = ((double) x1 / n1 - (double) x0 / n0) / standardError;
    return 2 * STANDARD.survivalProbability(Math.abs(z));
  }

  private static double square(double value) {
    return value * value;
  }
}
