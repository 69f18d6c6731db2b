package io.waymark.ui.dashboard;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.waymark.demo.DemoTraffic;
import io.waymark.platform.analytics.Breakdown;
import io.waymark.platform.analytics.Experiments;
import io.waymark.platform.analytics.MetricFilter;
import io.waymark.platform.analytics.ProgramMetrics;
import io.waymark.platform.analytics.Tally;
import io.waymark.platform.governance.Role;
import io.waymark.platform.journey.JourneyCatalog;
import io.waymark.platform.support.InvalidInputException;
import io.waymark.ui.layout.MainLayout;
import io.waymark.ui.security.SignedIn;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The program dashboard, as enterprise SMS programs report: {@link HealthBand program health} (deliverability,
 * opt-outs), {@link EngagementBand engagement} (replies, clicks) and {@link OutcomesBand outcomes} (conversions,
 * revenue, lift over a holdout), headline numbers first, each band with its daily chart and tables, every table with
 * its CSV. {@link Filters} narrow it to a journey, a period and an experiment variant; every number comes from the
 * analytics facades, computed from the ledgers. Admins in embedded mode can fill it with demo traffic
 * ({@link DemoPanel}).
 *
 * <p>Component ids: {@code dashboard}, {@code dashboard-journey}, {@code dashboard-period}, {@code dashboard-from},
 * {@code dashboard-to}, {@code dashboard-variant}, {@code band-health}, {@code band-engagement}, {@code band-outcomes},
 * {@code kpi-*} (with {@code kpi-*-value}), {@code chart-health}, {@code chart-engagement}, tables {@code failures},
 * {@code routes}, {@code journeys}, {@code templates}, {@code experiments}, {@code reminders} (each with
 * {@code <table>-csv}), {@code experiment-warnings}, {@code demo-play}, {@code demo-progress}, {@code demo-status}.
 */
@Route(value = "dashboard", layout = MainLayout.class)
@PageTitle("Dashboard · Waymark")
@RolesAllowed({"ADMIN", "OPS", "APPROVER", "DESIGNER", "COMPLIANCE"})
public class DashboardView extends Main {

  final Filters filters;
  final HealthBand health = new HealthBand();
  final EngagementBand engagement = new EngagementBand();
  final OutcomesBand outcomes = new OutcomesBand();
  final DemoPanel demo;
  private final ProgramMetrics metrics;
  private final Experiments experiments;
  private MetricFilter shown;

  public DashboardView(ProgramMetrics metrics, Experiments experiments, JourneyCatalog catalog, Clock clock,
      ObjectProvider<DemoTraffic> demoTraffic) {
    this.metrics = metrics;
    this.experiments = experiments;
    setId("dashboard");
    getStyle().set("padding", "var(--lumo-space-m)").set("display", "block");
    H1 title = new H1("Dashboard");
    title.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("margin", "0");
    Paragraph intro = new Paragraph("Health, engagement and outcomes of the SMS program, from the message, reply, "
        + "click, consent and conversion ledgers. Rates: delivery and failure per message sent, the others per "
        + "recipient. Days in UTC.");
    intro.getStyle().set("margin", "0").set("color", "var(--lumo-secondary-text-color)");
    add(title, intro);
    DemoTraffic traffic = demoTraffic.getIfAvailable();
    demo = traffic != null && SignedIn.roles().contains(Role.ADMIN) ? new DemoPanel(traffic, this::refresh) : null;
    if (demo != null) {
      add(demo);
    }
    filters = new Filters(catalog.journeys().stream().map(JourneyCatalog.Journey::processId).sorted().toList(),
        experiments::variants, clock, this::refresh);
    add(filters, health, engagement, outcomes);
    refresh();
  }

  /** Reads every band again for what the filters say now. */
  void refresh() {
    MetricFilter filter;
    try {
      filter = filters.filter();
      filters.clearProblems();
    } catch (InvalidInputException e) {
      filters.showProblem(e);
      return;
    }
    String period = filter.period().from() + "_" + filter.period().to();
    Breakdown tallies = metrics.breakdown(filter); // one pass over the ledgers for both bands' tallies
    Tally total = tallies.total();
    var byDay = tallies.byDay();
    health.show(total, byDay, metrics.failures(filter), tallies.byRoute(), period);
    engagement.show(total, byDay, tallies.byJourney(), tallies.byTemplate(), period);
    outcomes.show(total, experiments.reports(filter), metrics.leadResponse(filter), metrics.reminders(filter),
        period);
    shown = filter;
  }

  /** The filter the bands show now. */
  MetricFilter shown() {
    return shown;
  }
}
