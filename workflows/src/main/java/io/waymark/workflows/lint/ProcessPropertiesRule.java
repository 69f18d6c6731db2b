package io.waymark.workflows.lint;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rule {@code process-properties}: the journey names its goal, trigger, stop rules, fallback and message class in
 * {@code zeebe:properties} on the process (Modeler: the process's Extension properties), and the message class is
 * one Waymark knows.
 */
final class ProcessPropertiesRule implements LintRule {

  static final String RULE = "process-properties";

  static final List<String> REQUIRED = List.of("goal", "trigger", "stopRules", "fallback", "messageClass");
  static final List<String> MESSAGE_CLASSES = List.of("transactional", "alert", "promotional");

  @Override
  public void check(JourneyModel journey, List<Finding> findings) {
    Map<String, String> properties = journey.properties();
    for (String name : REQUIRED) {
      String value = properties.get(name);
      if (value == null || value.isBlank()) {
        findings.add(Finding.error(RULE, journey.id(), "the process has no property '" + name + "': add it under "
            + "Extension properties (" + hint(name) + ")"));
      }
    }
    String messageClass = properties.get("messageClass");
    if (messageClass != null && !messageClass.isBlank()
        && !MESSAGE_CLASSES.contains(messageClass.strip().toLowerCase(Locale.ROOT))) {
      findings.add(Finding.error(RULE, journey.id(), "property messageClass is '" + messageClass
          + "': use one of " + String.join(", ", MESSAGE_CLASSES)));
    }
  }

  private static String hint(String name) {
    return switch (name) {
      case "goal" -> "what the journey is for, e.g. a reply to the first text";
      case "trigger" -> "what starts it, e.g. event lead.created";
      case "stopRules" -> "what ends it early, e.g. contact opted out; goal reached";
      case "fallback" -> "what happens when the contact does not respond, e.g. email after 3 days";
      default -> "one of " + String.join(", ", MESSAGE_CLASSES);
    };
  }
}
