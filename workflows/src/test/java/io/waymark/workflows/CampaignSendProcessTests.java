package io.waymark.workflows;

import static io.waymark.workflows.testing.InMemoryEngine.assertThatInstance;
import static io.waymark.workflows.testing.InMemoryEngine.awaitJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.waymark.workflows.testing.InMemoryEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The campaign-send model alone, on the real engine, its job types completed by the test: every path (no approval
 * needed; approved, rejected, expired; empty audience) and both stop rules (cancelled, maximum duration), the engine
 * clock moved past every timer.
 */
class CampaignSendProcessTests {

  private static final AtomicLong IDS = new AtomicLong(5_000 + System.nanoTime() % 1_000_000);

  private static CamundaClient client;
  private final List<Long> started = new ArrayList<>();
  private final String campaignRunId = Long.toString(IDS.incrementAndGet());

  @BeforeAll
  static void deploy() {
    client = InMemoryEngine.newClient();
    client.newDeployResourceCommand().addResourceFromClasspath(Journeys.resource(Journeys.CAMPAIGN_SEND)).send().join();
  }

  @AfterEach
  void cancelUnfinished() {
    for (long instance : started) {
      try {
        client.newCancelInstanceCommand(instance).send().join();
      } catch (RuntimeException ended) {
        // completed or cancelled by the test
      }
    }
  }

  @AfterAll
  static void close() {
    client.close();
  }

  /** Starts a run as the campaign starter does. */
  private long start() {
    long instance = client.newCreateInstanceCommand().bpmnProcessId(Journeys.CAMPAIGN_SEND).latestVersion()
        .variables(Map.of("campaignRunId", campaignRunId, "campaignId", "7", "maxDuration", "P7D"))
        .send().join().getProcessInstanceKey();
    started.add(instance);
    return instance;
  }

  private ActivatedJob complete(String type, long instance, Map<String, Object> variables) {
    ActivatedJob job = awaitJob(client, type, instance);
    client.newCompleteCommand(job).variables(variables).send().join();
    return job;
  }

  private ActivatedJob resolves(long instance, int audienceSize, int batchCount, boolean approvalRequired) {
    ActivatedJob job = complete(JobTypes.RESOLVE_AUDIENCE, instance,
        Map.of("audienceSize", audienceSize, "batchCount", batchCount, "approvalRequired", approvalRequired));
    assertThat(job.getVariablesAsMap()).containsEntry("campaignRunId", campaignRunId);
    return job;
  }

  /** request-approval answers with an approval id that expires two days from the engine's now. */
  private String requestsApproval(long instance) {
    String approvalId = Long.toString(IDS.incrementAndGet());
    ActivatedJob job = complete(JobTypes.REQUEST_APPROVAL, instance, Map.of("approvalId", approvalId,
        "approvalExpiresAt", InMemoryEngine.now().plus(Duration.ofDays(2)).toString()));
    assertThat(job.getVariablesAsMap()).containsEntry("campaignRunId", campaignRunId);
    assertThatInstance(instance).isWaitingForMessages(Messages.APPROVAL_DECIDED);
    return approvalId;
  }

  private void decide(String approvalId, String decision) {
    client.newPublishMessageCommand().messageName(Messages.APPROVAL_DECIDED).correlationKey(approvalId)
        .timeToLive(Duration.ZERO)
        .variables(Map.of("approvalDecision", decision, "approvalDecidedBy", "lee", "approvalReason", "ok"))
        .send().join();
  }

  private void cancel() {
    client.newPublishMessageCommand().messageName(Messages.CAMPAIGN_CANCELLED).correlationKey(campaignRunId)
        .timeToLive(Duration.ZERO).variables(Map.of("cancelledBy", "lee")).send().join();
  }

  /** Sends every batch in turn; returns the batch numbers the send jobs were given, in order. */
  private List<Object> sendsBatches(long instance, int batchCount) {
    List<Object> numbers = new ArrayList<>();
    for (int i = 0; i < batchCount; i++) {
      ActivatedJob job = complete(JobTypes.SEND_BATCH, instance,
          Map.of("sentCount", 2, "suppressedCount", 1, "failedCount", 0));
      assertThat(job.getVariablesAsMap()).containsEntry("campaignRunId", campaignRunId);
      numbers.add(job.getVariablesAsMap().get("batchNumber"));
    }
    return numbers;
  }

  private void endsWith(long instance, String outcome, String endEvent) {
    ActivatedJob recorded = complete(JobTypes.RECORD_OUTCOME, instance, Map.of());
    assertThat(recorded.getVariablesAsMap()).containsEntry("outcome", outcome).containsEntry("campaignRunId",
        campaignRunId);
    assertThatInstance(instance).isCompleted().hasPassedElement(endEvent).hasNoIncidents();
  }

