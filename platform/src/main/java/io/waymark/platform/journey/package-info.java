/**
 * Journeys: the catalog of deployed journey versions, triggers that turn events into journey runs (idempotent per
 * event id), and the run ledger tying each run to its process instance and outcome. Knows nothing of the engine
 * client: starting an instance is asked for with {@link io.waymark.platform.journey.JourneyRunRequested}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Journeys")
package io.waymark.platform.journey;
