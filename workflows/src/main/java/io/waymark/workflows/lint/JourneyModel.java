package io.waymark.workflows.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ExtensionElements;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperties;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperty;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.waymark.workflows.Journeys;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** One executable process of a linted file, with the questions the rules ask of it. */
record JourneyModel(BpmnModelInstance model, Process process) {

  private static final Pattern FEEL_STRING_LITERAL = Pattern.compile("=\\s*\"([^\"\\\\]*)\"\\s*");

  String id() {
    return process.getId();
  }

  /** The journey metadata in {@code zeebe:properties} on the process, name to value. */
  Map<String, String> properties() {
    Map<String, String> properties = new LinkedHashMap<>();
    ExtensionElements extensions = process.getExtensionElements();
    if (extensions != null) {
      for (ZeebeProperties block : extensions.getChildElementsByType(ZeebeProperties.class)) {
        for (ZeebeProperty property : block.getProperties()) {
          if (property.getName() != null) {
            properties.putIfAbsent(property.getName(), property.getValue());
          }
        }
      }
    }
    return properties;
  }

  /**
   * What the process is, from process property {@code kind}: {@code journey} when absent, else its value as written
   * (stripped, lower case); {@link ProcessPropertiesRule} refuses a kind Waymark does not know.
   */
  String kind() {
    String kind = properties().get(Journeys.KIND_PROPERTY);
    return kind == null || kind.isBlank() ? Journeys.KIND_JOURNEY : kind.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether the process is a sub-journey: called by journeys through a call activity, never started by events, no
   * stop rules, outcomes or holdout of its own. Any other kind is linted as a journey.
   */
  boolean isSubJourney() {
    return Journeys.KIND_SUB_JOURNEY.equals(kind());
  }

  /** Every flow node of this process, nested ones included. */
  List<FlowNode> flowNodes() {
    return model.getModelElementsByType(FlowNode.class).stream().filter(node -> processOf(node) == process).toList();
  }

  /** The job type of an element that creates jobs, as written (possibly a FEEL expression). */
  static Optional<String> jobType(BaseElement element) {
    ZeebeTaskDefinition definition = element.getSingleExtensionElement(ZeebeTaskDefinition.class);
    return Optional.ofNullable(definition).map(ZeebeTaskDefinition::getType).filter(type -> !type.isBlank())
        .map(String::strip);
  }

  static boolean hasJobType(BaseElement element, Collection<String> types) {
    return jobType(element).filter(types::contains).isPresent();
  }

  /** The output mappings of an element, target variable to source as written. */
  static Map<String, String> outputs(BaseElement element) {
    Map<String, String> outputs = new LinkedHashMap<>();
    ZeebeIoMapping mapping = element.getSingleExtensionElement(ZeebeIoMapping.class);
    if (mapping != null) {
      mapping.getOutputs().stream().filter(output -> output.getTarget() != null)
          .forEach(output -> outputs.put(output.getTarget(), output.getSource()));
    }
    return outputs;
  }

  /** The input mappings of an element, target variable to source as written. */
  static Map<String, String> inputs(BaseElement element) {
    Map<String, String> inputs = new LinkedHashMap<>();
    ZeebeIoMapping mapping = element.getSingleExtensionElement(ZeebeIoMapping.class);
    if (mapping != null) {
      for (ZeebeInput input : mapping.getInputs()) {
        if (input.getTarget() != null) {
          inputs.put(input.getTarget(), input.getSource());
        }
      }
    }
    return inputs;
  }

  /**
   * The value a mapping source or attribute stands for when it is static: plain text ({@code promotional}) or a FEEL
   * string literal ({@code ="promotional"}); empty for any other expression.
   */
  static Optional<String> staticValue(String source) {
    if (source == null) {
      return Optional.empty();
    }
    if (!source.startsWith("=")) {
      return Optional.of(source.strip());
    }
    Matcher literal = FEEL_STRING_LITERAL.matcher(source);
    return literal.matches() ? Optional.of(literal.group(1)) : Optional.empty();
  }

  static boolean isEventSubProcess(ModelElementInstance element) {
    return element instanceof SubProcess sub && sub.triggeredByEvent();
  }

  static <T extends EventDefinition> boolean hasDefinition(FlowNode node, Class<T> type) {
    return node instanceof CatchEvent event
        && event.getEventDefinitions().stream().anyMatch(type::isInstance);
  }

  static <T extends EventDefinition> Optional<T> definition(FlowNode node, Class<T> type) {
    if (node instanceof CatchEvent event) {
      return event.getEventDefinitions().stream().filter(type::isInstance).map(type::cast).findFirst();
    }
    if (node instanceof ThrowEvent event) {
      return event.getEventDefinitions().stream().filter(type::isInstance).map(type::cast).findFirst();
    }
    return Optional.empty();
  }

  /** The start events of an event subprocess (normally one). */
  static List<StartEvent> startEvents(SubProcess sub) {
    return sub.getChildElementsByType(StartEvent.class).stream().toList();
  }

  /** The process an element belongs to, or null. */
  static Process processOf(ModelElementInstance element) {
    ModelElementInstance current = element;
    while (current != null && !(current instanceof Process)) {
      current = current.getParentElement();
    }
    return (Process) current;
  }
}
