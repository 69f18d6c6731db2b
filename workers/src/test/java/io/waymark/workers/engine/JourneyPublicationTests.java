package io.waymark.workers.engine;

import static io.waymark.workflows.testing.InMemoryEngine.awaitJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.waymark.platform.journey.JourneyCatalog;
import io.waymark.platform.template.Channel;
import io.waymark.platform.template.MessageTemplates;
import io.waymark.platform.template.NewTemplate;
import io.waymark.workers.WorkersTest;
import io.waymark.workflows.JobTypes;
import io.waymark.workflows.lint.JourneyLinter;
import io.waymark.workflows.lint.LintFixtures;
import io.waymark.workflows.testing.InMemoryEngine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Publishing journeys: {@code POST /api/v1/journeys} lints, refuses with findings naming the elements, or deploys and
 * records the new version; the bundled journeys go through the same linter at start-up.
 */
@WorkersTest
class JourneyPublicationTests extends WorkersTest.Base {

  @Autowired MockMvc mvc;
  @Autowired JourneyCatalog catalog;
  @Autowired io.waymark.platform.analytics.Experiments experiments;
  @Autowired JourneyPublisher publisher;
  @Autowired CamundaClient camunda;

  private static CamundaClient client;

  @Autowired MessageTemplates templates;

  @BeforeAll
  static void connect() {
    client = InMemoryEngine.newClient();
  }

  /** The lint fixtures send the template appointment.reminder: the real catalog has it approved. */
  @BeforeEach
  void approvedTemplate() {
    if (templates.isSendable("appointment.reminder", Channel.SMS)) {
      return;
    }
    templates.create(new NewTemplate("appointment.reminder", "Appointment reminder", Channel.SMS, "alert", null, null,
        "Reminder: your appointment is on {appointment.time}.", 1, false));
    templates.approve("appointment.reminder", 1, "lint-tests");
  }

  @AfterAll
  static void close() {
    client.close();
  }

  private ResultActions upload(String fileName, byte[] bpmn) throws Exception {
    return mvc.perform(multipart("/api/v1/journeys").file(new MockMultipartFile("file", fileName,
        "application/octet-stream", bpmn)).header("X-Api-Key", WorkersTest.API_KEY));
  }

  private boolean catalogued(String processId) {
    return catalog.journeys().stream().anyMatch(journey -> journey.processId().equals(processId));
  }

