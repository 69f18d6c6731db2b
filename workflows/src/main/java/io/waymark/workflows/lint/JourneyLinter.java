package io.waymark.workflows.lint;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.waymark.workflows.JobTypes;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lints a journey's BPMN before it is published, with Camunda's BPMN model API: what Zeebe itself would refuse, plus
 * Waymark's rules (a consent check before every SMS, a timer beside every wait, the opt-out stop rule, the journey
 * metadata, job types a worker serves, approved templates, a holdout for promotions, well-formed experiments, calls of bundled sub-journeys
 * only). A sub-journey (process property {@code kind} = {@code sub-journey}) is held to the rules that fit a step
 * inside a journey run: its own metadata, no trigger, stop rule, outcome or holdout of its own. Errors block
 * publication, warnings do not. Every finding names its rule and the element it is about. Stateless and thread-safe.
 */
public final class JourneyLinter {

  /** The file is not a BPMN model Camunda can read. */
  public static final String PARSE = "parse";
  /** The file holds no executable process, or more than one (one journey per file). */
  public static final String EXECUTABLE_PROCESS = "executable-process";

  /**
   * Whether a template may be sent: it exists in the template catalog and is approved for the channel. Given by the
   * caller (the platform's template catalog); without one, template references are reported as not checked.
   */
  @FunctionalInterface
  public interface TemplateCheck {

    String SMS = "SMS";
    String EMAIL = "EMAIL";

    /** @param channel {@link #SMS} or {@link #EMAIL} */
    boolean isSendable(String templateKey, String channel);
  }

  private final List<LintRule> rules;

  /** Waymark's rules with the job types a worker serves ({@link JobTypes#ALL}) and no template catalog. */
  public JourneyLinter() {
    this(JobTypes.ALL, null);
  }

  /** Waymark's rules with the job types a worker serves ({@link JobTypes#ALL}). */
  public JourneyLinter(TemplateCheck templates) {
    this(JobTypes.ALL, templates);
  }

  /**
   * @param knownJobTypes the job types some worker serves
   * @param templates the template catalog's answer, or null when there is none (template references become warnings)
   */
  public JourneyLinter(Set<String> knownJobTypes, TemplateCheck templates) {
    this.rules = List.of(
        new ProcessPropertiesRule(),
        new SubJourneyRule(),
        new CallActivityRule(SubJourneys.bundled()),
        new OptOutStopRule(),
        new ConsentBeforeSendRule(),
        new WaitHasTimerRule(),
        new KnownJobTypesRule(Set.copyOf(knownJobTypes)),
        new TemplateReferencesRule(templates),
        new HoldoutRule(),
        new ExperimentRule(),
        new MeaningfulIdsRule());
  }

  /** Lints a BPMN file as uploaded or bundled. */
  public LintReport lint(byte[] bpmn) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
    } catch (RuntimeException unreadable) {
      return new LintReport(List.of(Finding.error(PARSE, null, "not a BPMN 2.0 model Camunda can read: "
          + reason(unreadable))), Map.of());
    }
    return lint(model);
  }

  /** Lints a model read already. */
  public LintReport lint(BpmnModelInstance model) {
    List<Finding> findings = new ArrayList<>();
    Map<String, String> processes = new LinkedHashMap<>();
    ZeebeValidation.check(model, findings);
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (!process.isExecutable()) {
        continue;
      }
      processes.put(process.getId(), process.getName() == null || process.getName().isBlank() ? process.getId()
          : process.getName());
      JourneyModel journey = new JourneyModel(model, process);
      for (LintRule rule : rules) {
        rule.check(journey, findings);
      }
    }
    String definitionsId = model.getDefinitions() == null ? null : model.getDefinitions().getId();
    if (processes.isEmpty()) {
      findings.add(Finding.error(EXECUTABLE_PROCESS, definitionsId, "the file holds no executable process: mark the "
          + "journey's process isExecutable=\"true\" (Modeler: Executable)"));
    } else if (processes.size() > 1) {
      findings.add(Finding.error(EXECUTABLE_PROCESS, definitionsId, "one journey per file: the file holds the "
          + "executable processes " + String.join(", ", processes.keySet()) + "; put each in a file of its own"));
    }
    List<Finding> ordered = new ArrayList<>(findings.stream().distinct().toList());
    ordered.sort(Comparator.comparing(Finding::severity));
    return new LintReport(ordered, processes);
  }

  private static String reason(Throwable unreadable) {
    String reason = unreadable.getMessage();
    for (Throwable cause = unreadable.getCause(); cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null) {
        reason = cause.getMessage();
      }
    }
    return reason == null ? unreadable.getClass().getSimpleName() : reason.strip();
  }
}
