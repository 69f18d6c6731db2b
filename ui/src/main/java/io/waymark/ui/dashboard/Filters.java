package io.waymark.ui.dashboard;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import io.waymark.platform.analytics.MetricFilter;
import io.waymark.platform.analytics.Period;
import io.waymark.platform.support.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The dashboard's filters: journey (every journey when empty), period (last 7, 30 or 90 days, or custom from/to days)
 * and experiment variant (every variant when empty; the list follows the journey). Days are counted in UTC, the zone
 * every other screen shows times in. {@link #filter()} says what the facades are asked.
 */
final class Filters extends HorizontalLayout {

  static final String CUSTOM = "Custom";
  static final Map<String, Integer> LAST_DAYS = Map.of("Last 7 days", 7, "Last 30 days", 30, "Last 90 days", 90);
  static final ZoneId ZONE = ZoneOffset.UTC;

  final Select<String> journey = new Select<>();
  final Select<String> period = new Select<>();
  final DatePicker from = new DatePicker("From");
  final DatePicker to = new DatePicker("To");
  final Select<String> variant = new Select<>();
  private final Clock clock;
  private final Function<String, List<String>> variantsOf;
  /** True while the variant list follows a new journey: one change, one reading. */
  private boolean following;

  /** {@code variantsOf}: the variant names of a journey's experiments (null: every journey's). */
  Filters(List<String> journeys, Function<String, List<String>> variantsOf, Clock clock, Runnable changed) {
    this.clock = clock;
    this.variantsOf = variantsOf;
    setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    setWrap(true);
    journey.setId("dashboard-journey");
    journey.setLabel("Journey");
    journey.setEmptySelectionAllowed(true);
    journey.setEmptySelectionCaption("Every journey");
    journey.setItems(journeys);
    period.setId("dashboard-period");
    period.setLabel("Period");
    period.setItems("Last 7 days", "Last 30 days", "Last 90 days", CUSTOM);
    period.setValue("Last 30 days");
    from.setId("dashboard-from");
    to.setId("dashboard-to");
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
    from.setValue(today.minusDays(29));
    to.setValue(today);
    from.setVisible(false);
    to.setVisible(false);
    variant.setId("dashboard-variant");
    variant.setLabel("Variant");
    variant.setEmptySelectionAllowed(true);
    variant.setEmptySelectionCaption("Every variant");
    variant.setHelperText("as assigned at entry");
    listVariants();

    journey.addValueChangeListener(e -> {
      listVariants();
      changed.run();
    });
    period.addValueChangeListener(e -> {
      boolean custom = CUSTOM.equals(e.getValue());
      from.setVisible(custom);
      to.setVisible(custom);
      changed.run();
    });
    from.addValueChangeListener(e -> changed.run());
    to.addValueChangeListener(e -> changed.run());
    variant.addValueChangeListener(e -> {
      if (!following) {
        changed.run();
      }
    });
    add(journey, period, from, to, variant);
  }

  private void listVariants() {
    String kept = variant.getValue();
    List<String> names = variantsOf.apply(journey.getValue());
    following = true;
    try {
      variant.setItems(names);
      variant.setValue(kept != null && names.contains(kept) ? kept : null);
    } finally {
      following = false;
    }
  }

  /** What the filters say; a custom period with a day missing or reversed is refused naming the field. */
  MetricFilter filter() {
    return new MetricFilter(period(), journey.getValue(), variant.getValue());
  }

  Period period() {
    if (CUSTOM.equals(period.getValue())) {
      return new Period(from.getValue(), to.getValue(), ZONE);
    }
    int days = LAST_DAYS.getOrDefault(period.getValue(), 30);
    return Period.lastDays(days, LocalDate.ofInstant(clock.instant(), ZONE), ZONE);
  }

  /** Marks the date field a refused period names. */
  void showProblem(InvalidInputException e) {
    for (InvalidInputException.Problem problem : e.problems()) {
      DatePicker field = "from".equals(problem.field()) ? from : to;
      field.setErrorMessage(problem.message());
      field.setInvalid(true);
    }
  }

  void clearProblems() {
    from.setInvalid(false);
    to.setInvalid(false);
  }
}
