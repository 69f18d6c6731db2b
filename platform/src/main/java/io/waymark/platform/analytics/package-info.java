/**
 * Analytics: program metrics per journey, template, route and day computed from the ledgers; experiments (variants
 * and holdouts assigned per contact at entry) with conversion rates, lift and confidence intervals; conversions and
 * their attribution. Facades: {@link io.waymark.platform.analytics.ProgramMetrics} and
 * {@link io.waymark.platform.analytics.Experiments}; REST under {@code /api/v1/analytics}.
 *
 * <p>A read-only reporting module: its queries read other modules' tables (outbound_message, journey_run,
 * journey_sub_instance, inbound_message, consent_record, link_click, crm_lead_task) with native SQL, aggregated in the
 * database, rather than asking each module's facade for rows it would then have to hold. It writes only its own tables
 * (experiment, experiment_assignment, experiment_entry, conversion). It learns of conversions from the journey
 * module's {@link io.waymark.platform.journey.MessageEventReceived}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics")
package io.waymark.platform.analytics;
