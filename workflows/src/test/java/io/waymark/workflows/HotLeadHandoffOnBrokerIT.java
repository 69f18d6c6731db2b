package io.waymark.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hot-lead hand-off through both callers on a real broker: the embedded engine's Zeebe 8.6.0 (or a cluster) at
 * {@code WAYMARK_TEST_ZEEBE_ADDRESS}, e.g. {@code http://127.0.0.1:26500}; skips without it. The in-memory test engine
 * is Zeebe 8.8, whose FEEL and variable handling differ in places from the embedded broker's; this runs what the
 * process tests run with the engine clock (a null output, a context input, output mappings of a call activity, the
 * SLA timer at a worker's instant) on the broker the application embeds, in real time with SLAs of a few seconds.
 * Jobs are told apart by the run's {@code journeyRunId}, which the sub-journey's jobs see too. It also deploys every
 * bundled journey and sub-journey there.
 */
class HotLeadHandoffOnBrokerIT {

  private static final String ADDRESS = System.getenv("WAYMARK_TEST_ZEEBE_ADDRESS");
  private static final Duration TTL = Duration.ofMinutes(1);

  private static CamundaClient client;

  @BeforeAll
  static void deploy() {
    if (ADDRESS == null || ADDRESS.isBlank()) {
      return;
    }
    client = CamundaClient.newClientBuilder().grpcAddress(URI.create(ADDRESS)).preferRestOverGrpc(false)
        .defaultRequestTimeout(Duration.ofSeconds(10)).build();
    for (String processId : List.of(Journeys.HOT_LEAD_HANDOFF, Journeys.LEAD_FOLLOW_UP, Journeys.BUYER_INTENT)) {
      client.newDeployResourceCommand().addResourceFromClasspath(Journeys.resource(processId)).send().join();
    }
  }

  @BeforeEach
  void requireBroker() {
    assumeTrue(client != null, "no broker: set WAYMARK_TEST_ZEEBE_ADDRESS (e.g. http://127.0.0.1:26500, the "
        + "embedded Zeebe 8.6.0 started by the ui module or by hand)");
  }

  @AfterAll
  static void close() {
    if (client != null) {
      client.close();
    }
  }

  /** A run as the journey starter starts it; answers its journeyRunId. */
  private static String start(String processId, String eventType, Map<String, Object> attributes) {
    String journeyRunId = JourneyDriver.newId();
    Map<String, Object> variables = new HashMap<>();
    variables.put("contactId", journeyRunId);
    variables.put("journeyRunId", journeyRunId);
    variables.put("eventId", "event-" + journeyRunId);
    variables.put("eventType", eventType);
    variables.put("firstName", "Maya");
    variables.put("attributes", attributes);
    variables.put("sendNotAfter", Instant.now().plus(Duration.ofDays(2)).toString());
    client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(variables).send().join();
    return journeyRunId;
  }

  /** The next job of {@code type} of the run (its sub-journey's included) within {@code within}, if any. */
  private static Optional<ActivatedJob> job(String type, String journeyRunId, Duration within) {
    Instant deadline = Instant.now().plus(within);
    do {
      for (ActivatedJob job : client.newActivateJobsCommand().jobType(type).maxJobsToActivate(10)
          .timeout(Duration.ofSeconds(30)).requestTimeout(Duration.ofSeconds(2)).send().join().getJobs()) {
        if (journeyRunId.equals(job.getVariablesAsMap().get("journeyRunId"))) {
          return Optional.of(job);
        }
        client.newFailCommand(job).retries(job.getRetries()).send().join();
      }
    } while (Instant.now().isBefore(deadline));
    return Optional.empty();
  }

  private static ActivatedJob complete(String type, String journeyRunId, Map<String, Object> variables) {
    ActivatedJob job = job(type, journeyRunId, Duration.ofSeconds(20))
        .orElseThrow(() -> new AssertionError("no " + type + " job for run " + journeyRunId + " within 20 s"));
    client.newCompleteCommand(job).variables(variables).send().join();
    return job;
  }

  private static String in(Duration sla) {
    return Instant.now().plus(sla).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static ActivatedJob createsTask(String journeyRunId, String crmTaskId, Duration sla) {
    return complete(JobTypes.CREATE_CRM_TASK, journeyRunId, Map.of("crmTaskId", crmTaskId, "ownerId", "rep-ana",
        "slaDueAt", in(sla), "escalationLevel", 0));
  }

  private static ActivatedJob escalates(String journeyRunId, String to, Duration sla, int level) {
    return complete(JobTypes.ESCALATE_LEAD, journeyRunId, Map.of("escalatedTo", to, "ownerId", to,
        "slaDueAt", in(sla), "escalationLevel", level));
  }

  private static void publish(String message, String key, Map<String, Object> variables) {
    client.newPublishMessageCommand().messageName(message).correlationKey(key).timeToLive(TTL).variables(variables)
        .send().join();
  }

  /** The run's record-outcome job, completed: its variables are what the run holds at the end. */
  private static Map<String, Object> recorded(String journeyRunId) {
    return complete(JobTypes.RECORD_OUTCOME, journeyRunId, Map.of()).getVariablesAsMap();
  }

  @Test
  void theBrokerAcceptsEveryBundledJourneyAndSubJourney() {
    for (String processId : Journeys.BUNDLED) {
      var deployment = client.newDeployResourceCommand().addResourceFromClasspath(Journeys.resource(processId))
          .send().join();
      assertThat(deployment.getProcesses()).as(processId).singleElement()
          .satisfies(process -> assertThat(process.getBpmnProcessId()).isEqualTo(processId));
    }
  }

  @Test
  void buyerIntentEndsAcceptedWhenTheOwnerAcceptsInTime() {
    String run = start(Journeys.BUYER_INTENT, "pricing.viewed", Map.of());

    ActivatedJob task = createsTask(run, "task-" + run, Duration.ofMinutes(5));
    publish(Messages.LEAD_ACCEPTED, "task-" + run, Map.of("acceptedBy", "rep-ana", "acceptedVia", "INBOX"));

    assertThat(task.getVariablesAsMap().get("leadSignal")).isEqualTo(Map.of("type", "INTENT_EVENT",
        "eventType", "pricing.viewed", "text", "Viewed the pricing page"));
    assertThat(recorded(run)).containsEntry("outcome", "ACCEPTED").containsEntry("leadOutcome", "ACCEPTED")
        .containsEntry("crmTaskId", "task-" + run).containsEntry("acceptedBy", "rep-ana")
        .doesNotContainKeys("slaDueAt", "escalationLevel", "acceptedVia");
  }

  @Test
  void buyerIntentEndsUnacceptedAfterTwoEscalations() {
    String run = start(Journeys.BUYER_INTENT, "demo.requested", Map.of("message", "20 seats"));
    ActivatedJob task = createsTask(run, "task-" + run, Duration.ofSeconds(2));

    ActivatedJob first = escalates(run, "rep-ben", Duration.ofSeconds(2), 1);
    ActivatedJob second = escalates(run, "lead-cara", Duration.ofSeconds(2), 2);

    assertThat(task.getVariablesAsMap().get("leadSignal")).isEqualTo(Map.of("type", "INTENT_EVENT",
        "eventType", "demo.requested", "text", "Requested a demo: 20 seats"));
    assertThat(first.getVariablesAsMap()).containsEntry("escalationLevel", 0).containsEntry("crmTaskId", "task-" + run);
    assertThat(second.getVariablesAsMap()).containsEntry("escalationLevel", 1).containsEntry("ownerId", "rep-ben");
    assertThat(recorded(run)).containsEntry("outcome", "UNACCEPTED").containsEntry("ownerId", "lead-cara")
        .containsEntry("acceptedBy", null);
  }

  @Test
  void leadFollowUpHandsAHotReplyToSalesAndRecordsHotLead() {
    String run = start(Journeys.LEAD_FOLLOW_UP, "lead.created", Map.of());
    complete(JobTypes.CHECK_CONSENT, run, Map.of("decision", "SEND"));
    complete(JobTypes.SEND_SMS, run, Map.of("smsMessageId", 7));
    publish(Messages.SMS_REPLY, run, Map.of("replyText", "1", "replyClass", "HOT", "replyMessageId", 42));

    ActivatedJob task = createsTask(run, "task-" + run, Duration.ofSeconds(2));
    escalates(run, "rep-ben", Duration.ofMinutes(5), 1);
    publish(Messages.LEAD_ACCEPTED, "task-" + run, Map.of("acceptedBy", "rep-ben", "acceptedVia", "HUBSPOT"));

    assertThat(task.getVariablesAsMap().get("leadSignal")).isEqualTo(Map.of("type", "REPLY", "text", "1",
        "messageId", 42));
    assertThat(recorded(run)).containsEntry("outcome", "HOT_LEAD")
        .containsEntry("leadOutcome", "ACCEPTED_AFTER_ESCALATION").containsEntry("acceptedBy", "rep-ben");
  }

  @Test
  void anOptOutWhileTheTaskWaitsStopsTheHandOffWithoutEscalation() {
    String run = start(Journeys.BUYER_INTENT, "pricing.viewed", Map.of("page", "/pricing"));
    createsTask(run, "task-" + run, Duration.ofSeconds(3));

    publish(Messages.CONTACT_OPTED_OUT, run, Map.of("revocationId", 1));

    assertThat(recorded(run)).containsEntry("outcome", "OPTED_OUT");
    assertThat(job(JobTypes.ESCALATE_LEAD, run, Duration.ofSeconds(6))).as("an escalation after the opt-out").isEmpty();
  }
}
