package io.waymark.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperty;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.waymark.workflows.lint.JourneyLinter;
import io.waymark.workflows.lint.LintReport;
import java.io.InputStream;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every bundled journey parses, validates, names its metadata, passes the journey linter (warnings allowed: holdout)
 * and uses only job types a worker serves.
 */
class BundledJourneysTests {

  static final java.util.List<String> BUNDLED = Journeys.BUNDLED;

  private static BpmnModelInstance read(String processId) throws Exception {
    try (InputStream in = BundledJourneysTests.class.getClassLoader()
        .getResourceAsStream(Journeys.resource(processId))) {
      assertThat(in).as("bpmn/%s.bpmn on the classpath", processId).isNotNull();
      BpmnModelInstance model = Bpmn.readModelFromStream(in);
      Bpmn.validateModel(model);
      return model;
    }
  }

  @ParameterizedTest
  @FieldSource("BUNDLED")
  void declaresItsJourneyMetadataOnTheProcess(String processId) throws Exception {
    Process process = read(processId).getModelElementById(processId);
    assertThat(process).as("process with id %s", processId).isNotNull();
    assertThat(process.isExecutable()).isTrue();
    Map<String, String> properties = process.getChildElementsByType(
            io.camunda.zeebe.model.bpmn.instance.ExtensionElements.class).stream()
        .flatMap(e -> e.getElementsQuery().filterByType(
            io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperties.class).list().stream())
        .flatMap(p -> p.getProperties().stream())
        .collect(Collectors.toMap(ZeebeProperty::getName, ZeebeProperty::getValue));
    assertThat(properties).containsKeys("goal", "trigger", "stopRules", "fallback", "messageClass", "topic");
  }

  @ParameterizedTest
  @FieldSource("BUNDLED")
  void passesTheJourneyLinter(String processId) throws Exception {
    byte[] bpmn;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(Journeys.resource(processId))) {
      bpmn = in.readAllBytes();
    }
    LintReport report = new JourneyLinter((templateKey, channel) -> true).lint(bpmn);

    assertThat(report.errors()).as("lint errors of %s", processId).isEmpty();
    assertThat(report.warnings()).as("lint warnings of %s", processId)
        .allSatisfy(warning -> assertThat(warning.rule()).isEqualTo("holdout"));
    assertThat(report.processes()).containsOnlyKeys(processId);
  }

  @ParameterizedTest
  @FieldSource("BUNDLED")
  void usesOnlyJobTypesAWorkerServes(String processId) throws Exception {
    assertThat(read(processId).getModelElementsByType(ZeebeTaskDefinition.class))
        .isNotEmpty()
        .allSatisfy(task -> assertThat(JobTypes.ALL).contains(task.getType()));
  }

  @ParameterizedTest
  @FieldSource("BUNDLED")
  void namesEveryFlowNodeMeaningfully(String processId) throws Exception {
    assertThat(read(processId).getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.FlowNode.class))
        .extracting(BaseElement::getId)
        .allSatisfy(id -> assertThat(id).matches("(StartEvent|SubProcess|Task|Gateway|Timer|Message|Error|End)_[A-Z][A-Za-z0-9]+"));
  }
}
