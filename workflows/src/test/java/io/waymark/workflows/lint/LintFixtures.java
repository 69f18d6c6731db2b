package io.waymark.workflows.lint;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.ProcessBuilder;
import io.camunda.zeebe.model.bpmn.builder.ServiceTaskBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The lint fixtures: files under {@code lint/} on the test classpath (one per rule, each clean but for what it shows;
 * shipped in the test-jar for the publication tests) and a fluent builder for path variants.
 */
public final class LintFixtures {

  /** The test's template catalog: only {@code appointment.reminder} for SMS and {@code appointment.email} for email. */
  public static final JourneyLinter.TemplateCheck CATALOG = (key, channel) ->
      Set.of("appointment.reminder/SMS", "appointment.email/EMAIL").contains(key + "/" + channel);

  private LintFixtures() {
  }

  /** A fixture file, e.g. {@code clean} for {@code lint/clean.bpmn}. */
  public static byte[] file(String name) {
    try (InputStream in = LintFixtures.class.getClassLoader().getResourceAsStream("lint/" + name + ".bpmn")) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture lint/" + name + ".bpmn");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A process with the journey metadata (message class alert) and the opt-out stop rule: add the flow to it. */
  static ProcessBuilder journey(String processId) {
    return Bpmn.createExecutableProcess(processId)
        .zeebeProperty("goal", "The contact confirms")
        .zeebeProperty("trigger", "event appointment.booked")
        .zeebeProperty("stopRules", "contact opted out")
        .zeebeProperty("fallback", "none")
        .zeebeProperty("messageClass", "alert")
        .eventSubProcess("SubProcess_StopOptedOut", stop -> stop.startEvent("StartEvent_OptedOut").interrupting(true)
            .message(m -> m.name("contact-opted-out").zeebeCorrelationKeyExpression("journeyRunId"))
            .endEvent("End_OptedOut"));
  }

  static Consumer<ServiceTaskBuilder> checkConsent() {
    return task -> task.zeebeJobType("check-consent").zeebeInput("appointments", "topic")
        .zeebeInput("alert", "messageClass");
  }

  static Consumer<ServiceTaskBuilder> resolveAudience() {
    return task -> task.zeebeJobType("resolve-audience").zeebeInput("=campaignRunId", "campaignRunId");
  }

  static Consumer<ServiceTaskBuilder> sendBatch() {
    return task -> task.zeebeJobType("send-batch").zeebeInput("=campaignRunId", "campaignRunId")
        .zeebeInput("=batchNumber", "batchNumber");
  }

  static Consumer<ServiceTaskBuilder> sendSms() {
    return task -> task.zeebeJobType("send-sms").zeebeInput("appointment.reminder", "templateId")
        .zeebeInput("appointments", "topic").zeebeInput("alert", "messageClass");
  }
}
