package io.waymark.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** One element template per job type, named and typed as the contract says; runs anywhere (no npm needed). */
class ElementTemplatesTests {

  static final List<String> JOB_TYPES = ElementTemplates.JOB_TYPES;

  static final String SCHEMA = "https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode template(String jobType) throws IOException {
    try (InputStream in = ElementTemplatesTests.class.getClassLoader()
        .getResourceAsStream(ElementTemplates.resource(jobType))) {
      assertThat(in).as("%s on the classpath", ElementTemplates.resource(jobType)).isNotNull();
      return JSON.readTree(in);
    }
  }

  private static Stream<JsonNode> properties(JsonNode template) {
    return StreamSupport.stream(template.path("properties").spliterator(), false);
  }

  private static Stream<JsonNode> bound(JsonNode template, String bindingType) {
    return properties(template).filter(p -> bindingType.equals(p.path("binding").path("type").asText()));
  }

  private static List<String> inputNames(JsonNode template) {
    return bound(template, "zeebe:input").map(p -> p.path("binding").path("name").asText()).toList();
  }

  @Test
  void everyJobTypeConstantHasATemplate() throws IllegalAccessException {
    List<String> constants = new ArrayList<>();
    for (Field field : JobTypes.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        constants.add((String) field.get(null));
      }
    }
    assertThat(constants).hasSize(9);
    assertThat(JobTypes.DECLARED).containsExactlyInAnyOrderElementsOf(constants);
    assertThat(ElementTemplates.JOB_TYPES).containsExactlyInAnyOrderElementsOf(constants);
  }

  @Test
  void holdsNoTemplateForAnUnknownJobType() throws IOException, URISyntaxException {
    Path folder = Path.of(getClass().getClassLoader().getResource("element-templates").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(JOB_TYPES.stream().map(type -> type + ".json").toList());
    }
  }

  @ParameterizedTest
  @FieldSource("JOB_TYPES")
  void isAVersionedZeebeServiceTaskTemplateForItsJobType(String jobType) throws IOException {
    JsonNode template = template(jobType);

    assertThat(template.path("$schema").asText()).isEqualTo(SCHEMA);
    assertThat(template.path("id").asText()).isEqualTo("io.waymark:" + jobType).isEqualTo(ElementTemplates.id(jobType));
    assertThat(template.path("version").isInt()).as("version is an integer").isTrue();
    assertThat(template.path("version").asInt()).isPositive();
    assertThat(template.path("name").asText()).startsWith("Waymark: ");
    assertThat(template.path("description").asText()).isNotBlank();
    assertThat(template.path("appliesTo")).extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("bpmn:Task", "bpmn:ServiceTask");
    assertThat(template.path("elementType").path("value").asText()).isEqualTo("bpmn:ServiceTask");

    assertThat(bound(template, "zeebe:taskDefinition")
        .filter(p -> "type".equals(p.path("binding").path("property").asText())))
        .singleElement().satisfies(type -> {
          assertThat(type.path("type").asText()).isEqualTo("Hidden");
          assertThat(type.path("value").asText()).isEqualTo(jobType);
        });
    assertThat(bound(template, "zeebe:taskDefinition")
        .filter(p -> "retries".equals(p.path("binding").path("property").asText()))).hasSize(1);
  }

  @ParameterizedTest
  @FieldSource("JOB_TYPES")
  void documentsEveryPropertyAUserSees(String jobType) throws IOException {
    List<JsonNode> visible = properties(template(jobType)).filter(p -> !"Hidden".equals(p.path("type").asText()))
        .toList();
    assertThat(visible).allSatisfy(p -> {
      assertThat(p.path("label").asText()).as("label of %s", p.path("id")).isNotBlank();
      assertThat(p.path("description").asText()).as("description of %s", p.path("id")).isNotBlank();
    });
    assertThat(properties(template(jobType)).map(p -> p.path("id").asText())).doesNotHaveDuplicates();
    assertThat(inputNames(template(jobType))).doesNotHaveDuplicates();
  }

  /** Planned job types (none since the hot-lead workers) say so; served ones do not. */
  @ParameterizedTest
  @FieldSource("JOB_TYPES")
  void saysItIsPlannedExactlyWhenNoWorkerServesItYet(String jobType) throws IOException {
    String description = template(jobType).path("description").asText();
    assertThat(description.contains("Planned: no worker serves this job type yet"))
        .as("description of %s: %s", jobType, description).isEqualTo(JobTypes.PLANNED.contains(jobType));
  }

  @Test
  void sendsNameAnApprovedTemplateAndNeverCarryTheirText() throws IOException {
    for (String send : List.of(JobTypes.SEND_SMS, JobTypes.SEND_EMAIL)) {
      List<String> inputs = inputNames(template(send));
      assertThat(inputs).as(send).contains("templateId").doesNotContain("body", "subject", "text");
    }
  }

  /**
   * A batch sends what its campaign names: the template (approved, its version pinned at resolution), the topic the
   * audience was resolved for and the brand all come from the campaign run, so that a model cannot send an approved
   * campaign's audience anything else.
   */
  @Test
  void batchSendsTakeTheirTemplateAndTopicFromTheCampaignRun() throws IOException {
    assertThat(inputNames(template(JobTypes.SEND_BATCH))).containsExactly("campaignRunId", "batchNumber");
    assertThat(inputNames(template(JobTypes.RESOLVE_AUDIENCE))).containsExactly("campaignRunId");
    assertThat(inputNames(template(JobTypes.REQUEST_APPROVAL))).containsExactly("campaignRunId");
  }

  @Test
  void smsSendsAndConsentChecksOfferTheRealMessageClasses() throws IOException {
    for (String jobType : List.of(JobTypes.CHECK_CONSENT, JobTypes.SEND_SMS)) {
      JsonNode messageClass = bound(template(jobType), "zeebe:input")
          .filter(p -> "messageClass".equals(p.path("binding").path("name").asText())).findFirst().orElseThrow();
      assertThat(messageClass.path("type").asText()).isEqualTo("Dropdown");
      assertThat(messageClass.path("choices")).extracting(choice -> choice.path("value").asText())
          .containsExactly("transactional", "alert", "promotional");
      assertThat(inputNames(template(jobType))).contains("topic");
    }
  }

  @Test
  void documentsTheVariablesTheServedWorkersReturn() throws IOException {
    assertThat(outputs(JobTypes.CHECK_CONSENT)).containsExactly("decision", "deferUntil", "suppressReason");
    assertThat(outputs(JobTypes.SEND_SMS)).containsExactly("smsMessageId");
    assertThat(outputs(JobTypes.SEND_EMAIL)).containsExactly("emailStatus", "emailId");
    assertThat(outputs(JobTypes.RECORD_OUTCOME)).isEmpty();
    assertThat(outputs(JobTypes.RESOLVE_AUDIENCE)).containsExactly("audienceSize", "batchCount", "approvalRequired");
    assertThat(outputs(JobTypes.REQUEST_APPROVAL)).containsExactly("approvalId", "approvalExpiresAt");
    assertThat(outputs(JobTypes.SEND_BATCH)).containsExactly("sentCount", "suppressedCount", "failedCount");
    assertThat(outputs(JobTypes.CREATE_CRM_TASK)).containsExactly("crmTaskId", "ownerId", "slaDueAt", "escalationLevel");
    assertThat(outputs(JobTypes.ESCALATE_LEAD)).containsExactly("escalatedTo", "ownerId", "slaDueAt", "escalationLevel");
  }

  /**
   * The hot-lead tasks take what the contract names: create-crm-task the lead signal (required, FEEL) and optional
   * tags, product line and SLA; escalate-lead an optional manager email and SLA. An empty SLA must stay possible: it
   * means the SLA configured for the task's tags, counted in the owner's working hours.
   */
  @Test
  void hotLeadTasksTakeTheContractsInputsWithTheSlaLeftToTheTagsByDefault() throws IOException {
    assertThat(inputNames(template(JobTypes.CREATE_CRM_TASK)))
        .containsExactly("leadSignal", "tags", "productLine", "sla");
    assertThat(inputNames(template(JobTypes.ESCALATE_LEAD))).containsExactly("managerEmail", "sla");
    JsonNode leadSignal = input(JobTypes.CREATE_CRM_TASK, "leadSignal");
    assertThat(leadSignal.path("feel").asText()).isEqualTo("required");
    assertThat(leadSignal.path("optional").asBoolean()).isFalse();
    assertThat(input(JobTypes.CREATE_CRM_TASK, "tags").path("optional").asBoolean()).isTrue();
    for (String jobType : List.of(JobTypes.CREATE_CRM_TASK, JobTypes.ESCALATE_LEAD)) {
      JsonNode sla = input(jobType, "sla");
      assertThat(sla.path("optional").asBoolean()).as("%s: sla is optional", jobType).isTrue();
      assertThat(sla.has("value")).as("%s: no default SLA overrides the tags' one", jobType).isFalse();
      String pattern = sla.path("constraints").path("pattern").path("value").asText();
      assertThat("").as("%s: empty SLA", jobType).matches(pattern);
      assertThat("PT15M").matches(pattern);
      assertThat("P1DT2H").matches(pattern);
      assertThat("15 minutes").doesNotMatch(pattern);
      assertThat("PT").doesNotMatch(pattern);
    }
  }

  private static JsonNode input(String jobType, String name) throws IOException {
    return bound(template(jobType), "zeebe:input").filter(p -> name.equals(p.path("binding").path("name").asText()))
        .findFirst().orElseThrow();
  }

  private static List<String> outputs(String jobType) throws IOException {
    return bound(template(jobType), "zeebe:output").map(p -> p.path("binding").path("source").asText().substring(1))
        .toList();
  }
}
