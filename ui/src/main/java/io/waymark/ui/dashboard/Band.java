package io.waymark.ui.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import io.waymark.platform.analytics.MetricRow;
import java.util.List;
import java.util.function.ToLongFunction;
import io.waymark.platform.analytics.Tally;

/** One band of the dashboard: a heading, a one-line explanation, a row of headline numbers, then its parts. */
abstract class Band extends Section {

  Band(String id, String title, String explanation) {
    setId(id);
    H2 heading = new H2(title);
    heading.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("margin", "var(--lumo-space-m) 0 0 0");
    Paragraph help = new Paragraph(explanation);
    help.getStyle().set("margin", "0 0 var(--lumo-space-s) 0").set("color", "var(--lumo-secondary-text-color)");
    add(heading, help);
    getStyle().set("display", "block").set("padding-bottom", "var(--lumo-space-m)")
        .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
  }

  /** The headline numbers side by side, wrapping on narrow screens. */
  static FlexLayout cards(Kpi... kpis) {
    FlexLayout row = new FlexLayout(kpis);
    row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    row.getStyle().set("gap", "var(--lumo-space-m)");
    return row;
  }

  /** Parts side by side where there is room (tables next to each other), below each other otherwise. */
  static FlexLayout side(Component... parts) {
    FlexLayout row = new FlexLayout(parts);
    row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    row.getStyle().set("gap", "var(--lumo-space-l)");
    for (Component part : parts) {
      part.getElement().getStyle().set("flex", "1 1 28rem").set("min-width", "0");
    }
    return row;
  }

  static List<String> days(List<MetricRow> byDay) {
    return byDay.stream().map(MetricRow::key).toList();
  }

  static List<Long> perDay(List<MetricRow> byDay, ToLongFunction<Tally> value) {
    return byDay.stream().map(r -> value.applyAsLong(r.tally())).toList();
  }
}
