package io.waymark.ui.dashboard;

import io.waymark.platform.analytics.FailureCount;
import io.waymark.platform.analytics.MetricRow;
import io.waymark.platform.analytics.Tally;
import java.util.List;

/**
 * Program health: is SMS getting through? Delivery and failure rate (per message sent), opt-out rate (per recipient),
 * messages per day, why messages failed, and each route's (provider's) deliverability and cost.
 */
final class HealthBand extends Band {

  final Kpi messages = new Kpi("kpi-messages", "Messages sent", "SMS handed to a provider");
  final Kpi delivered = new Kpi("kpi-delivery-rate", "Delivery rate", "delivered per message sent");
  final Kpi failed = new Kpi("kpi-failure-rate", "Failure rate", "failed or undelivered per message sent");
  final Kpi optedOut = new Kpi("kpi-opt-out-rate", "Opt-out rate", "recipients who opted out");
  final Chart daily = new Chart("chart-health", "Messages, delivered and failed per day");
  final Table<FailureCount> failures = new Table<FailureCount>("failures", "Failures by reason",
      "provider error codes and Waymark's reasons, most frequent first");
  final Table<MetricRow> routes = new Table<MetricRow>("routes", "By route", "each provider route's share and cost");

  HealthBand() {
    super("band-health", "Program health", "Deliverability and opt-outs: is the program reaching people without "
        + "wearing out its welcome?");
    failures.column("Reason", FailureCount::reason)
        .column("Messages", f -> Long.toString(f.messages()));
    routes.column("Route", MetricRow::key)
        .column("Messages", r -> Long.toString(r.tally().messages()))
        .column("Delivered", r -> Long.toString(r.tally().delivered()))
        .column("Delivery rate", r -> Formats.percent(r.tally().deliveryRate()))
        .column("Failed", r -> Long.toString(r.tally().failed()))
        .column("Failure rate", r -> Formats.percent(r.tally().failureRate()))
        .column("Segments", r -> Long.toString(r.tally().segments()))
        .column("Cost", r -> Formats.money(r.tally().cost()));
    add(cards(messages, delivered, failed, optedOut), daily, side(failures, routes));
  }

  void show(Tally total, List<MetricRow> byDay, List<FailureCount> failureCounts, List<MetricRow> byRoute,
      String period) {
    messages.show(Formats.count(total.messages()), Formats.count(total.recipients()) + " recipients, "
        + Formats.money(total.cost()) + " cost");
    delivered.show(Formats.percent(total.deliveryRate()));
    failed.show(Formats.percent(total.failureRate()));
    optedOut.show(Formats.percent(total.optOutRate()));
    daily.lines(days(byDay), List.of(
        new Chart.Series("Messages", perDay(byDay, Tally::messages), "#1676f3"),
        new Chart.Series("Delivered", perDay(byDay, Tally::delivered), "#2a9d5c"),
        new Chart.Series("Failed", perDay(byDay, Tally::failed), "#d6334c")));
    failures.show(failureCounts, period);
    routes.show(byRoute, period);
  }
}
