package io.waymark.workflows.lint;

import static io.waymark.workflows.lint.JourneyLinterTests.findings;
import static io.waymark.workflows.lint.LintFixtures.checkConsent;
import static io.waymark.workflows.lint.LintFixtures.journey;
import static io.waymark.workflows.lint.LintFixtures.resolveAudience;
import static io.waymark.workflows.lint.LintFixtures.sendBatch;
import static io.waymark.workflows.lint.LintFixtures.sendSms;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.waymark.workflows.JobTypes;
import org.junit.jupiter.api.Test;

/** Rule consent-before-send over the shapes a path can take. */
class ConsentBeforeSendTests {

  private final JourneyLinter linter = new JourneyLinter(JobTypes.DECLARED, LintFixtures.CATALOG);

  private LintReport lint(BpmnModelInstance model) {
    return linter.lint(model);
  }

  @Test
  void findsTheOneBranchThatSkipsTheCheck() {
    BpmnModelInstance model = journey("lint-branch").startEvent("StartEvent_Lead")
        .exclusiveGateway("Gateway_Known").defaultFlow()
        .serviceTask("Task_CheckConsent", checkConsent())
        .serviceTask("Task_SendSms", sendSms()).endEvent("End_Sent")
        .moveToNode("Gateway_Known").condition("=known").connectTo("Task_SendSms")
        .done();

    LintReport report = lint(model);

    assertThat(findings(report)).containsExactly("ERROR consent-before-send Task_SendSms");
    assertThat(report.errors().getFirst().message()).contains("StartEvent_Lead → Gateway_Known → Task_SendSms");
  }

  @Test
  void acceptsALoopBackToTheCheck() {
    BpmnModelInstance model = journey("lint-loop").startEvent("StartEvent_Lead")
        .serviceTask("Task_CheckConsent", checkConsent())
        .exclusiveGateway("Gateway_SendNow")
        .condition("=decision = \"SEND\"").serviceTask("Task_SendSms", sendSms()).endEvent("End_Sent")
        .moveToNode("Gateway_SendNow").condition("=decision = \"DEFER\"")
        .intermediateCatchEvent("Timer_DeferUntil").timerWithDateExpression("deferUntil")
        .connectTo("Task_CheckConsent")
        .done();

    assertThat(lint(model).findings()).isEmpty();
  }

  @Test
  void doesNotCountACheckLeftByItsBoundaryEvent() {
    BpmnModelInstance model = journey("lint-boundary").startEvent("StartEvent_Lead")
        .serviceTask("Task_CheckConsent", checkConsent())
        .serviceTask("Task_SendSms", sendSms()).endEvent("End_Sent")
        .moveToActivity("Task_CheckConsent").boundaryEvent("Timer_CheckTooSlow").timerWithDuration("PT1M")
        .serviceTask("Task_SendAnyway", sendSms()).endEvent("End_SentAnyway")
        .done();

    assertThat(findings(lint(model))).containsExactly("ERROR consent-before-send Task_SendAnyway");
  }

  @Test
  void followsBoundaryEventsOfTheSendingPathToo() {
    BpmnModelInstance model = journey("lint-boundary-after").startEvent("StartEvent_Lead")
        .serviceTask("Task_CheckConsent", checkConsent())
        .serviceTask("Task_WaitOnCrm", t -> t.zeebeJobType("record-outcome").zeebeInput("WAITING", "outcome"))
        .endEvent("End_Done")
        .moveToActivity("Task_WaitOnCrm").boundaryEvent("Timer_Nudge").cancelActivity(false).timerWithDuration("PT1H")
        .serviceTask("Task_SendNudge", sendSms()).endEvent("End_Nudged")
        .done();

    assertThat(lint(model).findings()).isEmpty();
  }

  @Test
  void refusesAnEventSubprocessThatSendsWithoutItsOwnCheck() {
    BpmnModelInstance model = journey("lint-event-subprocess")
        .eventSubProcess("SubProcess_Reminder", reminder -> reminder.startEvent("StartEvent_Reminder")
            .interrupting(false).timerWithDuration("P1D")
            .serviceTask("Task_SendReminder", sendSms()).endEvent("End_Reminded"))
        .startEvent("StartEvent_Lead")
        .serviceTask("Task_CheckConsent", checkConsent())
        .serviceTask("Task_SendSms", sendSms()).endEvent("End_Sent")
        .done();

    assertThat(findings(lint(model))).containsExactly("ERROR consent-before-send Task_SendReminder");
  }

