package io.waymark.platform.analytics;

/** Messages that failed or went undelivered for one {@code reason} (the provider's error code or Waymark's reason). */
public record FailureCount(String reason, long messages) {
}
