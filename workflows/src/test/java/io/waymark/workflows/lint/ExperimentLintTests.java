package io.waymark.workflows.lint;

import static io.waymark.workflows.lint.LintFixtures.journey;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.builder.ProcessBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule {@code experiment}: well-formed experiments pass, malformed ones are errors, a holdout share beside one warns. */
class ExperimentLintTests {

  private final JourneyLinter linter = new JourneyLinter(LintFixtures.CATALOG);

  private LintReport lint(Map<String, String> properties) {
    ProcessBuilder process = journey("lint-experiment");
    properties.forEach(process::zeebeProperty);
    return linter.lint(process.startEvent("StartEvent_Booked").endEvent("End_Done").done());
  }

  private static List<String> experimentFindings(LintReport report) {
    return report.findings().stream().filter(f -> f.rule().equals("experiment"))
        .map(f -> f.severity() + ": " + f.message()).toList();
  }

  @Test
  void passesAWellFormedExperimentWithAHoldout() {
    LintReport report = lint(Map.of("experiment", "win-back-offer-2026",
        "variants", "control:45, discount:45, holdout:10"));

    assertThat(report.findings()).isEmpty();
  }

  @Test
  void refusesMalformedSpecs() {
    Map<String, String> bad = Map.of(
        "control:45, discount:45", "the weights sum to 90, not 100",
        "control:50, control:50", "names 'control' twice",
        "Control:50, holdout:50", "'Control' is no variant name",
        "control 50, holdout:50", "is not name:weight",
        "control:half, holdout:50", "is no whole percent",
        "holdout:100", "at least two variants");
    bad.forEach((spec, problem) -> assertThat(experimentFindings(lint(Map.of("experiment", "x-test",
        "variants", spec)))).as(spec).singleElement().asString().startsWith("ERROR").contains(problem));
  }

  @Test
  void refusesAnExperimentWithoutVariantsOrABadIdAndVariantsWithoutAnExperiment() {
    assertThat(experimentFindings(lint(Map.of("experiment", "x-test")))).singleElement().asString()
        .startsWith("ERROR").contains("has no property variants");
    assertThat(experimentFindings(lint(Map.of("variants", "a:50, holdout:50")))).singleElement().asString()
        .startsWith("ERROR").contains("without property experiment");
    assertThat(experimentFindings(lint(Map.of("experiment", "Win Back", "variants", "a:50, holdout:50"))))
        .singleElement().asString().startsWith("ERROR").contains("lowercase kebab-case");
  }

  @Test
  void warnsThatTheExperimentWinsOverAHoldoutShareAndWhenNothingIsHeldOut() {
    assertThat(experimentFindings(lint(Map.of("experiment", "x-test", "variants", "a:90, holdout:10",
        "holdoutShare", "10")))).singleElement().asString().startsWith("WARNING")
        .contains("holdoutShare is ignored");
    assertThat(experimentFindings(lint(Map.of("experiment", "x-test", "variants", "a:50, b:50"))))
        .singleElement().asString().startsWith("WARNING").contains("no holdout variant");
  }

  @Test
  void countsAnExperimentsHoldoutAsThePromotionalHoldout() {
    LintReport report = lint(Map.of("messageClass", "promotional", "experiment", "x-test",
        "variants", "a:90, holdout:10"));

    assertThat(report.findings()).noneMatch(f -> f.rule().equals("holdout"));
  }
}