  @Test
  void refusesAJourneyThatSendsWithoutAConsentCheck() throws Exception {
    upload("send-without-consent.bpmn", LintFixtures.file("send-without-consent"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.title").value("Journey refused"))
        .andExpect(jsonPath("$.detail").value(containsString("Task_SendReminder")))
        .andExpect(jsonPath("$.findings[0].severity").value("ERROR"))
        .andExpect(jsonPath("$.findings[0].rule").value("consent-before-send"))
        .andExpect(jsonPath("$.findings[0].elementId").value("Task_SendReminder"))
        .andExpect(jsonPath("$.findings[0].message").value(containsString("check-consent")));

    assertThat(catalogued("lint-send-without-consent")).isFalse();
    assertThatThrownBy(() -> client.newCreateInstanceCommand().bpmnProcessId("lint-send-without-consent")
        .latestVersion().send().join()).as("nothing was deployed").hasMessageContaining("NOT_FOUND");
  }

  @Test
  void refusesAJourneyThatWaitsWithoutATimer() throws Exception {
    upload("wait-without-timer.bpmn", LintFixtures.file("wait-without-timer"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.findings[0].severity").value("ERROR"))
        .andExpect(jsonPath("$.findings[0].rule").value("wait-has-timer"))
        .andExpect(jsonPath("$.findings[0].elementId").value("Message_ReplyReceived"))
        .andExpect(jsonPath("$.findings.length()").value(1));

    assertThat(catalogued("lint-wait-without-timer")).isFalse();
  }

  @Test
  void publishesACleanJourneyWhoseInstancesRunToTheirFirstJob() throws Exception {
    upload("appointment-reminder.bpmn", LintFixtures.file("clean"))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/v1/journeys"))
        .andExpect(jsonPath("$.processId").value("lint-clean"))
        .andExpect(jsonPath("$.name").value("Appointment reminder"))
        .andExpect(jsonPath("$.version").isNumber())
        .andExpect(jsonPath("$.definitionKey").isNumber())
        .andExpect(jsonPath("$.resourceName").value("appointment-reminder.bpmn"))
        .andExpect(jsonPath("$.warnings.length()").value(0));

    mvc.perform(get("/api/v1/journeys").header("X-Api-Key", WorkersTest.API_KEY))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.processId == 'lint-clean')].name").value("Appointment reminder"));

    long instance = client.newCreateInstanceCommand().bpmnProcessId("lint-clean").latestVersion()
        .variables(Map.of("contactId", "1", "journeyRunId", "1")).send().join().getProcessInstanceKey();
    ActivatedJob check = awaitJob(client, JobTypes.CHECK_CONSENT, instance);
    assertThat(check.getElementId()).isEqualTo("Task_CheckConsent");
    assertThat(check.getVariablesAsMap()).containsEntry("topic", "appointments").containsEntry("messageClass", "alert");
  }

  @Test
  void refusesWhatTheEngineRefusesAlthoughTheLinterPassedIt() throws Exception {
    String clean = new String(LintFixtures.file("clean"), StandardCharsets.UTF_8);
    String brokenCondition = clean.replace("id=\"lint-clean\"", "id=\"lint-broken-condition\"")
        .replace("=decision = \"SEND\"", "=decision = = \"SEND\"");

    upload("broken-condition.bpmn", brokenCondition.getBytes(StandardCharsets.UTF_8))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.findings[0].rule").value(JourneyPublisher.ENGINE_VALIDATION))
        .andExpect(jsonPath("$.findings[0].message").value(containsString("Flow_Send")));

    assertThat(catalogued("lint-broken-condition")).isFalse();
  }

  @Test
  void wantsOneBpmnFileInFieldFile() throws Exception {
    upload("journey.xml", LintFixtures.file("clean"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("file"));
    mvc.perform(multipart("/api/v1/journeys").file(new MockMultipartFile("bpmn", "clean.bpmn",
            "application/octet-stream", LintFixtures.file("clean"))).header("X-Api-Key", WorkersTest.API_KEY))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("file"));
  }

  @Test
  void wantsTheApiKey() throws Exception {
    mvc.perform(multipart("/api/v1/journeys").file(new MockMultipartFile("file", "clean.bpmn",
            "application/octet-stream", LintFixtures.file("clean"))))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void refusesAJourneyWhoseTemplateIsNotApprovedInTheCatalog() throws Exception {
    templates.create(new NewTemplate("appointment.draft", "Draft reminder", Channel.SMS, "alert", null, null,
        "Reminder: see you on {appointment.time}.", 1, false));
    String clean = new String(LintFixtures.file("clean"), StandardCharsets.UTF_8);
    String withDraft = clean.replace("id=\"lint-clean\"", "id=\"lint-draft-template\"")
        .replace("source=\"appointment.reminder\"", "source=\"appointment.draft\"");

    upload("draft-template.bpmn", withDraft.getBytes(StandardCharsets.UTF_8))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.findings[0].rule").value("template-references"))
        .andExpect(jsonPath("$.findings[0].message").value(containsString("appointment.draft")));
    assertThat(catalogued("lint-draft-template")).isFalse();
  }

  @Test
  void warnsThatTemplatesWereNotCheckedWithoutATemplateCatalog() {
    JourneyPublisher withoutCatalog = new JourneyPublisher(camunda, catalog, experiments, new StaticListableBeanFactory()
        .getBeanProvider(JourneyLinter.TemplateCheck.class));

    assertThat(withoutCatalog.lint(LintFixtures.file("clean")).warnings()).singleElement()
        .satisfies(warning -> assertThat(warning.message()).contains("template references not checked"));
  }

  @Test
  void checksTemplatesWithTheTemplateCatalogWhenThereIsOne() {
    JourneyPublisher withCatalog = new JourneyPublisher(camunda, catalog, experiments, provider(LintFixtures.CATALOG));

    assertThatThrownBy(() -> withCatalog.publish("template-references.bpmn", LintFixtures.file("template-references")))
        .isInstanceOfSatisfying(JourneyRejectedException.class, rejected ->
            assertThat(rejected.report().errors()).singleElement().satisfies(error -> {
              assertThat(error.rule()).isEqualTo("template-references");
              assertThat(error.elementId()).isEqualTo("Task_SendReminder");
            }));
    assertThat(withCatalog.publish("clean.bpmn", LintFixtures.file("clean")).warnings()).isEmpty();
  }

  @Test
  void refusesToStartWhenABundledJourneyFailsTheLinter() {
    JourneyDeployer deployer = new JourneyDeployer(publisher, Duration.ofSeconds(5),
        List.of("lint/clean.bpmn", "lint/send-without-consent.bpmn"));

    assertThatThrownBy(() -> deployer.run(null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lint/send-without-consent.bpmn")
        .hasMessageContaining("ERROR consent-before-send Task_SendReminder")
        .hasMessageContaining("nothing was deployed");
    assertThat(catalogued("lint-send-without-consent")).isFalse();
  }

  @Test
  void keepsTheProcessPropertiesTheCatalogReadsReentryFrom() {
    String clean = new String(LintFixtures.file("clean"), StandardCharsets.UTF_8);
    String reentrant = clean.replace("id=\"lint-clean\"", "id=\"lint-reentrant\"").replace("<zeebe:properties>",
        "<zeebe:properties><zeebe:property name=\"reentry\" value=\"allowed\" />");

    assertThat(JourneyPublisher.properties(LintFixtures.file("clean"), "lint-clean"))
        .containsKeys("goal", "trigger", "messageClass").doesNotContainKey("reentry");
    publisher.publish("reentrant.bpmn", reentrant.getBytes(StandardCharsets.UTF_8));
    assertThat(catalog.allowsReentry("lint-reentrant")).isTrue();
    assertThat(catalog.allowsReentry("lint-clean")).isFalse();
  }

  @Test
  void refusesBeforeDeployingAJourneyThatBorrowsAnotherJourneysExperiment() throws Exception {
    String clean = new String(LintFixtures.file("clean"), StandardCharsets.UTF_8);
    String borrowing = clean.replace("id=\"lint-clean\"", "id=\"lint-borrowed-experiment\"").replace(
        "<zeebe:properties>", "<zeebe:properties><zeebe:property name=\"experiment\" value=\"win-back-offer\" />"
            + "<zeebe:property name=\"variants\" value=\"control:50, holdout:50\" />");

    upload("borrowed-experiment.bpmn", borrowing.getBytes(StandardCharsets.UTF_8))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("experiment"))
        .andExpect(jsonPath("$.detail").value(containsString("belongs to the journey win-back")));

    assertThat(catalogued("lint-borrowed-experiment")).isFalse();
    assertThatThrownBy(() -> client.newCreateInstanceCommand().bpmnProcessId("lint-borrowed-experiment")
        .latestVersion().send().join()).as("nothing was deployed").hasMessageContaining("NOT_FOUND");
  }

  @Test
  void publishedTheBundledJourneysAtStartUp() {
    assertThat(catalogued("lead-follow-up")).isTrue();
  }

  private static ObjectProvider<JourneyLinter.TemplateCheck> provider(JourneyLinter.TemplateCheck check) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("templateCheck", check);
    return beans.getBeanProvider(JourneyLinter.TemplateCheck.class);
  }
}
