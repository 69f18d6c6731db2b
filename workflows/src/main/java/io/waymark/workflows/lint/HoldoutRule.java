package io.waymark.workflows.lint;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import java.util.List;
import java.util.Map;

/**
 * Rule {@code holdout} (warning): a promotional journey (process property {@code messageClass} or a send's
 * {@code messageClass} input is {@code promotional}) holds out a share of its audience so its lift can be measured,
 * declared in process property {@code holdoutShare} (percent, e.g. {@code 10}; {@code holdout} is read as the same), or
 * says why not in {@code holdoutWaiver}, or runs an experiment with a {@code holdout} variant (process properties
 * {@code experiment} and {@code variants}, rule {@code experiment}). A sub-journey has none of its own: it runs within a journey run, held out
 * or not as its caller decides.
 */
final class HoldoutRule implements LintRule {

  static final String RULE = "holdout";
  static final String PROMOTIONAL = "promotional";

  @Override
  public void check(JourneyModel journey, List<Finding> findings) {
    Map<String, String> properties = journey.properties();
    if (journey.isSubJourney() || !isPromotional(journey, properties) || present(properties.get("holdoutShare"))
        || present(properties.get("holdout")) || present(properties.get("holdoutWaiver"))
        || experimentHoldsOut(properties)) {
      return;
    }
    findings.add(Finding.warning(RULE, journey.id(), "a promotional journey without a holdout: add process property "
        + "'holdoutShare' (the percent held out to measure lift, e.g. 10), an experiment with a holdout variant "
        + "('experiment' and 'variants') or 'holdoutWaiver' (why there is none)"));
  }

  private static boolean isPromotional(JourneyModel journey, Map<String, String> properties) {
    if (PROMOTIONAL.equalsIgnoreCase(strip(properties.get("messageClass")))) {
      return true;
    }
    for (FlowNode node : journey.flowNodes()) {
      String input = JourneyModel.inputs(node).get("messageClass");
      if (JourneyModel.staticValue(input).filter(PROMOTIONAL::equalsIgnoreCase).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static boolean experimentHoldsOut(Map<String, String> properties) {
    String variants = properties.get("variants");
    return present(properties.get("experiment")) && present(variants)
        && java.util.Arrays.stream(variants.split(",")).anyMatch(v -> v.strip().startsWith(ExperimentRule.HOLDOUT + ":"));
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }
}
