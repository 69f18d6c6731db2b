package io.waymark.platform.analytics;

import java.util.List;

/**
 * The filter's SMS tallied five ways at once, as the dashboard reads them: in {@code total}, per day of the period
 * (every day listed), per journey, per template and per route (the last three ordered by key).
 */
public record Breakdown(Tally total, List<MetricRow> byDay, List<MetricRow> byJourney, List<MetricRow> byTemplate,
    List<MetricRow> byRoute) {
}
