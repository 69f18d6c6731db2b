package io.waymark.workflows.lint;

import static io.waymark.workflows.lint.LintFixtures.checkConsent;
import static io.waymark.workflows.lint.LintFixtures.journey;
import static io.waymark.workflows.lint.LintFixtures.sendSms;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.waymark.workflows.JobTypes;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each rule on its fixture file: the exact findings, as "SEVERITY rule elementId". */
class JourneyLinterTests {

  private final JourneyLinter linter = new JourneyLinter(LintFixtures.CATALOG);

  static List<String> findings(LintReport report) {
    return report.findings().stream().map(f -> f.severity() + " " + f.rule() + " " + f.elementId()).toList();
  }

  private LintReport lint(String fixture) {
    return linter.lint(LintFixtures.file(fixture));
  }

  @Test
  void passesACleanJourneyAndNamesItsProcess() {
    LintReport report = lint("clean");

    assertThat(report.findings()).isEmpty();
    assertThat(report.hasErrors()).isFalse();
    assertThat(report.processes()).containsExactly(Map.entry("lint-clean", "Appointment reminder"));
  }

  @Test
  void refusesASendWithoutAConsentCheckNamingThePath() {
    LintReport report = lint("send-without-consent");

    assertThat(findings(report)).containsExactly("ERROR consent-before-send Task_SendReminder");
    assertThat(report.errors().getFirst().message())
        .contains("StartEvent_Booked → Task_SendReminder").contains("check-consent");
  }

  @Test
  void refusesAWaitWithoutATimer() {
    assertThat(findings(lint("wait-without-timer"))).containsExactly("ERROR wait-has-timer Message_ReplyReceived");
  }

  @Test
  void refusesAJourneyWithoutItsMetadata() {
    LintReport report = lint("missing-properties");

    assertThat(findings(report)).containsOnly("ERROR process-properties lint-missing-properties").hasSize(5);
    for (String property : List.of("goal", "trigger", "stopRules", "fallback", "messageClass")) {
      assertThat(report.findings()).extracting(Finding::message)
          .anySatisfy(message -> assertThat(message).contains("'" + property + "'"));
    }
  }

  @Test
  void refusesAJourneyWithoutTheOptOutStopRule() {
    assertThat(findings(lint("no-opt-out-stop-rule")))
        .containsExactly("ERROR opt-out-stop-rule lint-no-opt-out-stop-rule");
  }

  @Test
  void refusesAJobTypeNoWorkerServes() {
    LintReport report = lint("unknown-job-type");

    assertThat(findings(report)).containsExactly("ERROR known-job-types Task_NotifyStaff");
    assertThat(report.errors().getFirst().message()).contains("'notify-staff'").contains("send-sms");
  }

  @Test
  void refusesAnUnapprovedTemplateAndWarnsOfOneChosenByExpression() {
    LintReport report = lint("template-references");

    assertThat(findings(report)).containsExactly("ERROR template-references Task_SendReminder",
        "WARNING template-references Task_SendFallbackEmail");
    assertThat(report.errors().getFirst().message()).contains("'appointment.draft'").contains("SMS");
  }

  @Test
  void saysTemplatesAreNotCheckedWithoutATemplateCatalog() {
    LintReport report = new JourneyLinter().lint(LintFixtures.file("clean"));

    assertThat(findings(report)).containsExactly("WARNING template-references Task_SendReminder");
    assertThat(report.warnings().getFirst().message())
        .contains("template references not checked: no template catalog");
    assertThat(report.hasErrors()).isFalse();
  }

  @Test
  void warnsOfAPromotionalJourneyWithoutAHoldout() {
    LintReport report = lint("promotional-without-holdout");

    assertThat(findings(report)).containsExactly("WARNING holdout lint-promotional-without-holdout");
    assertThat(report.hasErrors()).isFalse();
  }

  @Test
  void warnsOfGeneratedIds() {
    LintReport report = lint("generated-ids");

    assertThat(findings(report)).containsExactlyInAnyOrder("WARNING meaningful-ids Process_1",
        "WARNING meaningful-ids Activity_1b4p89b", "WARNING meaningful-ids Event_0x4r6yv");
    assertThat(report.hasErrors()).isFalse();
  }

  @Test
  void refusesWhatZeebeItselfWouldRefuse() {
    assertThat(findings(lint("engine-invalid"))).containsExactly("ERROR zeebe-validation Message_SmsReply");
  }

  @Test
  void refusesAFileWithoutAnExecutableProcess() {
    assertThat(findings(lint("not-executable")))
        .containsExactly("ERROR executable-process Definitions_LintNotExecutable");
  }

  @Test
  void refusesAFileWithTwoJourneys() {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(LintFixtures.file("clean")));
    Process second = model.newInstance(Process.class);
    second.setId("lint-second");
    second.setExecutable(true);
    model.getDefinitions().addChildElement(second);

    LintReport report = linter.lint(model);

