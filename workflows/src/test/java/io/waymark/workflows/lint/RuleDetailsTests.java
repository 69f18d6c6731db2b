package io.waymark.workflows.lint;

import static io.waymark.workflows.lint.JourneyLinterTests.findings;
import static io.waymark.workflows.lint.LintFixtures.checkConsent;
import static io.waymark.workflows.lint.LintFixtures.journey;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** The finer points of the metadata, stop rule, job type, template and holdout rules. */
class RuleDetailsTests {

  private final JourneyLinter linter = new JourneyLinter(LintFixtures.CATALOG);

  private static BpmnModelInstance withProperties(String messageClass, String... extra) {
    var process = Bpmn.createExecutableProcess("lint-properties")
        .zeebeProperty("goal", "g").zeebeProperty("trigger", "t").zeebeProperty("stopRules", "s")
        .zeebeProperty("fallback", "f").zeebeProperty("messageClass", messageClass);
    for (int i = 0; i < extra.length; i += 2) {
      process = process.zeebeProperty(extra[i], extra[i + 1]);
    }
    return process
        .eventSubProcess("SubProcess_StopOptedOut", stop -> stop.startEvent("StartEvent_OptedOut").interrupting(true)
            .message(m -> m.name("contact-opted-out").zeebeCorrelationKeyExpression("journeyRunId"))
            .endEvent("End_OptedOut"))
        .startEvent("StartEvent_Lead").serviceTask("Task_CheckConsent", checkConsent()).endEvent("End_Checked")
        .done();
  }

  @Test
  void refusesAMessageClassWaymarkDoesNotKnow() {
    LintReport report = linter.lint(withProperties("marketing"));

    assertThat(findings(report)).containsExactly("ERROR process-properties lint-properties");
    assertThat(report.errors().getFirst().message()).contains("'marketing'").contains("promotional");
  }

  @Test
  void acceptsAHoldoutOrAWaiverOnAPromotionalJourney() {
    assertThat(findings(linter.lint(withProperties("promotional"))))
        .containsExactly("WARNING holdout lint-properties");
    assertThat(linter.lint(withProperties("promotional", "holdout", "10%")).findings()).isEmpty();
    assertThat(linter.lint(withProperties("Promotional", "holdoutWaiver", "a reply to the lead's own enquiry"))
        .findings()).isEmpty();
  }

  @Test
  void treatsAJourneyThatSendsPromotionsAsPromotional() {
    BpmnModelInstance model = journey("lint-sends-promotions").startEvent("StartEvent_Lead")
        .serviceTask("Task_CheckConsent", t -> t.zeebeJobType("check-consent").zeebeInput("promotions", "topic")
            .zeebeInput("promotional", "messageClass"))
        .endEvent("End_Checked").done();

    assertThat(findings(linter.lint(model))).containsExactly("WARNING holdout lint-sends-promotions");
  }

  @Test
  void wantsTheOptOutStopRuleToInterruptAndToBeCorrelatedByRun() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("lint-stop")
        .zeebeProperty("goal", "g").zeebeProperty("trigger", "t").zeebeProperty("stopRules", "s")
        .zeebeProperty("fallback", "f").zeebeProperty("messageClass", "alert")
        .eventSubProcess("SubProcess_StopOptedOut", stop -> stop.startEvent("StartEvent_OptedOut").interrupting(false)
            .message(m -> m.name("contact-opted-out").zeebeCorrelationKeyExpression("contactId"))
            .endEvent("End_OptedOut"))
        .startEvent("StartEvent_Lead").endEvent("End_Done").done();

    LintReport report = linter.lint(model);

    assertThat(findings(report)).containsExactly("ERROR opt-out-stop-rule StartEvent_OptedOut",
        "ERROR opt-out-stop-rule StartEvent_OptedOut");
    assertThat(report.errors()).extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("does not interrupt"))
        .anySatisfy(m -> assertThat(m).contains("=journeyRunId"));
  }

  @Test
  void refusesAJobTypeComputedByAnExpression() {
    BpmnModelInstance model = journey("lint-dynamic-type").startEvent("StartEvent_Lead")
        .serviceTask("Task_Dynamic", t -> t.zeebeJobTypeExpression("\"send-\" + channel"))
        .endEvent("End_Done").done();

    assertThat(findings(linter.lint(model))).containsExactly("ERROR known-job-types Task_Dynamic");
  }

  @Test
  void readsATemplateGivenAsAFeelStringLiteralAsStatic() {
    BpmnModelInstance approved = journey("lint-literal").startEvent("StartEvent_Lead")
        .serviceTask("Task_SendEmail",
            t -> t.zeebeJobType("send-email").zeebeInput("=\"appointment.email\"", "templateId"))
        .endEvent("End_Done").done();
    BpmnModelInstance smsTemplateByEmail = journey("lint-literal-sms").startEvent("StartEvent_Lead")
        .serviceTask("Task_SendEmail",
            t -> t.zeebeJobType("send-email").zeebeInput("appointment.reminder", "templateId"))
        .endEvent("End_Done").done();

    assertThat(linter.lint(approved).findings()).isEmpty();
    assertThat(findings(linter.lint(smsTemplateByEmail))).containsExactly("ERROR template-references Task_SendEmail");
  }

  @Test
  void leavesSendsWithoutATemplateIdAlone() {
    BpmnModelInstance model = journey("lint-body").startEvent("StartEvent_Lead")
        .serviceTask("Task_SendEmail", t -> t.zeebeJobType("send-email").zeebeInputExpression("\"Hello\"", "body")
            .zeebeInputExpression("\"Hi\"", "subject"))
        .endEvent("End_Done").done();

    assertThat(linter.lint(model).findings()).isEmpty();
  }
}
