package io.waymark.workflows.lint;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.waymark.workflows.Journeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The sub-journeys a journey may call: the bundled ones ({@link Journeys#SUB_JOURNEYS}), each with the variables it
 * declares in its {@code outputs} property. Read once from the classpath.
 */
final class SubJourneys {

  /** A variable name as FEEL reads it without quoting. */
  static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private SubJourneys() {
  }

  /** Process id of each bundled sub-journey to the outputs it declares, in {@link Journeys#SUB_JOURNEYS} order. */
  static Map<String, Set<String>> bundled() {
    return Bundled.OUTPUTS;
  }

  /** The names of a comma-separated property value, stripped, blanks dropped. */
  static List<String> names(String value) {
    return value == null ? List.of()
        : Arrays.stream(value.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
  }

  /** Holder: read on first use, so that a linter built per request does not read the files again. */
  private static final class Bundled {

    static final Map<String, Set<String>> OUTPUTS = read();

    private static Map<String, Set<String>> read() {
      Map<String, Set<String>> outputs = new LinkedHashMap<>();
      for (String processId : Journeys.SUB_JOURNEYS) {
        try (InputStream in = SubJourneys.class.getClassLoader().getResourceAsStream(Journeys.resource(processId))) {
          if (in == null) {
            throw new IllegalStateException("bundled sub-journey " + Journeys.resource(processId)
                + " is not on the classpath");
          }
          BpmnModelInstance model = Bpmn.readModelFromStream(in);
          Process process = model.getModelElementById(processId);
          if (process == null) {
            throw new IllegalStateException(Journeys.resource(processId) + " holds no process " + processId);
          }
          String declared = new JourneyModel(model, process).properties().get("outputs");
          outputs.put(processId, Set.copyOf(names(declared)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return Collections.unmodifiableMap(outputs);
    }
  }
}
