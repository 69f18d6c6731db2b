package io.waymark.platform.analytics;

/**
 * A variant's conversion rate against the holdout's: {@code absolute} the difference of the rates (with its 95%
 * interval), {@code relative} the difference per holdout rate (null when the holdout converted nobody), and the
 * two-sided {@code pValue} of the two-proportion z-test (pooled).
 */
public record Lift(Interval absolute, Double relative, double pValue) {
}
