package io.waymark.ui.dashboard;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.waymark.platform.analytics.ExperimentReport;
import io.waymark.platform.analytics.LeadResponse;
import io.waymark.platform.analytics.ReminderEffect;
import io.waymark.platform.analytics.Tally;
import io.waymark.platform.analytics.VariantResult;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Outcomes: did SMS cause the result? Conversions and revenue attributed to messages, the conversion rate, and the
 * lift of each experiment's variants over its holdout (who got nothing) with 95% intervals and p-values, a visible
 * warning where samples are too small to conclude; hot leads' time to accept and reminders' no-show reduction.
 */
final class OutcomesBand extends Band {

  /** One row of the experiments table: a variant of an experiment. */
  record VariantLine(ExperimentReport report, VariantResult result) {
  }

  final Kpi conversions = new Kpi("kpi-conversions", "Conversions", "attributed to a message (last touch)");
  final Kpi revenue = new Kpi("kpi-revenue", "Revenue influenced", "value of the attributed conversions");
  final Kpi conversionRate = new Kpi("kpi-conversion-rate", "Conversion rate", "converted per recipient");
  final Kpi lift = new Kpi("kpi-lift", "Lift over holdout", "no experiment with a holdout in this period");
  final Kpi leads = new Kpi("kpi-time-to-accept", "Hot leads: time to accept", "median from task to acceptance");
  final Div warnings = new Div();
  final Table<VariantLine> experiments = new Table<VariantLine>("experiments", "Experiments by variant",
      "conversion per contact entered; lift = variant rate minus holdout rate; p from a two-proportion z-test");
  final Table<ReminderEffect> reminders = new Table<ReminderEffect>("reminders", "Reminders: no-shows",
      "appointments of reminded contacts against held-out ones");

  OutcomesBand() {
    super("band-outcomes", "Outcomes", "Conversions, revenue and lift: what happened because of SMS, against a "
        + "holdout that received nothing.");
    warnings.setId("experiment-warnings");
    experiments.column("Experiment", l -> l.report().experiment())
        .column("Journey", l -> l.report().journey())
        .column("Variant", l -> l.result().variant() + (l.result().holdout() ? " (holdout)" : ""))
        .column("Entered", l -> Long.toString(l.result().entered()))
        .column("Sent", l -> Long.toString(l.result().sent()))
        .column("Delivered", l -> Long.toString(l.result().delivered()))
        .column("Clicked", l -> Long.toString(l.result().clicked()))
        .column("Replied", l -> Long.toString(l.result().replied()))
        .column("Opted out", l -> Long.toString(l.result().optedOut()))
        .column("Converted", l -> Long.toString(l.result().converted()))
        .column("Revenue", l -> Formats.money(l.result().revenue()))
        .column("Conversion rate (95% CI)", l -> Formats.rateWithInterval(l.result().conversionRate()))
        .column("Lift (95% CI)", l -> l.result().lift() == null ? "" : Formats.pointsWithInterval(
            l.result().lift().absolute()))
        .column("Relative lift", l -> l.result().lift() == null || l.result().lift().relative() == null ? ""
            : Formats.percent(l.result().lift().relative()))
        .column("p-value", l -> l.result().lift() == null ? "" : Formats.pValue(l.result().lift().pValue()));
    reminders.column("Journey", ReminderEffect::journey)
        .column("Reminded", r -> Long.toString(r.reminded()))
        .column("No-show rate", r -> Formats.percent(r.remindedNoShowRate()))
        .column("Held out", r -> Long.toString(r.heldOut()))
        .column("No-show rate (held out)", r -> Formats.percent(r.heldOutNoShowRate()))
        .column("Reduction", r -> r.reduction() == null ? "no holdout" : Formats.points(r.reduction()));
    add(cards(conversions, revenue, conversionRate, lift, leads), warnings, experiments, reminders);
  }

  void show(Tally total, List<ExperimentReport> reports, LeadResponse leadResponse, List<ReminderEffect> effects,
      String period) {
    conversions.show(Formats.count(total.converted()));
    revenue.show(Formats.money(total.revenue()));
    conversionRate.show(Formats.percent(total.conversionRate()));
    List<VariantLine> lines = reports.stream()
        .flatMap(r -> r.variants().stream().map(v -> new VariantLine(r, v))).toList();
    Optional<VariantLine> best = lines.stream().filter(l -> l.result().lift() != null)
        .max(Comparator.comparingDouble(l -> l.result().lift().absolute().estimate()));
    if (best.isPresent()) {
      VariantLine b = best.get();
      lift.show(Formats.points(b.result().lift().absolute().estimate()), b.result().variant() + " in "
          + b.report().experiment() + ", p = " + Formats.pValue(b.result().lift().pValue()));
    } else {
      lift.show("–", "no experiment with a holdout in this period");
    }
    leads.show(Formats.duration(leadResponse.median()), Formats.count(leadResponse.accepted()) + " of "
        + Formats.count(leadResponse.tasks()) + " hot leads accepted; 90% within "
        + Formats.duration(leadResponse.p90()));
    warnings.removeAll();
    for (ExperimentReport report : reports) {
      if (report.warning() != null) {
        Span warning = new Span("⚠ " + report.experiment() + ": " + report.warning());
        warning.getElement().getThemeList().add("badge warning");
        warning.getStyle().set("display", "block").set("margin", "var(--lumo-space-xs) 0");
        warnings.add(warning);
      }
    }
    experiments.show(lines, period);
    reminders.show(effects, period);
  }
}
