package io.waymark.workflows;

import static io.waymark.workflows.testing.InMemoryEngine.awaitJobOfRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.waymark.workflows.testing.InMemoryEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives one bundled journey on the in-memory engine for its process tests: deploys the model with the sub-journeys
 * it may call, starts runs with the variables the journey starter gives, and plays the workers' part (consent
 * decisions, sends, CRM tasks and escalations, outcomes) and the platform's (replies, opt-outs, signals, accepted
 * leads). A run's jobs include those of the sub-journeys it called. Runs a test leaves unfinished are cancelled by
 * {@link #cancelUnfinished()}, so their timers never fire in a later test.
 */
final class JourneyDriver implements AutoCloseable {

  private static final AtomicLong IDS = new AtomicLong(1_000 + System.nanoTime() % 1_000_000);

  private final CamundaClient client = InMemoryEngine.newClient();
  private final String processId;
  private final List<Run> runs = new ArrayList<>();

  JourneyDriver(String processId) {
    this.processId = processId;
    for (String subJourney : Journeys.SUB_JOURNEYS) {
      client.newDeployResourceCommand().addResourceFromClasspath(Journeys.resource(subJourney)).send().join();
    }
    client.newDeployResourceCommand().addResourceFromClasspath(Journeys.resource(processId)).send().join();
  }

  /** A numeric id no other run in this JVM uses (contact ids are numbers). */
  static String newId() {
    return Long.toString(IDS.incrementAndGet());
  }

  /** Starts a run for a new contact with the event's {@code attributes}. */
  Run start(Map<String, Object> attributes) {
    return start(newId(), attributes, Map.of());
  }

  /** Starts a run as the journey starter does: contact, event, attributes, run id, send window. */
  Run start(String contactId, Map<String, Object> attributes, Map<String, Object> extra) {
    String journeyRunId = newId();
    Map<String, Object> variables = new HashMap<>();
    variables.put("contactId", contactId);
    variables.put("eventId", "event-" + journeyRunId);
    variables.put("eventType", "test");
    variables.put("firstName", "Maya");
    variables.put("attributes", attributes);
    variables.put("journeyRunId", journeyRunId);
    variables.put("sendNotAfter", InMemoryEngine.now().plus(Duration.ofDays(2)).toString());
    variables.putAll(extra);
    long key = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(variables)
        .send().join().getProcessInstanceKey();
    Run run = new Run(key, contactId, journeyRunId);
    runs.add(run);
    return run;
  }

  /** Publishes a message that only correlates to what waits for it now. */
  void publish(String name, String correlationKey, Map<String, Object> variables) {
    client.newPublishMessageCommand().messageName(name).correlationKey(correlationKey).timeToLive(Duration.ZERO)
        .variables(variables).send().join();
  }

  /** The signal the platform publishes for an event that steers running journeys. */
  static Map<String, Object> signal(String type, Map<String, Object> attributes) {
    return Map.of("lastSignal", Map.of("eventId", "event-" + newId(), "type", type, "attributes", attributes));
  }

  void cancelUnfinished() {
    for (Run run : runs) {
      try {
        client.newCancelInstanceCommand(run.key).send().join();
      } catch (RuntimeException ended) {
        // completed, or cancelled by the test: nothing to clean up
      }
    }
    runs.clear();
  }

  @Override
  public void close() {
    cancelUnfinished();
    client.close();
  }

  /** One journey run: one process instance. */
  final class Run {

    final long key;
    final String contactId;
    final String journeyRunId;

    private Run(long key, String contactId, String journeyRunId) {
      this.key = key;
      this.contactId = contactId;
      this.journeyRunId = journeyRunId;
    }

    /**
     * Completes the next job of {@code type} of this run (or of a sub-journey it called) with {@code variables};
     * returns it as activated.
     */
    ActivatedJob complete(String type, Map<String, Object> variables) {
      ActivatedJob job = awaitJobOfRun(client, type, key);
      client.newCompleteCommand(job).variables(variables).send().join();
      return job;
    }

    /** check-consent answers SEND; returns the check's job. */
    ActivatedJob consentAllows() {
      return complete(JobTypes.CHECK_CONSENT, Map.of("decision", "SEND"));
    }

    /** check-consent answers DEFER until {@code until}. */
    ActivatedJob consentDefers(Instant until) {
      Map<String, Object> result = new HashMap<>();
      result.put("decision", "DEFER");
      result.put("deferUntil", until.toString());
      result.put("suppressReason", "QUIET_HOURS");
      return complete(JobTypes.CHECK_CONSENT, result);
    }

    /** check-consent answers SUPPRESS with {@code reason}. */
    ActivatedJob consentSuppresses(String reason) {
      return complete(JobTypes.CHECK_CONSENT, Map.of("decision", "SUPPRESS", "suppressReason", reason));
    }

    /** send-sms sends; returns the send's job (its inputs are the job's variables). */
    ActivatedJob sends() {
      return complete(JobTypes.SEND_SMS, Map.of("smsMessageId", Long.parseLong(newId())));
    }

    /** The check allows and the send goes out; returns the send's job. */
    ActivatedJob checksAndSends() {
      consentAllows();
      return sends();
    }

    /** send-sms refuses at the moment of sending (consent withdrawn, message cap): BPMN error SEND_SUPPRESSED. */
    ActivatedJob sendRefused(String reason) {
      return throwError(JobTypes.SEND_SMS, "SEND_SUPPRESSED", reason);
    }

    /** send-sms gets a final provider answer (invalid number): BPMN error SEND_FAILED. */
    ActivatedJob sendFails(String reason) {
      return throwError(JobTypes.SEND_SMS, "SEND_FAILED", reason);
    }

    private ActivatedJob throwError(String type, String code, String message) {
      ActivatedJob job = awaitJobOfRun(client, type, key);
      client.newThrowErrorCommand(job).errorCode(code).errorMessage(message).send().join();
      return job;
    }

    /** The next record-outcome job records {@code outcome}, and the run then ends at {@code endEvent}. */
    void endsWith(String outcome, String endEvent) {
      ActivatedJob recorded = complete(JobTypes.RECORD_OUTCOME, Map.of());
      assertThat(recorded.getVariablesAsMap()).as("outcome recorded").containsEntry("outcome", outcome);
      instance().isCompleted().hasPassedElement(endEvent).hasNoIncidents();
    }

    /** An inbound SMS from this run's contact, as the reply correlator publishes it. */
    void replies(String text, String replyClass) {
      publish(Messages.SMS_REPLY, contactId, Map.of("replyText", text, "replyClass", replyClass,
          "replyMessageId", Long.parseLong(newId())));
    }

    void optsOut() {
      publish(Messages.CONTACT_OPTED_OUT, journeyRunId, Map.of("revocationId", 1));
    }

    /**
     * create-crm-task routes the lead to {@code ownerId} and creates task {@code crmTaskId} with the SLA running out at
     * {@code slaDueAt}; returns the job (its variables are what the worker reads).
     */
    ActivatedJob createsCrmTask(String crmTaskId, String ownerId, Instant slaDueAt) {
      return complete(JobTypes.CREATE_CRM_TASK, Map.of("crmTaskId", crmTaskId, "ownerId", ownerId,
          "slaDueAt", slaDueAt.toString(), "escalationLevel", 0));
    }

    /**
     * escalate-lead gives the task to {@code ownerId} with a new SLA deadline, as escalation {@code level} (1: the next
     * rep and the manager told, 2: the team lead); returns the job.
     */
    ActivatedJob escalatesTo(String ownerId, Instant slaDueAt, int level) {
      return complete(JobTypes.ESCALATE_LEAD, Map.of("escalatedTo", ownerId, "ownerId", ownerId,
          "slaDueAt", slaDueAt.toString(), "escalationLevel", level));
    }

    /** A person accepts the task, as the inbox (or a CRM's webhook) publishes it. */
    void accepted(String crmTaskId, String acceptedBy, String acceptedVia) {
      publish(Messages.LEAD_ACCEPTED, crmTaskId, Map.of("acceptedBy", acceptedBy, "acceptedVia", acceptedVia));
    }

    /** The hot-lead hand-off this run called last. */
    long handOff() {
      return InMemoryEngine.calledInstance(key, Journeys.HOT_LEAD_HANDOFF);
    }

    /** The variables this run holds (its own scope), name to JSON. */
    Map<String, String> variables() {
      return InMemoryEngine.instanceVariables(key);
    }

    ProcessInstanceAssert instance() {
      return InMemoryEngine.assertThatInstance(key);
    }

    void isWaitingAt(String... elementIds) {
      instance().isWaitingAtElements(elementIds).hasNoIncidents();
    }

    void cancel() {
      client.newCancelInstanceCommand(key).send().join();
    }
  }
}
