package io.waymark.ui.monitoring;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.waymark.platform.journey.JourneyInsights;
import io.waymark.platform.journey.JourneySteps;
import io.waymark.workers.engine.InstanceControl;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Open incidents (steps that ran out of retries and wait for ops), newest first, paged lazily from the step ledger,
 * each with its error; Retry ({@code step-retry}) runs the selected one again ({@link InstanceControl#retry}).
 */
class FailuresPanel extends VerticalLayout {

  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  final Grid<JourneySteps.Step> failures = new Grid<>();
  final Button retry = new Button("Retry");

  FailuresPanel(JourneyInsights insights, InstanceControl control, Runnable changed) {
    setPadding(false);
    failures.setId("failures");
    failures.addColumn(s -> TIME.format(s.recordedAt())).setHeader("When (UTC)").setAutoWidth(true);
    failures.addColumn(s -> s.processId() + " v" + s.processVersion()).setHeader("Journey").setAutoWidth(true);
    failures.addColumn(JourneySteps.Step::processInstanceKey).setHeader("Instance").setAutoWidth(true);
    failures.addColumn(JourneySteps.Step::elementId).setHeader("Element").setAutoWidth(true);
    failures.addColumn(JourneySteps.Step::jobType).setHeader("Job type").setAutoWidth(true);
    failures.addColumn(s -> s.detail() == null ? "" : s.detail()).setHeader("Error").setFlexGrow(1);
    failures.setItems(query -> insights.openIncidents(query.getOffset(), query.getLimit()).stream(),
        query -> (int) Math.min(Integer.MAX_VALUE, insights.countOpenIncidents()));
    failures.setHeight("260px");
    retry.setId("step-retry");
    retry.setEnabled(false);
    failures.addSelectionListener(e -> retry.setEnabled(e.getFirstSelectedItem().isPresent()));
    retry.addClickListener(e -> failures.asSingleSelect().getOptionalValue().ifPresent(step -> {
      try {
        control.retry(step.id());
        Feedback.success("Retrying " + step.elementId() + " of instance " + step.processInstanceKey());
        failures.getDataProvider().refreshAll();
        changed.run();
      } catch (RuntimeException failed) {
        Feedback.failed(failed);
      }
    }));
    add(new H2("Failures"), failures, retry);
  }

  void refresh() {
    failures.getDataProvider().refreshAll();
  }
}
