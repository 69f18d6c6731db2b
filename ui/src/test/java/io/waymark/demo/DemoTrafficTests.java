package io.waymark.demo;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import io.waymark.EngineTest;
import io.waymark.platform.analytics.ExperimentReport;
import io.waymark.platform.analytics.Experiments;
import io.waymark.platform.analytics.MetricFilter;
import io.waymark.platform.analytics.Period;
import io.waymark.platform.analytics.ProgramMetrics;
import io.waymark.platform.analytics.Tally;
import io.waymark.platform.analytics.VariantResult;
import io.waymark.platform.governance.Role;
import io.waymark.platform.messaging.SmsSandbox;
import io.waymark.ui.dashboard.DashboardView;
import io.waymark.ui.layout.KaribuViews;
import io.waymark.ui.layout.SignIn;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Demo traffic on the real engine with the real workers: after a run, the ledgers hold what the simulated recipients
 * did (clicks, replies, conversions), counted by the analytics facades, and the dashboard shows it.
 */
@EngineTest
class DemoTrafficTests extends EngineTest.Base {

  static final int CONTACTS = 60;

  @Autowired DemoTraffic traffic;
  @Autowired ProgramMetrics metrics;
  @Autowired Experiments experiments;
  @Autowired SmsSandbox sandbox;
  @Autowired ApplicationContext context;
  @Autowired Clock clock;

  @Test
  void playsClicksRepliesAndPurchasesThatTheLedgersCount() {
    Tally before = metrics.total(today());
    Tally everyBefore = metrics.total(everyJourney());
    long messagesBefore = everyBefore.messages();
    long enteredBefore = winBackEntered();

    assertThat(traffic.start(CONTACTS)).isTrue();
    assertThat(traffic.start(CONTACTS)).as("one run at a time").isFalse();
    await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
        .until(() -> traffic.progress().state() != DemoTraffic.Progress.State.RUNNING);

    assertThat(traffic.progress().state()).as(traffic.progress().summary())
        .isEqualTo(DemoTraffic.Progress.State.FINISHED);
    DemoRun.Summary played = traffic.last();
    assertThat(played.contacts()).isEqualTo(CONTACTS);
    assertThat(played.texted()).isPositive();
    assertThat(played.clicks()).isPositive();
    assertThat(played.replies()).isPositive();
    assertThat(played.orders()).isPositive();

    // conversions are recorded after their event's transaction (a module listener): wait for them to land
    await().atMost(Duration.ofSeconds(20)).until(() -> metrics.total(today()).converted() > before.converted());
    Tally after = metrics.total(today());
    // win-back links and lead-follow-up's booking links alike: one click per clicking contact, in every journey
    assertThat(metrics.total(everyJourney()).clicked() - everyBefore.clicked()).as("clicks in the ledger")
        .isEqualTo(played.clicks());
    assertThat(after.replied() - before.replied()).as("contacts who replied").isPositive()
        .isLessThanOrEqualTo(played.replies());
    assertThat(after.converted() - before.converted()).as("attributed conversions").isPositive()
        .isLessThanOrEqualTo(played.orders());
    assertThat(after.revenue()).isGreaterThan(before.revenue());
    Tally every = metrics.total(everyJourney());
    assertThat(every.messages() - messagesBefore).as("texts of every journey")
        .isGreaterThanOrEqualTo(played.texted());
    assertThat(every.delivered() + every.failed() - everyBefore.delivered() - everyBefore.failed())
        .as("a carrier receipt for each first text").isEqualTo(played.texted());
    assertThat(every.failed() - everyBefore.failed()).as("undelivered").isEqualTo(played.undelivered());
    assertThat(every.delivered() - everyBefore.delivered()).isPositive();
    assertThat(sandbox.recorded(null, 0, 500).stream().filter(m -> "IN".equals(m.direction())).map(
        SmsSandbox.RecordedMessage::body)).contains("1").isSubsetOf("YES", "STOP", "1", "2");
    assertThat(winBackEntered() - enteredBefore).as("win-back contacts assigned a variant").isPositive();

    KaribuViews.open(context);
    try {
      SignIn.as("admin", Role.ADMIN);
      UI.getCurrent().navigate(DashboardView.class);
      DashboardView view = _get(DashboardView.class);
      assertThat(view.getId()).contains("dashboard");
      assertThat(_get(Span.class, spec -> spec.withId("kpi-conversions-value")).getText()).isNotIn("0", "–");
      assertThat(_get(Span.class, spec -> spec.withId("kpi-click-rate-value")).getText()).isNotEqualTo("0.0%");
    } finally {
      KaribuViews.close();
    }
  }

  private MetricFilter today() {
    LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    return new MetricFilter(Period.lastDays(1, day, ZoneOffset.UTC), "win-back", null);
  }

  private MetricFilter everyJourney() {
    return new MetricFilter(today().period(), null, null);
  }

  private long winBackEntered() {
    List<ExperimentReport> reports = experiments.reports(today());
    return reports.stream().flatMap(r -> r.variants().stream()).mapToLong(VariantResult::entered).sum();
  }
}
