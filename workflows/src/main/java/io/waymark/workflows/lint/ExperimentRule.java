package io.waymark.workflows.lint;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rule {@code experiment}: a journey that splits its contacts declares process properties {@code experiment} (an id,
 * lowercase kebab-case, e.g. {@code win-back-offer-2026}) and {@code variants} ({@code control:45, discount:45,
 * holdout:10}: distinct lowercase kebab-case names, whole-percent weights summing to 100; {@code holdout} receives
 * nothing). Errors: one without the other, a malformed id or spec. Warnings: no {@code holdout} variant (no lift can
 * be measured), and {@code holdoutShare} beside an experiment (the experiment's holdout wins; the share is ignored).
 * The platform's analytics module parses the same spec when the journey is published.
 */
final class ExperimentRule implements LintRule {

  static final String RULE = "experiment";
  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  static final String HOLDOUT = "holdout";

  @Override
  public void check(JourneyModel journey, List<Finding> findings) {
    Map<String, String> properties = journey.properties();
    String experiment = properties.get("experiment");
    String variants = properties.get("variants");
    if (blank(experiment) && blank(variants)) {
      return;
    }
    if (blank(experiment)) {
      findings.add(Finding.error(RULE, journey.id(), "property variants without property experiment: name the "
          + "experiment (e.g. win-back-offer-2026) or remove variants"));
      return;
    }
    if (!NAME.matcher(experiment.strip()).matches() || experiment.strip().length() > 64) {
      findings.add(Finding.error(RULE, journey.id(), "property experiment is '" + experiment + "': use lowercase "
          + "kebab-case of at most 64 characters, e.g. win-back-offer-2026"));
    }
    if (blank(variants)) {
      findings.add(Finding.error(RULE, journey.id(), "experiment " + experiment.strip() + " has no property "
          + "variants: add it, e.g. control:45, discount:45, holdout:10"));
      return;
    }
    String problem = problem(variants);
    if (problem != null) {
      findings.add(Finding.error(RULE, journey.id(), "property variants '" + variants + "': " + problem));
      return;
    }
    if (!names(variants).contains(HOLDOUT)) {
      findings.add(Finding.warning(RULE, journey.id(), "experiment " + experiment.strip() + " has no holdout "
          + "variant: variants can be compared with each other, but no lift over sending nothing can be measured"));
    }
    if (!blank(properties.get("holdoutShare")) || !blank(properties.get("holdout"))) {
      findings.add(Finding.warning(RULE, journey.id(), "property holdoutShare beside experiment "
          + experiment.strip() + ": the experiment's variants decide who is held out and holdoutShare is ignored; "
          + "remove it"));
    }
  }

  /** What is wrong with a variants spec, or null. */
  static String problem(String spec) {
    Set<String> seen = new HashSet<>();
    int total = 0;
    String[] parts = spec.split(",");
    for (String part : parts) {
      String item = part.strip();
      int colon = item.indexOf(':');
      if (colon < 0) {
        return "'" + item + "' is not name:weight (e.g. control:45)";
      }
      String name = item.substring(0, colon).strip();
      if (!NAME.matcher(name).matches()) {
        return "'" + name + "' is no variant name: lowercase kebab-case, e.g. discount or free-shipping";
      }
      if (!seen.add(name)) {
        return "names '" + name + "' twice";
      }
      int weight;
      try {
        weight = Integer.parseInt(item.substring(colon + 1).strip());
      } catch (NumberFormatException e) {
        return "the weight of '" + name + "' is no whole percent";
      }
      if (weight < 1 || weight > 100) {
        return "the weight of '" + name + "' is " + weight + ": a whole percent from 1 to 100";
      }
      total += weight;
    }
    if (seen.size() < 2) {
      return "an experiment needs at least two variants";
    }
    return total == 100 ? null : "the weights sum to " + total + ", not 100";
  }

  private static Set<String> names(String spec) {
    Set<String> names = new HashSet<>();
    for (String part : spec.split(",")) {
      names.add(part.substring(0, part.indexOf(':')).strip());
    }
    return names;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
