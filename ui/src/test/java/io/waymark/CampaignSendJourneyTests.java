package io.waymark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.waymark.platform.campaign.CampaignRunId;
import io.waymark.platform.campaign.CampaignRuns;
import io.waymark.platform.campaign.RunView;
import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.consent.OptIn;
import io.waymark.platform.consent.Revocation;
import io.waymark.platform.contact.ContactDetails;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.messaging.SmsSandbox;
import io.waymark.workflows.Journeys;
import io.waymark.workflows.testing.InMemoryEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * campaign-send end to end: the HTTP API, the real workers, the sandbox provider. A NOW campaign over the approval
 * threshold (2 in tests) waits for an approver, then texts every eligible member of its segment exactly once, in two
 * batches (2 per batch in tests), and nobody who opted out; a send-batch job delivered again sends nothing twice.
 */
@EngineTest
class CampaignSendJourneyTests extends EngineTest.Base {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired SmsSandbox sandbox;
  @Autowired ContactDirectory contacts;
  @Autowired ConsentLedger consent;
  @Autowired CampaignRuns runs;
  @Autowired CamundaClient client;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  private final String cohort = UUID.randomUUID().toString();

  private ContactView member(String firstName, boolean optedIn) {
    String phone = "+1415553" + String.format("%04d", Math.floorMod((cohort + firstName).hashCode(), 10_000));
    ContactView contact = contacts.upsert(new ContactDetails(phone, null, firstName, null, null, null, "US-CA", null,
        Map.of("cohort", cohort)));
    consent.recordOptIn(new OptIn(contact.id(), phone, List.of("promotions"), "web-form", "Yes, text me offers.",
        null, clock.instant().minus(Duration.ofDays(3))));
    if (!optedIn) {
      consent.recordRevocation(new Revocation(contact.id(), phone, ConsentLedger.DEFAULT_BRAND, List.of(), "sms",
          "STOP", clock.instant().minus(Duration.ofDays(1)), null, null));
    }
    return contact;
  }

  private JsonNode read(ResultActions result) throws Exception {
    return json.readTree(result.andReturn().getResponse().getContentAsString());
  }

  private ResultActions postJson(String path, String body) throws Exception {
    return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private RunView awaitRun(CampaignRunId run, String status) {
    return await().atMost(Duration.ofSeconds(20)).until(() -> runs.find(run).orElseThrow(),
        found -> found.status().equals(status));
  }

  @Test
  void textsEveryEligibleMemberOnceAfterApprovalAndNobodyWhoOptedOut() throws Exception {
    List<ContactView> eligible = new ArrayList<>(List.of(member("Ana", true), member("Ben", true),
        member("Cleo", true)));
    ContactView optedOut = member("Dev", false);
    long segment = read(postJson("/api/v1/segments", """
        {"name": "Cohort %s", "rule": {"attribute": "cohort", "op": "eq", "value": "%s"}}""".formatted(cohort, cohort))
        .andExpect(status().isCreated())).path("id").asLong();

    JsonNode campaign = read(postJson("/api/v1/campaigns", """
        {"name": "Spring sale", "segmentId": %d, "templateKey": "lead-follow-up.first-text", "topic": "promotions",
         "schedule": {"type": "NOW"}, "createdBy": "maya@acme.example"}""".formatted(segment))
        .andExpect(status().isCreated()));
    CampaignRunId run = new CampaignRunId(campaign.path("runs").path(0).path("id").asLong());

    awaitRun(run, "RUNNING");
    JsonNode approval = await().atMost(Duration.ofSeconds(20)).until(() -> pendingApprovalOf(run),
        found -> found != null);
    assertThat(approval.path("audienceSize").asInt()).isEqualTo(3);
    assertThat(approval.path("reason").asText()).isEqualTo("the audience of 3 is over the approval threshold of 2");
    InMemoryEngine.assertThatInstance(runs.find(run).orElseThrow().processInstanceKey())
        .isWaitingForMessages("approval-decided");
    for (ContactView member : eligible) {
      assertThat(sandbox.recorded(member.phone(), 0, 10)).as(member.firstName()).isEmpty();
    }

    postJson("/api/v1/approvals/" + approval.path("id").asLong() + "/decision", """
        {"decision": "APPROVED", "by": "maya@acme.example", "reason": "mine"}""")
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail", containsString("four eyes")));
    postJson("/api/v1/approvals/" + approval.path("id").asLong() + "/decision", """
        {"decision": "APPROVED", "by": "lee@acme.example", "reason": "segment and text checked"}""")
        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));

