/**
 * The program dashboard ({@code /dashboard}): program health, engagement and outcomes with charts (Chart.js, shipped
 * as a file under {@code META-INF/resources/chartjs/} and drawn by {@link io.waymark.ui.dashboard.Chart}), filters by
 * journey, period and variant, and a CSV download for every table. Reads the analytics facades only
 * ({@code ProgramMetrics}, {@code Experiments}); admins in embedded mode can play demo traffic
 * ({@link io.waymark.demo.DemoTraffic}) to fill it.
 */
package io.waymark.ui.dashboard;
