package io.waymark.platform.analytics;

/** An estimate with its 95% confidence interval. */
public record Interval(double estimate, double low, double high) {
}
