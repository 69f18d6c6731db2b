package io.waymark.ui.dashboard;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.data.provider.ListDataProvider;
import io.waymark.EngineTest;
import io.waymark.platform.analytics.Experiments;
import io.waymark.platform.analytics.MetricFilter;
import io.waymark.platform.analytics.Period;
import io.waymark.platform.analytics.ProgramMetrics;
import io.waymark.platform.analytics.Tally;
import io.waymark.platform.governance.Role;
import io.waymark.ui.layout.KaribuViews;
import io.waymark.ui.layout.SignIn;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The dashboard, browserless, on the real facades: the three bands with their headline numbers as the facades compute
 * them, filters that change what is asked, the variant list, a table's CSV, the demo button for admins only, and the
 * role guard. (Numbers after real traffic: {@code io.waymark.demo.DemoTrafficTests}.)
 */
@EngineTest
class DashboardViewTests extends EngineTest.Base {

  @Autowired ApplicationContext context;
  @Autowired ProgramMetrics metrics;
  @Autowired Experiments experiments;
  @Autowired Clock clock;

  @BeforeEach
  void openUi() {
    KaribuViews.open(context);
  }

  @AfterEach
  void closeUi() {
    KaribuViews.close();
  }

  private DashboardView open(Role role) {
    SignIn.as("someone-" + role.name().toLowerCase(), role);
    UI.getCurrent().navigate(DashboardView.class);
    return _get(DashboardView.class);
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  @Test
  void showsTheThreeBandsWithTheHeadlineNumbersTheFacadesCompute() {
    DashboardView view = open(Role.OPS);

    assertThat(view.getChildren().filter(c -> c instanceof Band).map(c -> c.getId().orElseThrow()).toList())
        .containsExactly("band-health", "band-engagement", "band-outcomes");
    assertThat(List.of(view.health, view.engagement, view.outcomes).stream()
        .map(band -> band.getChildren().filter(H2.class::isInstance).map(h -> ((H2) h).getText()).findFirst()
            .orElseThrow()).toList())
        .containsExactly("Program health", "Engagement", "Outcomes");
    MetricFilter last30 = new MetricFilter(Period.lastDays(30, today(), ZoneOffset.UTC), null, null);
    assertThat(view.shown()).isEqualTo(last30);
    Tally total = metrics.total(last30);
    assertThat(view.health.delivered.value.getText()).isEqualTo(Formats.percent(total.deliveryRate()));
    assertThat(view.health.optedOut.value.getText()).isEqualTo(Formats.percent(total.optOutRate()));
    assertThat(view.engagement.replyRate.value.getText()).isEqualTo(Formats.percent(total.replyRate()));
    assertThat(view.engagement.clickRate.value.getText()).isEqualTo(Formats.percent(total.clickRate()));
    assertThat(view.outcomes.revenue.value.getText()).isEqualTo(Formats.money(total.revenue()));
    assertThat(view.health.daily.config()).contains("\"type\":\"line\"", "\"Delivered\"")
        .contains("\"" + today() + "\"");
    assertThat(view.demo).as("ops get no demo button").isNull();
  }

  @Test
  void asksTheFacadesForTheJourneyPeriodAndVariantChosen() {
    DashboardView view = open(Role.ADMIN);

    view.filters.journey.setValue("win-back");
    view.filters.period.setValue("Last 7 days");

    assertThat(view.shown()).isEqualTo(new MetricFilter(Period.lastDays(7, today(), ZoneOffset.UTC), "win-back",
        null));
    assertThat(view.filters.from.isVisible()).isFalse();

    view.filters.period.setValue(Filters.CUSTOM);
    view.filters.from.setValue(today().minusDays(3));
    view.filters.to.setValue(today().minusDays(1));
    assertThat(view.shown()).isEqualTo(new MetricFilter(new Period(today().minusDays(3), today().minusDays(1),
        ZoneOffset.UTC), "win-back", null));

    view.filters.to.setValue(today().minusDays(5));
    assertThat(view.filters.to.isInvalid()).isTrue();
    assertThat(view.filters.to.getErrorMessage()).contains("before from");
    assertThat(view.shown().period().to()).as("a refused period changes nothing").isEqualTo(today().minusDays(1));
  }

  @Test
  @SuppressWarnings("unchecked")
  void listsTheVariantsOfTheChosenJourneysExperiments() {
    DashboardView view = open(Role.DESIGNER);
    assertThat(((ListDataProvider<String>) view.filters.variant.getDataProvider()).getItems())
        .containsExactlyElementsOf(experiments.variants(null));

    view.filters.journey.setValue("win-back");

    List<String> winBack = experiments.variants("win-back");
    assertThat(winBack).contains("control", "holdout");
    assertThat(((ListDataProvider<String>) view.filters.variant.getDataProvider()).getItems())
        .containsExactlyElementsOf(winBack);
    view.filters.variant.setValue("holdout");
    assertThat(view.shown().variant()).isEqualTo("holdout");
  }

  @Test
  void downloadsEachTableAsCsvNamedAfterItAndThePeriod() {
    DashboardView view = open(Role.APPROVER);
    String period = today().minusDays(29) + "_" + today();

    String routes = new String(DownloadKt._download(view.health.routes.csv), StandardCharsets.UTF_8);
    assertThat(routes.lines().findFirst()).contains(
        "Route,Messages,Delivered,Delivery rate,Failed,Failure rate,Segments,Cost");
    assertThat(routes.lines().count()).isEqualTo(1 + metrics.byRoute(view.shown()).size());
    assertThat(view.health.routes.fileName()).isEqualTo("routes-" + period + ".csv");
    String experimentsCsv = new String(DownloadKt._download(view.outcomes.experiments.csv), StandardCharsets.UTF_8);
    assertThat(experimentsCsv.lines().findFirst().orElseThrow()).contains("Variant", "Conversion rate (95% CI)",
        "Lift (95% CI)", "p-value");
    for (Table<?> table : List.of(view.health.failures, view.engagement.journeys, view.engagement.templates,
        view.outcomes.reminders)) {
      assertThat(DownloadKt._download(table.csv)).isNotEmpty();
    }
  }

  @Test
  void offersAdminsDemoTrafficInEmbeddedMode() {
    DashboardView view = open(Role.ADMIN);

    assertThat(view.demo).isNotNull();
    assertThat(view.demo.play.getText()).isEqualTo("Play demo traffic");
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = "SALES_REP")
  void keepsOutRolesThatDoNotReadResults(Role role) {
    KaribuViews.assertKeptOut(role, DashboardView.class);
  }
}
