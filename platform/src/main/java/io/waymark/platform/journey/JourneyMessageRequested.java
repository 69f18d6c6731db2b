package io.waymark.platform.journey;

/** An event for running journeys was recorded: the engine bridge publishes its message (once per correlation key). */
public record JourneyMessageRequested(long messageId) {
}