    assertThat(report.processes()).containsOnlyKeys("lint-clean", "lint-second");
    assertThat(findings(report)).contains("ERROR executable-process Definitions_LintClean");
  }

  @Test
  void refusesAFileThatIsNotBpmn() {
    LintReport report = lint("not-bpmn");

    assertThat(findings(report)).containsExactly("ERROR parse null");
    assertThat(report.processes()).isEmpty();
    assertThat(linter.lint("not even XML".getBytes(StandardCharsets.UTF_8)).hasErrors()).isTrue();
  }

  @Test
  void refusesADocumentTypeDeclarationRatherThanResolveItsEntities() {
    String withEntity = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>"
        + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"D\" targetNamespace=\"x\">"
        + "<bpmn:process id=\"p\" name=\"&e;\" isExecutable=\"true\"/></bpmn:definitions>";

    LintReport report = linter.lint(withEntity.getBytes(StandardCharsets.UTF_8));

    assertThat(findings(report)).containsExactly("ERROR parse null");
    assertThat(report.errors().getFirst().message()).contains("DOCTYPE");
  }

  @Test
  void listsErrorsBeforeWarnings() {
    BpmnModelInstance model = journey("Lint_Order").startEvent("StartEvent_Lead")
        .serviceTask("Task_SendSms", sendSms()).endEvent("End_Sent").done();

    assertThat(findings(linter.lint(model))).containsExactly("ERROR consent-before-send Task_SendSms",
        "WARNING meaningful-ids Lint_Order");
  }

  @Test
  void knowsTheJobTypesItIsGiven() {
    BpmnModelInstance model = journey("lint-crm").startEvent("StartEvent_Lead")
        .serviceTask("Task_CreateCrmTask", t -> t.zeebeJobType("create-crm-task"))
        .endEvent("End_Done").done();
    Set<String> withoutCrm = JobTypes.ALL.stream().filter(type -> !type.equals(JobTypes.CREATE_CRM_TASK))
        .collect(Collectors.toSet());

    assertThat(findings(new JourneyLinter(withoutCrm, LintFixtures.CATALOG).lint(model)))
        .containsExactly("ERROR known-job-types Task_CreateCrmTask");
    assertThat(linter.lint(model).findings()).isEmpty();
  }

  @Test
  void servesTheHotLeadJobTypes() {
    assertThat(JobTypes.ALL).contains(JobTypes.CREATE_CRM_TASK, JobTypes.ESCALATE_LEAD);
    assertThat(JobTypes.PLANNED).isEmpty();
    BpmnModelInstance model = journey("lint-hot-lead").startEvent("StartEvent_Lead")
        .serviceTask("Task_CreateCrmTask", t -> t.zeebeJobType("create-crm-task"))
        .serviceTask("Task_EscalateLead", t -> t.zeebeJobType("escalate-lead"))
        .endEvent("End_Done").done();

    assertThat(linter.lint(model).findings()).isEmpty();
  }

  @Test
  void servesTheCampaignJobTypes() {
    BpmnModelInstance model = audienceJourney("lint-campaign").startEvent("StartEvent_Run")
        .serviceTask("Task_ResolveAudience", LintFixtures.resolveAudience())
        .serviceTask("Task_RequestApproval", t -> t.zeebeJobType("request-approval"))
        .serviceTask("Task_SendBatch", LintFixtures.sendBatch())
        .endEvent("End_Sent").done();

    assertThat(linter.lint(model).findings()).isEmpty();
  }

  @Test
  void asksNoOptOutStopRuleOfAJourneyThatOnlyTextsAnAudience() {
    BpmnModelInstance audience = audienceJourney("lint-audience").startEvent("StartEvent_Run")
        .serviceTask("Task_ResolveAudience", LintFixtures.resolveAudience())
        .serviceTask("Task_SendBatch", LintFixtures.sendBatch())
        .endEvent("End_Sent").done();
    BpmnModelInstance mixed = audienceJourney("lint-mixed").startEvent("StartEvent_Run")
        .serviceTask("Task_ResolveAudience", LintFixtures.resolveAudience())
        .serviceTask("Task_SendBatch", LintFixtures.sendBatch())
        .serviceTask("Task_SendEmail", t -> t.zeebeJobType("send-email").zeebeInput("appointment.email", "templateId"))
        .endEvent("End_Sent").done();

    assertThat(linter.lint(audience).findings()).isEmpty();
    assertThat(findings(linter.lint(mixed))).containsExactly("ERROR opt-out-stop-rule lint-mixed");
  }

  /** A process with the journey metadata and no opt-out stop rule, as an audience journey has. */
  private static io.camunda.zeebe.model.bpmn.builder.ProcessBuilder audienceJourney(String processId) {
    return Bpmn.createExecutableProcess(processId)
        .zeebeProperty("goal", "Every member gets the text once")
        .zeebeProperty("trigger", "a campaign run")
        .zeebeProperty("stopRules", "campaign cancelled")
        .zeebeProperty("fallback", "none")
        .zeebeProperty("messageClass", "alert");
  }
}
