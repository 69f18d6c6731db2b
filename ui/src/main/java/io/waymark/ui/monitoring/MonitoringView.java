package io.waymark.ui.monitoring;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.waymark.platform.journey.JourneyCatalog;
import io.waymark.platform.journey.JourneyInsights;
import io.waymark.platform.journey.JourneyRuns;
import io.waymark.platform.journey.JourneySteps;
import io.waymark.platform.messaging.provider.SmsRouter;
import io.waymark.ui.layout.MainLayout;
import io.waymark.workers.engine.InstanceControl;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.boot.actuate.health.HealthEndpoint;

/**
 * Ops' first screen: journey runs by journey, version and state (paged lazily from the run ledger); the selected run's
 * step history (its instance's and its sub-journeys') and start variables; Cancel with a confirmation (audited
 * {@code instance.cancelled}); open failures with their error and Retry ({@link FailuresPanel}); throughput, provider
 * health and engine and database health ({@link HealthPanel}).
 *
 * <p>Component ids: {@code monitoring} (this view), {@code monitoring-refresh}, {@code instance-journey},
 * {@code instance-version}, {@code instance-state}, {@code instances} (grid), {@code instance-steps} (grid),
 * {@code instance-variables}, {@code instance-cancel}, {@code instance-cancel-dialog}, {@code failures} (grid),
 * {@code step-retry}, {@code throughput}, {@code throughput-total}, {@code providers} (grid), {@code send-rate},
 * {@code health-engine}, {@code health-db}.
 */
@Route(value = "monitoring", layout = MainLayout.class)
@PageTitle("Monitoring · Waymark")
@RolesAllowed({"OPS", "ADMIN"})
public class MonitoringView extends Main {

  static final List<String> STATES = List.of("REQUESTED", "RUNNING", "ENDED", "SKIPPED");

  final Button refresh = new Button("Refresh");
  final Select<String> journey = new Select<>();
  final IntegerField version = new IntegerField("Version");
  final Select<String> state = new Select<>();
  final Grid<JourneyRuns.Run> instances = new Grid<>();
  final Grid<JourneySteps.Step> steps = new Grid<>();
  final TextArea variables = new TextArea("Start variables");
  final Button cancel = new Button("Cancel instance");
  final ConfirmDialog confirmCancel = new ConfirmDialog();
  final FailuresPanel failures;
  final HealthPanel health;

  private final JourneyInsights insights;
  private final JourneyRuns runs;
  private final JourneySteps stepLedger;