  @Test
  void entersAndLeavesEmbeddedSubprocesses() {
    BpmnModelInstance checkedInside = journey("lint-subprocess").startEvent("StartEvent_Lead")
        .subProcess("SubProcess_Qualify", sub -> sub.embeddedSubProcess().startEvent("StartEvent_Qualify")
            .serviceTask("Task_CheckConsent", checkConsent()).endEvent("End_Qualified"))
        .serviceTask("Task_SendSms", sendSms()).endEvent("End_Sent")
        .done();
    BpmnModelInstance sentInside = journey("lint-subprocess-send").startEvent("StartEvent_Lead")
        .subProcess("SubProcess_Contact", sub -> sub.embeddedSubProcess().startEvent("StartEvent_Contact")
            .serviceTask("Task_SendSms", sendSms()).endEvent("End_Contacted"))
        .endEvent("End_Done")
        .done();

    assertThat(lint(checkedInside).findings()).isEmpty();
    assertThat(findings(lint(sentInside))).containsExactly("ERROR consent-before-send Task_SendSms");
  }

  @Test
  void followsLinkEvents() {
    BpmnModelInstance model = journey("lint-link").startEvent("StartEvent_Lead")
        .intermediateThrowEvent("Link_ToSend").link("send")
        .moveToProcess("lint-link").linkCatchEvent("Link_Send").link("send")
        .serviceTask("Task_SendSms", sendSms()).endEvent("End_Sent")
        .done();

    assertThat(findings(lint(model))).containsExactly("ERROR consent-before-send Task_SendSms");
  }

  @Test
  void appliesToBatchSendsAsToSingleOnes() {
    BpmnModelInstance model = journey("lint-batch").startEvent("StartEvent_Campaign")
        .serviceTask("Task_SendBatch", t -> t.zeebeJobType("send-batch").zeebeInput("=batch", "batch"))
        .endEvent("End_Sent")
        .done();

    LintReport report = lint(model);

    assertThat(findings(report)).containsExactly("ERROR consent-before-send Task_SendBatch");
    assertThat(report.errors().getFirst().message()).contains("resolve-audience")
        .contains("StartEvent_Campaign → Task_SendBatch");
  }

  @Test
  void acceptsABatchSendAfterTheAudienceWasResolvedWithConsentApplied() {
    BpmnModelInstance model = journey("lint-batch-resolved").startEvent("StartEvent_Campaign")
        .serviceTask("Task_ResolveAudience", resolveAudience())
        .exclusiveGateway("Gateway_AnyoneToText").defaultFlow()
        .serviceTask("Task_SendBatch", sendBatch()).endEvent("End_Sent")
        .moveToNode("Gateway_AnyoneToText").condition("=batchCount = 0").endEvent("End_Empty")
        .done();

    assertThat(lint(model).findings()).isEmpty();
  }

  @Test
  void doesNotCountAContactsConsentCheckForABatch() {
    BpmnModelInstance model = journey("lint-batch-contact-check").startEvent("StartEvent_Campaign")
        .serviceTask("Task_CheckConsent", checkConsent())
        .serviceTask("Task_SendBatch", sendBatch()).endEvent("End_Sent")
        .done();

    LintReport report = lint(model);

    assertThat(findings(report)).containsExactly("ERROR consent-before-send Task_SendBatch");
    assertThat(report.errors().getFirst().message()).contains("a check-consent is about one contact");
  }

  @Test
  void doesNotCountAResolvedAudienceForASingleSend() {
    BpmnModelInstance model = journey("lint-single-after-audience").startEvent("StartEvent_Campaign")
        .serviceTask("Task_ResolveAudience", resolveAudience())
        .serviceTask("Task_SendSms", sendSms()).endEvent("End_Sent")
        .done();

    assertThat(findings(lint(model))).containsExactly("ERROR consent-before-send Task_SendSms");
  }

  @Test
  void refusesABatchSendInAnEventSubprocessThatResolvesNothing() {
    BpmnModelInstance model = journey("lint-batch-subprocess")
        .eventSubProcess("SubProcess_Resend", resend -> resend.startEvent("StartEvent_Resend")
            .interrupting(true).timerWithDuration("P1D")
            .serviceTask("Task_ResendBatch", sendBatch()).endEvent("End_Resent"))
        .startEvent("StartEvent_Campaign")
        .serviceTask("Task_ResolveAudience", resolveAudience())
        .serviceTask("Task_SendBatch", sendBatch()).endEvent("End_Sent")
        .done();

    assertThat(findings(lint(model))).containsExactly("ERROR consent-before-send Task_ResendBatch");
  }
}
