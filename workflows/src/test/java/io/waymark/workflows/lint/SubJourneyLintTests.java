package io.waymark.workflows.lint;

import static io.waymark.workflows.lint.JourneyLinterTests.findings;
import static io.waymark.workflows.lint.LintFixtures.journey;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.CallActivityBuilder;
import io.camunda.zeebe.model.bpmn.builder.ProcessBuilder;
import io.waymark.workflows.Journeys;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Sub-journeys (process property kind = sub-journey) and the call activities that call them. */
class SubJourneyLintTests {

  private final JourneyLinter linter = new JourneyLinter(LintFixtures.CATALOG);

  /** A sub-journey with its metadata: add the flow to it. */
  private static ProcessBuilder subJourney(String processId) {
    return Bpmn.createExecutableProcess(processId)
        .zeebeProperty("kind", "sub-journey")
        .zeebeProperty("goal", "Someone accepts the lead")
        .zeebeProperty("inputs", "leadSignal")
        .zeebeProperty("outputs", "leadOutcome, crmTaskId");
  }

  /** A journey (opt-out stop rule, metadata) whose only step is a call activity configured by {@code call}. */
  private static BpmnModelInstance caller(Consumer<CallActivityBuilder> call) {
    return journey("lint-caller").startEvent("StartEvent_Lead")
        .callActivity("CallActivity_HandOff", call)
        .endEvent("End_Done").done();
  }

  /** The call the linter asks for: the bundled hand-off, no variables copied back but the mapped ones. */
  private static Consumer<CallActivityBuilder> handOff() {
    return call -> call.zeebeProcessId(Journeys.HOT_LEAD_HANDOFF).zeebePropagateAllChildVariables(false)
        .zeebeInputExpression("{type: \"REPLY\", text: replyText}", "leadSignal")
        .zeebeOutputExpression("leadOutcome", "leadOutcome").zeebeOutputExpression("crmTaskId", "crmTaskId");
  }

  @Test
  void passesTheBundledHandOffAsASubJourney() throws IOException {
    byte[] bpmn;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(Journeys.resource(Journeys.HOT_LEAD_HANDOFF))) {
      bpmn = in.readAllBytes();
    }

    LintReport report = linter.lint(bpmn);

