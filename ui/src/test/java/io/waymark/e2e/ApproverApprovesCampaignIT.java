package io.waymark.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.waymark.platform.campaign.CampaignRunId;
import io.waymark.platform.campaign.CampaignRuns;
import io.waymark.platform.campaign.RunView;
import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.consent.OptIn;
import io.waymark.platform.contact.ContactDetails;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.messaging.SmsSandbox;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An approver signs off a campaign in the browser: a NOW campaign over the approval threshold (2 in tests), created by
 * a designer through the REST API, waits in the Approvals view; the approver selects it, writes a comment and
 * approves; the campaign-send run then texts every member once.
 */
@BrowserTest
class ApproverApprovesCampaignIT extends BrowserTest.Base {

  @Autowired ContactDirectory contacts;
  @Autowired ConsentLedger consent;
  @Autowired CampaignRuns runs;
  @Autowired SmsSandbox sandbox;
  @Autowired Clock clock;
  @Autowired JdbcTemplate jdbc;

  private final String cohort = UUID.randomUUID().toString();
  private final String campaignName = "E2E sale " + cohort.substring(0, 8);

  /**
   * {@code approval-decided} is published once per approval (message id {@code approval-decided-<id>}, kept until the
   * approval expires) into the in-memory engine, which outlives every test context; the Karibu tests' contexts number
   * their approvals from 1 too. Were this context's approval 1, the engine would take its decision for a duplicate of
   * an earlier context's and drop it, and the run would wait for ever: this context's approvals start further on.
   */
  @BeforeEach
  void approvalIdsNoEarlierContextUsed() {
    Long last = jdbc.queryForObject("select coalesce(max(id), 0) from approval_request", Long.class);
    jdbc.execute("alter table approval_request alter column id restart with " + Math.max(900_000, last + 1));
  }

  private ContactView member(String firstName) {
    String phone = "+1415557" + String.format("%04d", Math.floorMod((cohort + firstName).hashCode(), 10_000));
    ContactView contact = contacts.upsert(new ContactDetails(phone, null, firstName, null, null, null, "US-CA", null,
        Map.of("cohort", cohort)));
    consent.recordOptIn(new OptIn(contact.id(), phone, List.of("promotions"), "web-form", "Yes, text me offers.",
        null, clock.instant().minus(Duration.ofDays(3))));
    return contact;
  }

  @Test
  void anApproverApprovesACampaignWithACommentAndItIsSent() {
    List<ContactView> members = Stream.of("Ana", "Ben", "Cleo").map(this::member).toList();
    long segment = api.post("/api/v1/segments", """
        {"name": "Cohort %s", "rule": {"attribute": "cohort", "op": "eq", "value": "%s"}}""".formatted(cohort, cohort),
        201).path("id").asLong();
    JsonNode campaign = api.post("/api/v1/campaigns", """
        {"name": "%s", "segmentId": %d, "templateKey": "lead-follow-up.first-text", "topic": "promotions",
         "schedule": {"type": "NOW"}, "createdBy": "designer"}""".formatted(campaignName, segment), 201);
    CampaignRunId run = new CampaignRunId(campaign.path("runs").path(0).path("id").asLong());
    long approvalId = await().atMost(Duration.ofSeconds(20)).until(() -> pendingApprovalOf(run), id -> id != null);
    assertThat(approvalId).as("an approval id no earlier context used").isGreaterThanOrEqualTo(900_000);

    browser.signIn("approver");
    browser.open("approvals");
    browser.selectRow("approval-requests", campaignName);
    browser.screenshot("approvals");
    browser.type("approval-comment", "segment and text checked");
    browser.click("approval-approve");

    RunView sent = await().atMost(Duration.ofSeconds(30)).until(() -> runs.find(run).orElseThrow(),
        found -> found.status().equals("ENDED"));
    assertThat(sent.outcome()).isEqualTo("SENT");
    assertThat(sent.counts().sent()).isEqualTo(3);
    JsonNode approval = api.get("/api/v1/approvals/" + approvalId);
    assertThat(approval.path("status").asText()).isEqualTo("APPROVED");
    assertThat(approval.path("decidedBy").asText()).isEqualTo("approver");
    assertThat(approval.path("decisionReason").asText()).isEqualTo("segment and text checked");
    for (ContactView member : members) {
      assertThat(sandbox.recorded(member.phone(), 0, 10)).as(member.firstName()).hasSize(1);
    }
    browser.screenshot("approvals-approved");
  }

  private Long pendingApprovalOf(CampaignRunId run) {
    for (JsonNode approval : api.get("/api/v1/approvals?status=PENDING")) {
      if (approval.path("runId").asLong() == run.value()) {
        return approval.path("id").asLong();
      }
    }
    return null;
  }
}
