package io.waymark.ui.dashboard;

import io.waymark.platform.analytics.MetricRow;
import io.waymark.platform.analytics.Tally;
import java.util.List;

/**
 * Engagement: do recipients act? Reply and click rate per recipient (link previews by messaging apps are not clicks),
 * replies and clicks per day, and the same per journey and per template.
 */
final class EngagementBand extends Band {

  final Kpi replyRate = new Kpi("kpi-reply-rate", "Reply rate", "recipients who replied");
  final Kpi clickRate = new Kpi("kpi-click-rate", "Click rate", "recipients who opened a short link");
  final Chart daily = new Chart("chart-engagement", "Replies and clicks per day");
  final Table<MetricRow> journeys = engagement("journeys", "By journey");
  final Table<MetricRow> templates = engagement("templates", "By template");

  EngagementBand() {
    super("band-engagement", "Engagement", "Replies and clicks: are the messages worth answering?");
    journeys.column("Revenue", r -> Formats.money(r.tally().revenue()))
        .column("Cost", r -> Formats.money(r.tally().cost()));
    add(cards(replyRate, clickRate), daily, side(journeys, templates));
  }

  private static Table<MetricRow> engagement(String name, String title) {
    Table<MetricRow> table = new Table<>(name, title, "rates per recipient");
    return table.column(name.equals("journeys") ? "Journey" : "Template", MetricRow::key)
        .column("Recipients", r -> Long.toString(r.tally().recipients()))
        .column("Messages", r -> Long.toString(r.tally().messages()))
        .column("Replied", r -> Long.toString(r.tally().replied()))
        .column("Reply rate", r -> Formats.percent(r.tally().replyRate()))
        .column("Clicked", r -> Long.toString(r.tally().clicked()))
        .column("Click rate", r -> Formats.percent(r.tally().clickRate()))
        .column("Opted out", r -> Long.toString(r.tally().optedOut()))
        .column("Converted", r -> Long.toString(r.tally().converted()))
        .column("Conversion rate", r -> Formats.percent(r.tally().conversionRate()));
  }

  void show(Tally total, List<MetricRow> byDay, List<MetricRow> byJourney, List<MetricRow> byTemplate, String period) {
    replyRate.show(Formats.percent(total.replyRate()), Formats.count(total.replied()) + " of "
        + Formats.count(total.recipients()) + " recipients replied");
    clickRate.show(Formats.percent(total.clickRate()), Formats.count(total.clicked()) + " of "
        + Formats.count(total.recipients()) + " recipients clicked");
    daily.lines(days(byDay), List.of(
        new Chart.Series("Replied", perDay(byDay, Tally::replied), "#7b3fe4"),
        new Chart.Series("Clicked", perDay(byDay, Tally::clicked), "#e8a200")));
    journeys.show(byJourney, period);
    templates.show(byTemplate, period);
  }
}