  public MonitoringView(JourneyInsights insights, JourneyRuns runs, JourneySteps stepLedger, JourneyCatalog catalog,
      InstanceControl control, SmsRouter router, HealthEndpoint healthEndpoint) {
    this.insights = insights;
    this.runs = runs;
    this.stepLedger = stepLedger;
    setId("monitoring");
    getStyle().set("padding", "var(--lumo-space-m)");

    refresh.setId("monitoring-refresh");
    journey.setId("instance-journey");
    journey.setLabel("Journey");
    journey.setEmptySelectionAllowed(true);
    journey.setEmptySelectionCaption("every journey");
    journey.setItems(catalog.journeys().stream().map(JourneyCatalog.Journey::processId).toList());
    version.setId("instance-version");
    version.setMin(1);
    version.setClearButtonVisible(true);
    state.setId("instance-state");
    state.setLabel("State");
    state.setEmptySelectionAllowed(true);
    state.setEmptySelectionCaption("every state");
    state.setItems(STATES);
    journey.addValueChangeListener(e -> instances.getDataProvider().refreshAll());
    version.addValueChangeListener(e -> instances.getDataProvider().refreshAll());
    state.addValueChangeListener(e -> instances.getDataProvider().refreshAll());

    instances.setId("instances");
    instances.addColumn(r -> r.id().value()).setHeader("Run").setAutoWidth(true);
    instances.addColumn(JourneyRuns.Run::processId).setHeader("Journey").setAutoWidth(true);
    instances.addColumn(r -> r.version() == null ? "" : r.version()).setHeader("Version").setAutoWidth(true);
    instances.addColumn(JourneyRuns.Run::status).setHeader("State").setAutoWidth(true);
    instances.addColumn(r -> r.outcome() == null ? "" : r.outcome()).setHeader("Outcome").setAutoWidth(true);
    instances.addColumn(r -> r.processInstanceKey() == null ? "" : r.processInstanceKey()).setHeader("Instance")
        .setAutoWidth(true);
    instances.addColumn(JourneyRuns.Run::eventType).setHeader("Event").setAutoWidth(true);
    instances.addColumn(r -> FailuresPanel.TIME.format(r.requestedAt())).setHeader("Requested (UTC)")
        .setAutoWidth(true);
    instances.setItems(query -> insights.runs(filter(), query.getOffset(), query.getLimit()).stream(),
        query -> (int) Math.min(Integer.MAX_VALUE, insights.countRuns(filter())));
    instances.setHeight("320px");
    instances.addSelectionListener(e -> showRun());

    steps.setId("instance-steps");
    steps.addColumn(s -> FailuresPanel.TIME.format(s.recordedAt())).setHeader("When (UTC)").setAutoWidth(true);
    steps.addColumn(JourneySteps.Step::elementId).setHeader("Element").setAutoWidth(true);
    steps.addColumn(JourneySteps.Step::jobType).setHeader("Job type").setAutoWidth(true);
    steps.addColumn(s -> s.outcome().name() + (s.resolvedAt() != null ? " (resolved)" : "")).setHeader("Outcome")
        .setAutoWidth(true);
    steps.addColumn(JourneySteps.Step::retriesLeft).setHeader("Retries left").setAutoWidth(true);
    steps.addColumn(s -> s.detail() == null ? "" : s.detail()).setHeader("Detail").setFlexGrow(1);
    steps.setAllRowsVisible(true);
    variables.setId("instance-variables");
    variables.setReadOnly(true);
    variables.setWidthFull();

    cancel.setId("instance-cancel");
    cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
    cancel.setEnabled(false);
    confirmCancel.setId("instance-cancel-dialog");
    confirmCancel.setHeader("Cancel this instance?");
    confirmCancel.setCancelable(true);
    confirmCancel.setConfirmText("Cancel instance");
    confirmCancel.setConfirmButtonTheme("error primary");
    confirmCancel.setCancelText("Keep it");
    cancel.addClickListener(e -> instances.asSingleSelect().getOptionalValue().ifPresent(run -> {
      confirmCancel.setText("Instance " + run.processInstanceKey() + " of " + run.processId()
          + " stops at once; its run ends CANCELLED. This cannot be undone.");
      confirmCancel.open();
    }));
    confirmCancel.addConfirmListener(e -> cancelSelected(control));

    failures = new FailuresPanel(insights, control, this::refreshAll);
    health = new HealthPanel(insights, router, healthEndpoint);
    refresh.addClickListener(e -> refreshAll());
    add(new HorizontalLayout(new H1("Monitoring"), refresh), new H2("Instances"),
        new HorizontalLayout(journey, version, state), instances, new H2("Selected instance"), cancel, steps,
        variables, failures, health);
  }

  JourneyInsights.RunFilter filter() {
    return new JourneyInsights.RunFilter(journey.getValue(), version.getValue(), state.getValue());
  }

  private void showRun() {
    JourneyRuns.Run run = instances.asSingleSelect().getValue();
    cancel.setEnabled(run != null && run.processInstanceKey() != null && "RUNNING".equals(run.status()));
    steps.setItems(run == null ? List.of() : stepLedger.ofInstances(runs.instancesOf(run)));
    variables.setValue(run == null || run.variables() == null ? "" : run.variables());
  }

  private void cancelSelected(InstanceControl control) {
    instances.asSingleSelect().getOptionalValue().ifPresent(run -> {
      try {
        control.cancel(run.processInstanceKey());
        Feedback.success("Cancelled instance " + run.processInstanceKey());
        refreshAll();
      } catch (RuntimeException e) {
        Feedback.failed(e);
      }
    });
  }

  void refreshAll() {
    JourneyRuns.Run selected = instances.asSingleSelect().getValue();
    instances.getDataProvider().refreshAll();
    if (selected != null) {
      runs.find(selected.id()).ifPresentOrElse(fresh -> {
        instances.select(fresh);
        showRun();
      }, () -> instances.deselectAll());
    }
    failures.refresh();
    health.refresh();
  }
}