    RunView sent = awaitRun(run, "ENDED");
    assertThat(sent.outcome()).isEqualTo("SENT");
    assertThat(sent.counts().resolved()).isEqualTo(3);
    assertThat(sent.counts().sent()).isEqualTo(3);
    assertThat(sent.batchCount()).isEqualTo(2);
    for (ContactView member : eligible) {
      assertThat(sandbox.recorded(member.phone(), 0, 10)).as(member.firstName()).singleElement()
          .satisfies(sms -> assertThat(sms.body()).startsWith("Hi " + member.firstName() + ", thanks for reaching out"));
    }
    assertThat(sandbox.recorded(optedOut.phone(), 0, 10)).isEmpty();
    mvc.perform(get("/api/v1/campaign-runs/{id}", run.value()))
        .andExpect(jsonPath("$.run.approval.status").value("APPROVED"))
        .andExpect(jsonPath("$.steps[*].elementId").value(org.hamcrest.Matchers.contains("Task_ResolveAudience",
            "Task_RequestApproval", "Task_SendBatch", "Task_SendBatch", "Task_RecordSent")));
    mvc.perform(get("/api/v1/campaigns/{id}", campaign.path("id").asLong()))
        .andExpect(jsonPath("$.status").value("COMPLETED"))
        .andExpect(jsonPath("$.runs[0].counts.sent").value(3));
    long smsId = jdbc.queryForObject("select id from outbound_message where phone = ?", Long.class,
        eligible.getFirst().phone());
    mvc.perform(get("/api/v1/messages/{id}/why", smsId))
        .andExpect(jsonPath("$.origin.kind").value("campaign"))
        .andExpect(jsonPath("$.origin.details.runId").value(run.value()))
        .andExpect(jsonPath("$.origin.details.segmentId").value(segment))
        .andExpect(jsonPath("$.summary").value(org.hamcrest.Matchers.startsWith(
            "Campaign 'Spring sale' (run " + run.value() + ", by maya@acme.example) sent to the segment 'Cohort "
                + cohort + "'")))
        .andExpect(jsonPath("$.policy.verdict").value("SEND"));

    sendsNothingTwiceWhenTheFirstBatchIsDeliveredAgain(run, eligible);
  }

  private JsonNode pendingApprovalOf(CampaignRunId run) throws Exception {
    for (JsonNode approval : read(mvc.perform(get("/api/v1/approvals").param("status", "PENDING")))) {
      if (approval.path("runId").asLong() == run.value()) {
        return approval;
      }
    }
    return null;
  }

  /**
   * The crash window: the first batch's texts went out but the worker died before recording them, so the engine
   * delivers the send-batch job again. The run is put back as it stood then, and an instance of the same run starts
   * at the batch: the real worker sends it again, and the outbound ledger's key per run and contact answers with the
   * first send, texting nobody twice.
   */
  private void sendsNothingTwiceWhenTheFirstBatchIsDeliveredAgain(CampaignRunId run, List<ContactView> eligible) {
    List<Long> messageIds = jdbc.queryForList("select message_id from campaign_audience where run_id = ? and "
        + "batch_number = 1 order by contact_id", Long.class, run.value());
    jdbc.update("update campaign_audience set status = 'PENDING', message_id = null where run_id = ? and "
        + "batch_number = 1", run.value());
    jdbc.update("update campaign_run set status = 'RUNNING', outcome = null, ended_at = null where id = ?",
        run.value());

    long again = client.newCreateInstanceCommand().bpmnProcessId(Journeys.CAMPAIGN_SEND).latestVersion()
        .variables(Map.of("campaignRunId", run.toString(), "campaignId", "0", "maxDuration", "P7D",
            "batchNumbers", List.of(1)))
        .startBeforeElement("Task_SendBatch").send().join().getProcessInstanceKey();

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> InMemoryEngine.assertThatInstance(again).isCompleted());
    assertThat(awaitRun(run, "ENDED").counts().sent()).isEqualTo(3);
    assertThat(jdbc.queryForList("select message_id from campaign_audience where run_id = ? and batch_number = 1 "
        + "order by contact_id", Long.class, run.value())).isEqualTo(messageIds);
    for (ContactView member : eligible) {
      assertThat(sandbox.recorded(member.phone(), 0, 10)).as(member.firstName()).hasSize(1);
    }
  }
}
