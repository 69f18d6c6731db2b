package io.waymark.workflows.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.Definitions;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;

/**
 * Rule {@code zeebe-validation}: what Zeebe's own design-time validators find (a service task without a job type, a
 * message without a name, an event-based gateway with one outgoing flow, ...), as the engine would refuse it on
 * deployment.
 */
final class ZeebeValidation {

  static final String RULE = "zeebe-validation";

  private ZeebeValidation() {
  }

  static void check(BpmnModelInstance model, List<Finding> findings) {
    for (Map.Entry<ModelElementInstance, List<ValidationResult>> entry
        : model.validate(ZeebeDesignTimeValidators.VALIDATORS).getResults().entrySet()) {
      String elementId = idOf(entry.getKey());
      for (ValidationResult result : entry.getValue()) {
        if (entry.getKey() instanceof Definitions && result.getMessage().contains("executable process")) {
          continue; // rule executable-process says it, with how to fix it
        }
        findings.add(result.getType() == ValidationResultType.ERROR
            ? Finding.error(RULE, elementId, result.getMessage())
            : Finding.warning(RULE, elementId, result.getMessage()));
      }
    }
  }

  /** The id of the element, or of the nearest enclosing element that has one (extension elements have none). */
  private static String idOf(ModelElementInstance element) {
    for (ModelElementInstance current = element; current != null; current = current.getParentElement()) {
      if (current instanceof BaseElement base && base.getId() != null) {
        return base.getId();
      }
      String id = current.getAttributeValue("id");
      if (id != null) {
        return id;
      }
    }
    return null;
  }
}
