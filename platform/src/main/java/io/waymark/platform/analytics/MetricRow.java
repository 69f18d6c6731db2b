package io.waymark.platform.analytics;

/**
 * One row of a breakdown: {@code key} is the day (ISO date), journey (process id), template key or route (provider)
 * the {@code tally} is about.
 */
public record MetricRow(String key, Tally tally) {
}
