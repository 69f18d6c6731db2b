package io.waymark.workflows.lint;

import io.waymark.workflows.Journeys;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rule {@code process-properties}: the process says what it is in {@code zeebe:properties} (Modeler: the process's
 * Extension properties). A journey names its goal, trigger, stop rules, fallback and message class, and the message
 * class is one Waymark knows. A sub-journey (property {@code kind} = {@code sub-journey}) names its goal, the
 * variables its callers give it ({@code inputs}) and the ones it returns ({@code outputs}, a comma-separated list of
 * variable names, which rule {@code call-activity} holds the callers' output mappings to); it has no trigger, since
 * only call activities start it, and the journey-only properties mean nothing on it.
 */
final class ProcessPropertiesRule implements LintRule {

  static final String RULE = "process-properties";

  static final List<String> REQUIRED = List.of("goal", "trigger", "stopRules", "fallback", "messageClass");
  static final List<String> SUB_JOURNEY_REQUIRED = List.of("goal", "inputs", "outputs");
  /** Properties the platform reads of journeys only: on a sub-journey they would promise what nothing does. */
  static final List<String> JOURNEY_ONLY = List.of("stopRules", "fallback", "messageClass", "topic", "outcomes",
      "maxDuration", "holdoutShare", "holdout", "holdoutWaiver", "requiredAttributes", "reentry", "experiment",
      "variants");
  static final List<String> MESSAGE_CLASSES = List.of("transactional", "alert", "promotional");
  static final List<String> KINDS = List.of(Journeys.KIND_JOURNEY, Journeys.KIND_SUB_JOURNEY);

  @Override
  public void check(JourneyModel journey, List<Finding> findings) {
    Map<String, String> properties = journey.properties();
    if (!KINDS.contains(journey.kind())) {
      findings.add(Finding.error(RULE, journey.id(), "property " + Journeys.KIND_PROPERTY + " is '"
          + properties.get(Journeys.KIND_PROPERTY) + "': use " + String.join(" or ", KINDS)
          + " (absent means journey)"));
      return;
    }
    if (journey.isSubJourney()) {
      checkSubJourney(journey, properties, findings);
      return;
    }
    for (String name : REQUIRED) {
      if (blank(properties.get(name))) {
        findings.add(Finding.error(RULE, journey.id(), "the process has no property '" + name + "': add it under "
            + "Extension properties (" + hint(name) + ")"));
      }
    }
    String messageClass = properties.get("messageClass");
    if (!blank(messageClass) && !MESSAGE_CLASSES.contains(messageClass.strip().toLowerCase(Locale.ROOT))) {
      findings.add(Finding.error(RULE, journey.id(), "property messageClass is '" + messageClass
          + "': use one of " + String.join(", ", MESSAGE_CLASSES)));
    }
  }

  private static void checkSubJourney(JourneyModel journey, Map<String, String> properties, List<Finding> findings) {
    for (String name : SUB_JOURNEY_REQUIRED) {
      if (blank(properties.get(name))) {
        findings.add(Finding.error(RULE, journey.id(), "the sub-journey has no property '" + name + "': add it under "
            + "Extension properties (" + hint(name) + ")"));
      }
    }
    if (!blank(properties.get("outputs"))) {
      for (String output : SubJourneys.names(properties.get("outputs"))) {
        if (!SubJourneys.VARIABLE.matcher(output).matches()) {
          findings.add(Finding.error(RULE, journey.id(), "property outputs names '" + output + "', which is no "
              + "variable name: list the variables the sub-journey returns, separated by commas"));
        }
      }
    }
    if (properties.containsKey("trigger")) {
      findings.add(Finding.error(RULE, journey.id(), "a sub-journey has no trigger: only the call activities of the "
          + "journeys that call it start it; remove property 'trigger' (or make the process a journey)"));
    }
    for (String name : JOURNEY_ONLY) {
      if (properties.containsKey(name)) {
        findings.add(Finding.warning(RULE, journey.id(), "property '" + name + "' means nothing on a sub-journey: "
            + "the calling journey's " + name + " applies; remove it"));
      }
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String hint(String name) {
    return switch (name) {
      case "goal" -> "what the journey is for, e.g. a reply to the first text";
      case "trigger" -> "what starts it, e.g. event lead.created";
      case "stopRules" -> "what ends it early, e.g. contact opted out; goal reached";
      case "fallback" -> "what happens when the contact does not respond, e.g. email after 3 days";
      case "inputs" -> "the variables its callers map into the call activity, e.g. leadSignal";
      case "outputs" -> "the variables it returns, comma-separated, e.g. leadOutcome, crmTaskId";
      default -> "one of " + String.join(", ", MESSAGE_CLASSES);
    };
  }
}