  @Test
  void sendsEveryBatchInTurnWhenNoApprovalIsNeeded() {
    long instance = start();
    resolves(instance, 250, 3, false);

    assertThat(sendsBatches(instance, 3)).containsExactly(1, 2, 3);

    endsWith(instance, "SENT", "End_Sent");
    // three batches and the multi-instance body around them
    assertThatInstance(instance).hasNotPassedElement("Task_RequestApproval").hasPassedElement("Task_SendBatch", 4)
        .hasVariableWithValue("batchNumbers", List.of(1, 2, 3));
  }

  @Test
  void waitsForTheApprovalAndSendsOnceApproved() {
    long instance = start();
    resolves(instance, 1500, 2, true);
    String approvalId = requestsApproval(instance);
    assertThatInstance(instance).hasNotPassedElement("Task_SendBatch");

    decide(approvalId, "APPROVED");

    assertThat(sendsBatches(instance, 2)).containsExactly(1, 2);
    endsWith(instance, "SENT", "End_Sent");
    assertThatInstance(instance).hasPassedElement("Message_ApprovalDecided")
        .hasVariableWithValue("approvalDecidedBy", "lee");
  }

  @Test
  void sendsNothingWhenTheApproverRejects() {
    long instance = start();
    resolves(instance, 1500, 2, true);
    String approvalId = requestsApproval(instance);

    decide(approvalId, "REJECTED");

    endsWith(instance, "REJECTED", "End_Rejected");
    assertThatInstance(instance).hasNotPassedElement("Task_SendBatch");
  }

  @Test
  void ignoresTheDecisionOnAnotherApproval() {
    long instance = start();
    resolves(instance, 1500, 2, true);
    requestsApproval(instance);

    decide("someone-elses-approval", "APPROVED");

    assertThatInstance(instance).isWaitingForMessages(Messages.APPROVAL_DECIDED).hasNotPassedElement("Task_SendBatch");
  }

  @Test
  void endsAsExpiredWhenNobodyDecidesInTime() {
    long instance = start();
    resolves(instance, 1500, 2, true);
    requestsApproval(instance);

    InMemoryEngine.increaseTime(Duration.ofDays(1));
    assertThatInstance(instance).isWaitingForMessages(Messages.APPROVAL_DECIDED);
    InMemoryEngine.increaseTime(Duration.ofDays(1).plusMinutes(1));

    endsWith(instance, "APPROVAL_EXPIRED", "End_ApprovalExpired");
    assertThatInstance(instance).hasPassedElement("Timer_ApprovalExpired").hasNotPassedElement("Task_SendBatch");
  }

  @Test
  void endsAtOnceWhenTheAudienceIsEmpty() {
    long instance = start();
    resolves(instance, 0, 0, false);

    endsWith(instance, "EMPTY_AUDIENCE", "End_EmptyAudience");
    assertThatInstance(instance).hasNotPassedElement("Gateway_ApprovalNeeded");
  }

  @Test
  void stopsWhenTheCampaignIsCancelledWhileWaitingForApproval() {
    long instance = start();
    resolves(instance, 1500, 2, true);
    requestsApproval(instance);

    cancel();

    endsWith(instance, "CANCELLED", "End_Cancelled");
    assertThatInstance(instance).hasNotPassedElement("Task_SendBatch");
  }

  @Test
  void stopsBetweenBatchesWhenTheCampaignIsCancelled() {
    long instance = start();
    resolves(instance, 300, 3, false);
    sendsBatches(instance, 1);

    cancel();

    endsWith(instance, "CANCELLED", "End_Cancelled");
    // the first batch only: the body was terminated before the second
    assertThatInstance(instance).hasPassedElement("Task_SendBatch", 1).hasNotPassedElement("Task_RecordSent");
  }

  @Test
  void stopsWhenTheCampaignIsCancelledBeforeTheAudienceIsResolved() {
    long instance = start();
    awaitJob(client, JobTypes.RESOLVE_AUDIENCE, instance);

    cancel();

    endsWith(instance, "CANCELLED", "End_Cancelled");
  }

  @Test
  void stopsAfterTheMaximumDurationWhenABatchNeverCompletes() {
    long instance = start();
    resolves(instance, 300, 3, false);
    awaitJob(client, JobTypes.SEND_BATCH, instance);

    InMemoryEngine.increaseTime(Duration.ofDays(7).plusMinutes(1));

    endsWith(instance, "MAX_DURATION", "End_MaxDuration");
    assertThatInstance(instance).hasNotPassedElement("Task_RecordSent");
  }

  @Test
  void stopsAfterTheMaximumDurationEvenWhileApprovalIsPending() {
    long instance = client.newCreateInstanceCommand().bpmnProcessId(Journeys.CAMPAIGN_SEND).latestVersion()
        .variables(Map.of("campaignRunId", campaignRunId, "campaignId", "7", "maxDuration", "P1D"))
        .send().join().getProcessInstanceKey();
    started.add(instance);
    resolves(instance, 1500, 2, true);
    requestsApproval(instance);

    InMemoryEngine.increaseTime(Duration.ofDays(1).plusMinutes(1));

    endsWith(instance, "MAX_DURATION", "End_MaxDuration");
    assertThatInstance(instance).hasNotPassedElement("Timer_ApprovalExpired");
  }
}
