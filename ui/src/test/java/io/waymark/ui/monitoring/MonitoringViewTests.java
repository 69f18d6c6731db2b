package io.waymark.ui.monitoring;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.waymark.EngineTest;
import io.waymark.platform.governance.AuditLog;
import io.waymark.platform.governance.AuditQuery;
import io.waymark.platform.governance.Role;
import io.waymark.platform.journey.JourneyInsights;
import io.waymark.platform.journey.JourneyRuns;
import io.waymark.platform.journey.JourneySteps;
import io.waymark.ui.layout.KaribuViews;
import io.waymark.ui.layout.SignIn;
import io.waymark.workflows.testing.InMemoryEngine;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Ops' monitoring view, browserless: retry of a real incident, cancel with confirmation, health, role guard. */
@EngineTest
class MonitoringViewTests extends EngineTest.Base {

  @Autowired ApplicationContext context;
  @Autowired CamundaClient client;
  @Autowired JourneyInsights insights;
  @Autowired JourneySteps steps;
  @Autowired JourneyRuns runs;
  @Autowired AuditLog audit;
  @Autowired MockMvc mvc;

  @BeforeEach
  void openUi() {
    KaribuViews.open(context);
  }

  @AfterEach
  void closeUi() {
    FlakyWorker.BROKEN.set(true);
    KaribuViews.close();
  }

  @Test
  void retriesAStepThatRanOutOfRetriesAndTheInstanceCompletes() {
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("monitoring-retry-test")
        .startEvent().serviceTask("Task_CallFlakyService", t -> t.zeebeJobType(FlakyWorker.TYPE).zeebeJobRetries("1"))
        .endEvent().done(), "monitoring-retry-test.bpmn").send().join();
    long instance = client.newCreateInstanceCommand().bpmnProcessId("monitoring-retry-test").latestVersion().send()
        .join().getProcessInstanceKey();
    JourneySteps.Step incident = await("an incident for instance " + instance, () -> insights.openIncidents(0, 100)
        .stream().filter(s -> s.processInstanceKey() == instance).findFirst());
    assertThat(incident.elementInstanceKey()).isNotNull();
    assertThat(incident.detail()).contains("the flaky service is down");

    SignIn.as("ops", Role.OPS);
    UI.getCurrent().navigate(MonitoringView.class);
    MonitoringView view = _get(MonitoringView.class);
    Grid<JourneySteps.Step> failures = view.failures.failures;
    JourneySteps.Step row = rows(failures).stream().filter(s -> s.id() == incident.id()).findFirst().orElseThrow();
    assertThat(view.failures.retry.isEnabled()).isFalse();
    failures.select(row);
    FlakyWorker.BROKEN.set(false);
    view.failures.retry.click();

    JourneySteps.Step completed = await("the retried step completing", () -> steps.ofInstance(instance).stream()
        .filter(s -> s.outcome() == JourneySteps.Outcome.COMPLETED).findFirst());
    assertThat(completed.elementId()).isEqualTo("Task_CallFlakyService");
    assertThat(completed.jobKey()).isNotEqualTo(incident.jobKey());
    InMemoryEngine.assertThatInstance(instance).isCompleted();
    assertThat(steps.find(incident.id()).orElseThrow().resolvedAt()).isNotNull();
    assertThat(rows(failures)).noneMatch(s -> s.id() == incident.id());
    NotificationsKt.expectNotifications("Retrying Task_CallFlakyService of instance " + instance);

