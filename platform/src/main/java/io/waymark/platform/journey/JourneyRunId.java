package io.waymark.platform.journey;

/** A journey run: one trigger event's journey for one contact. */
public record JourneyRunId(long value) {
}
