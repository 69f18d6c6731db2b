package io.waymark.workflows;

import static io.waymark.workflows.testing.InMemoryEngine.assertThatInstance;
import static io.waymark.workflows.testing.InMemoryEngine.awaitJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.waymark.workflows.testing.InMemoryEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lead-follow-up model alone, on the real engine, its job types completed by the test. */
class LeadFollowUpProcessTests {

  private static CamundaClient client;

  private final String contactId = UUID.randomUUID().toString();
  private final String journeyRunId = UUID.randomUUID().toString();

  @BeforeAll
  static void deploy() {
    client = InMemoryEngine.newClient();
    client.newDeployResourceCommand().addResourceFromClasspath(Journeys.resource(Journeys.LEAD_FOLLOW_UP))
        .send().join();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  private long start() {
    return client.newCreateInstanceCommand().bpmnProcessId(Journeys.LEAD_FOLLOW_UP).latestVersion()
        .variables(Map.of("contactId", contactId, "journeyRunId", journeyRunId, "firstName", "Maya")).send().join().getProcessInstanceKey();
  }

  private ActivatedJob complete(String type, long instance, Map<String, Object> variables) {
    ActivatedJob job = awaitJob(client, type, instance);
    client.newCompleteCommand(job).variables(variables).send().join();
    return job;
  }

  private void sendAndReachTheWait(long instance) {
    ActivatedJob check = complete(JobTypes.CHECK_CONSENT, instance, Map.of("decision", "SEND"));
    assertThat(check.getVariablesAsMap()).containsEntry("topic", "promotions")
        .containsEntry("messageClass", "promotional");
    ActivatedJob send = complete(JobTypes.SEND_SMS, instance, Map.of("smsMessageId", 1));
    assertThat(send.getVariablesAsMap()).containsEntry("templateId", "lead-follow-up.first-text")
        .containsEntry("topic", "promotions").containsEntry("messageClass", "promotional");
    assertThatInstance(instance).isWaitingForMessages(Messages.SMS_REPLY);
  }

  @Test
  void endsAsRepliedWhenTheLeadRepliesToTheFirstSms() {
    long instance = start();
    sendAndReachTheWait(instance);

    client.newPublishMessageCommand().messageName(Messages.SMS_REPLY).correlationKey(contactId)
        .variables(Map.of("replyText", "Yes, call me")).send().join();
    ActivatedJob outcome = complete(JobTypes.RECORD_OUTCOME, instance, Map.of());

    assertThat(outcome.getVariablesAsMap()).containsEntry("outcome", "REPLIED");
    assertThatInstance(instance).isCompleted().hasPassedElement("End_Replied")
        .hasNotPassedElement("Task_SendFallbackEmail").hasVariableWithValue("replyText", "Yes, call me");
  }

  @Test
  void ignoresRepliesOfOtherContacts() {
    long instance = start();
    sendAndReachTheWait(instance);

    client.newPublishMessageCommand().messageName(Messages.SMS_REPLY).correlationKey("someone-else")
        .timeToLive(Duration.ZERO).send().join();

    assertThatInstance(instance).isWaitingForMessages(Messages.SMS_REPLY).isNotCompleted();
    client.newCancelInstanceCommand(instance).send().join();
  }

  @Test
  void emailsAfterThreeDaysWithoutAReply() {
    long instance = start();
    sendAndReachTheWait(instance);

    InMemoryEngine.increaseTime(Duration.ofDays(2));
    assertThatInstance(instance).isWaitingForMessages(Messages.SMS_REPLY);
    InMemoryEngine.increaseTime(Duration.ofDays(1).plusMinutes(1));
    ActivatedJob email = complete(JobTypes.SEND_EMAIL, instance, Map.of("emailStatus", "SENT"));
    assertThat(email.getVariablesAsMap()).containsEntry("templateId", "lead-follow-up.fallback-email");
    ActivatedJob outcome = complete(JobTypes.RECORD_OUTCOME, instance, Map.of());

    assertThat(outcome.getVariablesAsMap()).containsEntry("outcome", "NO_REPLY");
    assertThatInstance(instance).isCompleted().hasPassedElement("Timer_NoReply3Days").hasPassedElement("End_NoReply");
  }

  @Test
  void endsSuppressedWithoutSendingWhenThePolicySuppresses() {
    long instance = start();
    complete(JobTypes.CHECK_CONSENT, instance, Map.of("decision", "SUPPRESS", "suppressReason", "NO_CONSENT"));
    ActivatedJob outcome = complete(JobTypes.RECORD_OUTCOME, instance, Map.of());

    assertThat(outcome.getVariablesAsMap()).containsEntry("outcome", "SUPPRESSED");
    assertThatInstance(instance).isCompleted().hasPassedElement("End_Suppressed")
        .hasNotPassedElement("Task_SendFirstSms");
  }

  @Test
  void waitsUntilTheDeferredInstantAndAsksAgain() {
    long instance = start();
    Instant until = InMemoryEngine.now().plus(Duration.ofHours(10));
    complete(JobTypes.CHECK_CONSENT, instance, Map.of("decision", "DEFER", "deferUntil", until.toString()));
    assertThatInstance(instance).isWaitingAtElements("Timer_DeferUntil");

    InMemoryEngine.increaseTime(Duration.ofHours(10).plusMinutes(1));
    sendAndReachTheWait(instance);

    assertThatInstance(instance).hasPassedElement("Task_CheckConsent", 2);
    client.newCancelInstanceCommand(instance).send().join();
  }

  @Test
  void endsSuppressedWhenTheSendIsRefusedAtTheMomentOfSending() {
    long instance = start();
    complete(JobTypes.CHECK_CONSENT, instance, Map.of("decision", "SEND"));
    ActivatedJob send = awaitJob(client, JobTypes.SEND_SMS, instance);
    client.newThrowErrorCommand(send).errorCode("SEND_SUPPRESSED").errorMessage("NO_CONSENT").send().join();
    complete(JobTypes.RECORD_OUTCOME, instance, Map.of());

    assertThatInstance(instance).isCompleted().hasPassedElement("Error_SuppressedAtSend")
        .hasPassedElement("End_Suppressed");
  }

  @Test
  void endsWhenTheNumberCannotBeReachedForGood() {
    long instance = start();
    complete(JobTypes.CHECK_CONSENT, instance, Map.of("decision", "SEND"));
    ActivatedJob send = awaitJob(client, JobTypes.SEND_SMS, instance);
    client.newThrowErrorCommand(send).errorCode("SEND_FAILED").errorMessage("INVALID_NUMBER").send().join();
    ActivatedJob outcome = complete(JobTypes.RECORD_OUTCOME, instance, Map.of());

    assertThat(outcome.getVariablesAsMap()).containsEntry("outcome", "SEND_FAILED");
    assertThatInstance(instance).isCompleted().hasPassedElement("End_SendFailed")
        .hasNotPassedElement("Gateway_WaitForReply");
  }

  private void optOut() {
    client.newPublishMessageCommand().messageName(Messages.CONTACT_OPTED_OUT).correlationKey(journeyRunId)
        .timeToLive(Duration.ZERO).send().join();
  }

  private void endsOptedOut(long instance) {
    ActivatedJob outcome = complete(JobTypes.RECORD_OUTCOME, instance, Map.of());
    assertThat(outcome.getVariablesAsMap()).containsEntry("outcome", "OPTED_OUT");
    assertThatInstance(instance).isCompleted().hasPassedElement("End_OptedOut")
        .hasNotPassedElement("Task_SendFallbackEmail");
  }

  @Test
  void stopsAtOnceWhenTheContactOptsOutWhileWaitingForAReply() {
    long instance = start();
    sendAndReachTheWait(instance);

    optOut();

    endsOptedOut(instance);
    InMemoryEngine.increaseTime(Duration.ofDays(4));
    assertThatInstance(instance).hasNotPassedElement("Timer_NoReply3Days");
  }

  @Test
  void stopsWhenTheContactOptsOutWhileTheSendIsDeferred() {
    long instance = start();
    complete(JobTypes.CHECK_CONSENT, instance,
        Map.of("decision", "DEFER", "deferUntil", InMemoryEngine.now().plus(Duration.ofHours(8)).toString()));
    assertThatInstance(instance).isWaitingAtElements("Timer_DeferUntil");

    optOut();

    endsOptedOut(instance);
    assertThatInstance(instance).hasNotPassedElement("Task_SendFirstSms");
  }

  @Test
  void stopsWhenTheContactOptsOutBeforeTheFirstCheck() {
    long instance = start();
    optOut();
    endsOptedOut(instance);
  }
}