    SignIn.as("compliance", Role.COMPLIANCE);
    var entries = audit.find(AuditQuery.all().byAction("step.retried").bySubject("journey-step",
        String.valueOf(incident.id())), 0, 10).getContent();
    assertThat(entries).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("ops"));
  }

  @Test
  void refusesToRetryAStepNotInTheLedger() {
    SignIn.as("ops", Role.OPS);
    UI.getCurrent().navigate(MonitoringView.class);
    Throwable refused = catchThrowable(() -> context.getBean(io.waymark.workers.engine.InstanceControl.class)
        .retry(Long.MAX_VALUE));
    assertThat(refused).hasMessageContaining("no step " + Long.MAX_VALUE);
  }

  @Test
  void cancelsAnInstanceAfterConfirmationAndEndsItsRun() throws Exception {
    String eventId = "monitoring-cancel-" + UUID.randomUUID();
    mvc.perform(post("/api/v1/events").contentType(MediaType.APPLICATION_JSON).content("""
        {"eventId": "%s", "type": "lead.created",
         "contact": {"phone": "+14155520177", "firstName": "Ops"},
         "consent": {"topics": ["promotions"], "channel": "web-form", "text": "Yes, text me. Reply STOP to cancel."}}
        """.formatted(eventId))).andExpect(status().is2xxSuccessful());
    JourneyRuns.Run run = await("the run to start", () -> runs.findByEventId(eventId)
        .filter(r -> "RUNNING".equals(r.status()) && r.processInstanceKey() != null));

    SignIn.as("ops", Role.OPS);
    UI.getCurrent().navigate(MonitoringView.class);
    MonitoringView view = _get(MonitoringView.class);
    view.journey.setValue("lead-follow-up");
    view.state.setValue("RUNNING");
    assertThat(rows(view.instances)).allMatch(r -> r.processId().equals("lead-follow-up")
        && r.status().equals("RUNNING"));
    view.instances.select(rows(view.instances).stream().filter(r -> r.id().equals(run.id())).findFirst()
        .orElseThrow());
    assertThat(view.variables.getValue()).contains(eventId, "\"firstName\":\"Ops\"");
    await("the first steps", () -> Optional.of(steps.ofInstance(run.processInstanceKey()))
        .filter(s -> s.size() >= 2));
    view.instances.select(runs.find(run.id()).orElseThrow());
    assertThat(rows(view.steps)).extracting(JourneySteps.Step::jobType).contains("check-consent");

    view.cancel.click();
    assertThat(view.confirmCancel.isOpened()).isTrue();
    ConfirmDialogKt._fireConfirm(view.confirmCancel);

    JourneyRuns.Run ended = runs.find(run.id()).orElseThrow();
    assertThat(ended.status()).isEqualTo("ENDED");
    assertThat(ended.outcome()).isEqualTo("CANCELLED");
    InMemoryEngine.assertThatInstance(run.processInstanceKey()).isTerminated();
    assertThat(view.cancel.isEnabled()).as("an ended run cannot be cancelled").isFalse();
    SignIn.as("compliance", Role.COMPLIANCE);
    assertThat(audit.find(AuditQuery.all().byAction("instance.cancelled").bySubject("process-instance",
        String.valueOf(run.processInstanceKey())), 0, 10).getContent()).singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo("ops"));
  }

  @Test
  void showsThroughputProvidersAndEngineAndDatabaseHealth() {
    SignIn.as("admin", Role.ADMIN);
    UI.getCurrent().navigate(MonitoringView.class);
    HealthPanel health = _get(MonitoringView.class).health;

    assertThat(health.throughput.getChildren().count()).isEqualTo(61);
    assertThat(health.throughputTotal.getText()).contains("steps completed in the last hour");
    assertThat(health.engineHealth.getText()).startsWith("Engine: UP");
    assertThat(health.databaseHealth.getText()).startsWith("Database: UP");
    assertThat(GridKt._size(health.providers)).isGreaterThanOrEqualTo(1);
    assertThat(GridKt._getFormattedRow(health.providers, 0)).contains("CLOSED");
    assertThat(health.sendRate.getText()).startsWith("send-sms, last 15 minutes:");
  }

  @Test
  void keepsADesignerOut() {
    SignIn.as("designer", Role.DESIGNER, Role.APPROVER, Role.SALES_REP, Role.COMPLIANCE);
    KaribuViews.assertKeptOut(MonitoringView.class);
  }

  private static <T> List<T> rows(Grid<T> grid) {
    return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
  }

  private static <T> T await(String what, Supplier<Optional<T>> probe) {
    Instant deadline = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(deadline)) {
      Optional<T> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("timed out waiting for " + what);
  }
}
