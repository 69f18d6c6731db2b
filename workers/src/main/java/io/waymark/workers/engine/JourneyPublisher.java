package io.waymark.workers.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import io.grpc.Status;
import io.waymark.platform.analytics.Experiments;
import io.waymark.platform.journey.JourneyCatalog;
import io.waymark.workflows.lint.Finding;
import io.waymark.workflows.lint.JourneyLinter;
import io.waymark.workflows.lint.LintReport;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperties;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Publishes a journey: lints the BPMN file, and only when the linter finds no error deploys it to the engine and
 * records the version in the journey catalog. Bundled journeys ({@link JourneyDeployer}) and uploads
 * ({@code POST /api/v1/journeys}) both come through here. Template references are checked by the
 * {@link JourneyLinter.TemplateCheck} bean when there is one; without it the linter says it could not check them.
 */
@Component
public class JourneyPublisher {

  /** The rule of a finding that reports what the engine refused although the linter let it pass. */
  public static final String ENGINE_VALIDATION = "engine-validation";

  private static final Logger LOG = LoggerFactory.getLogger(JourneyPublisher.class);

  private final CamundaClient client;
  private final JourneyCatalog catalog;
  private final Experiments experiments;
  private final ObjectProvider<JourneyLinter.TemplateCheck> templates;

  JourneyPublisher(CamundaClient client, JourneyCatalog catalog, Experiments experiments,
      ObjectProvider<JourneyLinter.TemplateCheck> templates) {
    this.client = client;
    this.catalog = catalog;
    this.experiments = experiments;
    this.templates = templates;
  }

  /** The process's {@code zeebe:properties} (e.g. {@code reentry}), which the catalog keeps per journey. */
  static Map<String, String> properties(byte[] bpmn, String processId) {
    return properties(Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn)), processId);
  }

  private static Map<String, String> properties(BpmnModelInstance model, String processId) {
    org.camunda.bpm.model.xml.instance.ModelElementInstance process = model.getModelElementById(processId);
    Map<String, String> properties = new LinkedHashMap<>();
    if (process instanceof io.camunda.zeebe.model.bpmn.instance.Process executable
        && executable.getExtensionElements() != null) {
      executable.getExtensionElements().getElementsQuery().filterByType(ZeebeProperties.class).list()
          .forEach(list -> list.getProperties().forEach(p -> properties.put(p.getName(), p.getValue())));
    }
    return properties;
  }

  /** What the linter finds in a BPMN file, with the template catalog when there is one. */
  public LintReport lint(byte[] bpmn) {
    return new JourneyLinter(templates.getIfAvailable()).lint(bpmn);
  }

  /**
   * Lints, deploys and records one journey.
   *
   * @param resourceName the file name the engine keeps, ending in {@code .bpmn}
   * @throws JourneyRejectedException when the linter or the engine finds an error; nothing was deployed then
   */
  public Published publish(String resourceName, byte[] bpmn) {
    LintReport report = lint(bpmn);
    if (report.hasErrors()) {
      throw new JourneyRejectedException(resourceName, report);
    }
    return deploy(resourceName, bpmn, report);
  }

  /** Deploys a file the linter passed ({@code report} has no error) and records the version. */
  Published deploy(String resourceName, byte[] bpmn, LintReport report) {
    // the file's process properties, read once: its experiments are checked before the engine sees the file
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
    Map<String, Map<String, String>> declared = new LinkedHashMap<>();
    report.processes().keySet().forEach(processId -> declared.put(processId, properties(model, processId)));
    declared.forEach(experiments::check);
    DeploymentEvent deployment;
    try {
      deployment = client.newDeployResourceCommand().addResourceBytes(bpmn, resourceName).send().join();
    } catch (ClientStatusException refused) {
      if (refused.getStatusCode() != Status.Code.INVALID_ARGUMENT) {
        throw refused;
      }
      throw engineRefused(resourceName, report, refused.getStatus().getDescription());
    } catch (ClientHttpException refused) {
      if (refused.code() != 400) {
        throw refused;
      }
      throw engineRefused(resourceName, report, refused.getMessage());
    }
    Process process = deployment.getProcesses().getFirst();
    String name = report.processes().getOrDefault(process.getBpmnProcessId(), process.getBpmnProcessId());
    Map<String, String> properties = declared.computeIfAbsent(process.getBpmnProcessId(), id -> properties(model, id));
    catalog.recordDeployment(new JourneyCatalog.Deployed(process.getBpmnProcessId(), name, process.getVersion(),
        process.getProcessDefinitionKey(), process.getResourceName(), properties));
    experiments.register(process.getBpmnProcessId(), properties); // the linter checked the spec already
    catalog.keepDiagram(process.getProcessDefinitionKey(), new String(bpmn, java.nio.charset.StandardCharsets.UTF_8));
    LOG.info("Journey {} version {} published from {} (definition {}, {} lint warnings)", process.getBpmnProcessId(),
        process.getVersion(), resourceName, process.getProcessDefinitionKey(), report.warnings().size());
    return new Published(process.getBpmnProcessId(), name, process.getVersion(), process.getProcessDefinitionKey(),
        process.getResourceName(), report.warnings());
  }

  private static JourneyRejectedException engineRefused(String resourceName, LintReport report, String reason) {
    List<Finding> findings = new ArrayList<>(List.of(Finding.error(ENGINE_VALIDATION, null,
        "the engine refused the deployment: " + reason)));
    findings.addAll(report.warnings());
    return new JourneyRejectedException(resourceName, new LintReport(findings, report.processes()));
  }

  /** A published journey version, with the linter's warnings. */
  public record Published(String processId, String name, int version, long definitionKey, String resourceName,
      List<Finding> warnings) {
  }
}