    assertThat(report.findings()).isEmpty();
    assertThat(report.processes()).containsOnlyKeys(Journeys.HOT_LEAD_HANDOFF);
  }

  @Test
  void asksNoTriggerStopRuleOrHoldoutOfASubJourney() {
    BpmnModelInstance model = subJourney("lint-sub").zeebeProperty("messageClass", "promotional")
        .startEvent("StartEvent_HotLead")
        .serviceTask("Task_CreateCrmTask", t -> t.zeebeJobType("create-crm-task"))
        .endEvent("End_Created").done();

    assertThat(findings(linter.lint(model))).containsExactly("WARNING process-properties lint-sub");
    assertThat(linter.lint(model).warnings().getFirst().message()).contains("'messageClass'")
        .contains("means nothing on a sub-journey");
  }

  @Test
  void wantsASubJourneyToSayWhatItTakesAndReturnsAndRefusesATrigger() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("lint-sub").zeebeProperty("kind", "Sub-Journey")
        .zeebeProperty("goal", "g").zeebeProperty("outputs", "leadOutcome, the owner")
        .zeebeProperty("trigger", "event lead.hot")
        .startEvent("StartEvent_HotLead").endEvent("End_Done").done();

    LintReport report = linter.lint(model);

    assertThat(findings(report)).containsOnly("ERROR process-properties lint-sub").hasSize(3);
    assertThat(report.errors()).extracting(Finding::message)
        .anySatisfy(message -> assertThat(message).contains("no property 'inputs'"))
        .anySatisfy(message -> assertThat(message).contains("'the owner', which is no variable name"))
        .anySatisfy(message -> assertThat(message).contains("a sub-journey has no trigger"));
  }

  @Test
  void refusesAKindWaymarkDoesNotKnow() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("lint-kind").zeebeProperty("kind", "workflow")
        .startEvent("StartEvent_HotLead").endEvent("End_Done").done();

    LintReport report = linter.lint(model);

    assertThat(findings(report)).contains("ERROR process-properties lint-kind");
    assertThat(report.errors().getFirst().message()).contains("'workflow'").contains("journey or sub-journey");
  }

  @Test
  void refusesAnEventStartARecordedOutcomeAndAnOptOutStopRuleInASubJourney() {
    BpmnModelInstance model = subJourney("lint-sub")
        .eventSubProcess("SubProcess_StopOptedOut", stop -> stop.startEvent("StartEvent_OptedOut").interrupting(true)
            .message(m -> m.name("contact-opted-out").zeebeCorrelationKeyExpression("journeyRunId"))
            .endEvent("End_OptedOut"))
        .startEvent("StartEvent_HotLead").message(m -> m.name("lead-hot"))
        .serviceTask("Task_RecordOutcome", t -> t.zeebeJobType("record-outcome").zeebeInput("ACCEPTED", "outcome"))
        .endEvent("End_Done").done();

    assertThat(findings(linter.lint(model))).containsExactlyInAnyOrder("ERROR sub-journey StartEvent_HotLead",
        "ERROR sub-journey Task_RecordOutcome", "ERROR sub-journey StartEvent_OptedOut");
  }

  @Test
  void passesACallOfTheBundledHandOff() {
    assertThat(linter.lint(caller(handOff())).findings()).isEmpty();
  }

  @Test
  void refusesACallThatDoesNotSayItKeepsTheSubJourneysVariables() {
    LintReport report = linter.lint(caller(handOff().andThen(call -> call.zeebePropagateAllChildVariables(true))));

    assertThat(findings(report)).containsExactly("ERROR call-activity CallActivity_HandOff");
    assertThat(report.errors().getFirst().message()).contains("propagateAllChildVariables is not \"false\"")
        .contains("acceptedBy, crmTaskId, leadOutcome, ownerId");
  }

  @Test
  void refusesACallWithoutOutputMappingsWhateverItsDefaultPropagation() {
    BpmnModelInstance defaults = caller(call -> call.zeebeProcessId(Journeys.HOT_LEAD_HANDOFF));

    LintReport report = linter.lint(defaults);

    assertThat(findings(report)).containsExactly("ERROR call-activity CallActivity_HandOff",
        "ERROR call-activity CallActivity_HandOff");
    assertThat(report.errors()).extracting(Finding::message)
        .anySatisfy(message -> assertThat(message).contains("copies every variable of sub-journey"))
        .anySatisfy(message -> assertThat(message).contains("takes nothing back"));
  }

  @Test
  void refusesAnOutputTheSubJourneyDoesNotReturn() {
    LintReport report = linter.lint(caller(handOff().andThen(call -> call
        .zeebeOutputExpression("escalationLevel", "escalations")
        .zeebeOutputExpression("if acceptedBy = null then \"nobody\" else acceptedBy", "acceptedByOrNobody"))));

    assertThat(findings(report)).containsExactly("ERROR call-activity CallActivity_HandOff");
    assertThat(report.errors().getFirst().message()).contains("output mapping escalations reads 'escalationLevel'");
  }

  @Test
  void refusesACallOfAProcessThatIsNoBundledSubJourney() {
    LintReport journeyCalled = linter.lint(caller(handOff().andThen(call -> call.zeebeProcessId("lead-follow-up"))));
    LintReport dynamic = linter.lint(caller(handOff().andThen(call -> call
        .zeebeProcessIdExpression("\"hot-lead-\" + variant"))));

    assertThat(findings(journeyCalled)).containsExactly("ERROR call-activity CallActivity_HandOff");
    assertThat(journeyCalled.errors().getFirst().message()).contains("'lead-follow-up', which is no bundled "
        + "sub-journey").contains("hot-lead-handoff");
    assertThat(findings(dynamic)).containsExactly("ERROR call-activity CallActivity_HandOff");
    assertThat(dynamic.errors().getFirst().message()).contains("is an expression");
  }

  @Test
  void leavesACallWithoutAProcessIdToZeebesOwnValidation() {
    BpmnModelInstance model = caller(call -> call.zeebeOutputExpression("leadOutcome", "leadOutcome"));

    assertThat(findings(linter.lint(model))).containsExactly("ERROR zeebe-validation CallActivity_HandOff");
  }
}
