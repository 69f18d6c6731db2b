package io.waymark.platform.analytics;

import java.time.Duration;

/**
 * Hot leads handed to sales in the period: {@code tasks} created, {@code accepted} of them, and the time from creation
 * to acceptance ({@code median}, {@code p90}; null without accepted tasks).
 */
public record LeadResponse(long tasks, long accepted, Duration median, Duration p90) {
}
