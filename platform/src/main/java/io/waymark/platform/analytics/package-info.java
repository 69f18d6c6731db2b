/**
 * Analytics: program metrics per journey, template, route and day computed from the ledgers; experiments (variants
 * and holdouts assigned per contact at entry) with conversion rates, lift and confidence intervals; conversions and
 * their attribution. Facades: {@link io.waymark.platform.analytics.ProgramMetrics} and
 * {@link io.waymark.platform.analytics.Experiments}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics")
package io.waymark.platform.analytics;
