package io.waymark.platform.journey;

/** A trigger accepted a run; the engine side starts its process instance and reports back to {@link JourneyRuns}. */
public record JourneyRunRequested(JourneyRunId runId) {
}
