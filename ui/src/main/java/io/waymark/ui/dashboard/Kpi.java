package io.waymark.ui.dashboard;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A headline number: a label, the value in large type, and one short line saying what it counts. */
final class Kpi extends Div {

  final Span value = new Span("–");
  private final Span help = new Span();

  Kpi(String id, String label, String helpText) {
    setId(id);
    Span title = new Span(label);
    title.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
    value.setId(id + "-value");
    value.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600").set("display", "block");
    help.setText(helpText);
    help.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
    add(title, value, help);
    getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("min-width", "11rem")
        .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)")
        .set("background", "var(--lumo-base-color)");
  }

  void show(String text) {
    value.setText(text);
  }

  void show(String text, String helpText) {
    value.setText(text);
    help.setText(helpText);
  }
}
