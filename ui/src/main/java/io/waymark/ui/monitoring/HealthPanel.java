package io.waymark.ui.monitoring;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.waymark.platform.journey.JourneyInsights;
import io.waymark.platform.messaging.provider.SmsRouter;
import io.waymark.workflows.JobTypes;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;

/**
 * Throughput (steps completed per minute over the last hour, as bars drawn with plain divs), provider health (each
 * provider's circuit breaker, and send-sms's send rate and error rate over the last 15 minutes from the step ledger)
 * and the health of the engine and the database (Spring Boot's health endpoint: {@code engine}, {@code db}).
 */
class HealthPanel extends VerticalLayout {

  static final Duration SEND_WINDOW = Duration.ofMinutes(15);
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  final Div throughput = new Div();
  final Span throughputTotal = new Span();
  final Grid<SmsRouter.ProviderState> providers = new Grid<>();
  final Span sendRate = new Span();
  final Span engineHealth = new Span();
  final Span databaseHealth = new Span();

  private final JourneyInsights insights;
  private final SmsRouter router;
  private final HealthEndpoint health;

  HealthPanel(JourneyInsights insights, SmsRouter router, HealthEndpoint health) {
    this.insights = insights;
    this.router = router;
    this.health = health;
    setPadding(false);
    throughput.setId("throughput");
    throughputTotal.setId("throughput-total");
    providers.setId("providers");
    providers.addColumn(SmsRouter.ProviderState::provider).setHeader("Provider").setAutoWidth(true);
    providers.addColumn(p -> p.breaker().name()).setHeader("Breaker").setAutoWidth(true);
    providers.addColumn(p -> p.failureRate() < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f %%", p.failureRate()))
        .setHeader("Failure rate").setAutoWidth(true);
    providers.addColumn(SmsRouter.ProviderState::bufferedCalls).setHeader("Calls in window").setAutoWidth(true);
    providers.addColumn(SmsRouter.ProviderState::refusedCalls).setHeader("Refused while open").setAutoWidth(true);
    providers.setAllRowsVisible(true);
    sendRate.setId("send-rate");
    engineHealth.setId("health-engine");
    databaseHealth.setId("health-db");
    add(new H2("Throughput, last hour"), throughputTotal, throughput, new H2("SMS providers"), sendRate, providers,
        new H2("Engine and database"), engineHealth, databaseHealth);
    refresh();
  }

  void refresh() {
    List<JourneyInsights.Minute> minutes = insights.throughput(60);
    long max = Math.max(1, minutes.stream().mapToLong(JourneyInsights.Minute::completed).max().orElse(0));
    throughputTotal.setText(minutes.stream().mapToLong(JourneyInsights.Minute::completed).sum()
        + " steps completed in the last hour (per minute, UTC)");
    throughput.removeAll();
    for (JourneyInsights.Minute minute : minutes) {
      Div bar = new Div();
      bar.getStyle().set("background", "var(--lumo-primary-color)").set("height", "10px")
          .set("width", (100.0 * minute.completed() / max) + "%").set("min-width", minute.completed() > 0 ? "2px" : "0");
      Span label = new Span(MINUTE.format(minute.from()) + "  " + minute.completed());
      label.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("width", "6em").set("flex", "none");
      Div row = new Div(label, bar);
      row.getStyle().set("display", "flex").set("align-items", "center").set("gap", "var(--lumo-space-s)");
      throughput.add(row);
    }
    providers.setItems(router.providerStates());
    JourneyInsights.JobStats sends = insights.jobStats(JobTypes.SEND_SMS, SEND_WINDOW);
    sendRate.setText(String.format(Locale.ROOT, "send-sms, last %d minutes: %.1f sent per minute, error rate %.1f %% "
        + "(%d attempts, %d failed, %d incidents)", SEND_WINDOW.toMinutes(), sends.completedPerMinute(),
        100 * sends.errorRate(), sends.attempts(), sends.failed(), sends.incidents()));
    engineHealth.setText("Engine: " + status("engine"));
    databaseHealth.setText("Database: " + status("db"));
  }

  private String status(String indicator) {
    try {
      HealthComponent component = health.healthForPath(indicator);
      if (component == null) {
        return "no health indicator '" + indicator + "'";
      }
      String text = component.getStatus().getCode();
      if (component instanceof org.springframework.boot.actuate.health.Health detailed
          && !detailed.getDetails().isEmpty()) {
        text += " " + detailed.getDetails();
      }
      return text;
    } catch (RuntimeException e) {
      return "DOWN (" + e.getClass().getSimpleName() + ")";
    }
  }
}
