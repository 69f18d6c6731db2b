package io.waymark.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.waymark.platform.journey.JourneySteps;
import io.waymark.platform.journey.JourneySteps.Outcome;
import io.waymark.workflows.testing.InMemoryEngine;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Ops retries a failed step in the browser. The failure is real: an instance carries a campaign run id that is not a
 * number, so the real {@code record-outcome} worker throws, and with its one retry spent the step ledger records an
 * INCIDENT and the engine holds the instance. Ops corrects the variable (as they would in Operate or zbctl), finds the
 * failed step in the Monitoring view and retries it; the worker runs again, the step completes, the instance ends.
 */
@BrowserTest
class OpsRetriesFailedStepIT extends BrowserTest.Base {

  private static final String PROCESS = "e2e-failing-step";
  private static final String ELEMENT = "Task_RecordOutcome";

  @Autowired CamundaClient client;
  @Autowired JourneySteps steps;

  @Test
  void opsRetriesAFailedStepAndTheInstanceGoesOn() {
    long instance = instanceWithAFailedStep();

    client.newSetVariablesCommand(instance).variables(nullCampaignRun()).send().join();
    browser.signIn("ops");
    browser.open("monitoring");
    browser.selectRow("failures", PROCESS);
    browser.screenshot("monitoring");
    browser.click("step-retry");

    await().atMost(Duration.ofSeconds(20)).until(() -> outcomes(instance).contains(Outcome.COMPLETED));
    InMemoryEngine.waitForIdle();
    InMemoryEngine.assertThatInstance(instance).isCompleted();
    browser.screenshot("monitoring-retried");
  }

  /** One service task of type record-outcome with one retry, started with a campaign run id that is no number. */
  private long instanceWithAFailedStep() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).name("E2E failing step").startEvent()
        .serviceTask(ELEMENT, task -> task.name("Record the outcome").zeebeJobType("record-outcome")
            .zeebeJobRetries("1"))
        .endEvent().done();
    client.newDeployResourceCommand().addProcessModel(model, PROCESS + ".bpmn").send().join();
    long instance = client.newCreateInstanceCommand().bpmnProcessId(PROCESS).latestVersion()
        .variables(Map.of("outcome", "DONE", "campaignRunId", "not-a-run-id")).send().join()
        .getProcessInstanceKey();
    await().atMost(Duration.ofSeconds(20)).until(() -> outcomes(instance).contains(Outcome.INCIDENT));
    return instance;
  }

  private List<Outcome> outcomes(long instance) {
    return steps.ofInstance(instance).stream().map(JourneySteps.Step::outcome).toList();
  }

  private static Map<String, Object> nullCampaignRun() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("campaignRunId", null);
    return variables;
  }
}
