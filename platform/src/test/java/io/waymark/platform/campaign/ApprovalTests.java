package io.waymark.platform.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.waymark.platform.campaign.CampaignFixtures.Cohort;
import io.waymark.platform.governance.AuditLog;
import io.waymark.platform.governance.AuditQuery;
import io.waymark.platform.support.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Approvals: one request per run, open for the expiry; four eyes; one decision, never after expiry. */
@CampaignTest
class ApprovalTests {

  private static final AtomicLong INSTANCES = new AtomicLong(8_000_000);

  @Autowired MockMvc mvc;
  @Autowired Campaigns campaigns;
  @Autowired CampaignRuns runs;
  @Autowired Approvals approvals;
  @Autowired CampaignFixtures fixtures;
  @Autowired ApplicationEvents events;
  @Autowired Clock clock;
  @Autowired AuditLog audit;

  /** A run of a campaign created by maya over the threshold (4 members), resolved, its approval requested. */
  private ApprovalView requested() {
    Cohort cohort = fixtures.cohort(4, "promotions");
    CampaignView campaign = campaigns.create(new NewCampaign("Big sale", cohort.segment().value(),
        CampaignFixtures.TEMPLATE, "promotions", null, Schedule.now(), "maya@acme.example"));
    CampaignRunId run = campaign.runs().getFirst().id();
    runs.markStarted(run, INSTANCES.incrementAndGet());
    assertThat(runs.resolveAudience(run).approvalRequired()).isTrue();
    return approvals.request(run);
  }

  private ResultActions decide(ApprovalView approval, String body) throws Exception {
    return mvc.perform(post("/api/v1/approvals/{id}/decision", approval.id().value())
        .contentType(MediaType.APPLICATION_JSON).content(body));
  }

  @Test
  void requestsOneApprovalPerRunOpenForTheExpiry() {
    ApprovalView approval = requested();

    assertThat(approvals.request(approval.runId()).id()).isEqualTo(approval.id());
    assertThat(approval.status()).isEqualTo("PENDING");
    assertThat(approval.expiresAt()).isEqualTo(approval.requestedAt().plus(Duration.ofDays(2)));
    assertThat(approval.audienceSize()).isEqualTo(4);
    assertThat(approval.reason()).isEqualTo("the audience of 4 is over the approval threshold of 3");
    assertThat(approval.createdBy()).isEqualTo("maya@acme.example");
    assertThat(approval.templateKey()).isEqualTo(CampaignFixtures.TEMPLATE);
    assertThat(approval.templateVersion()).isNotNull();
    assertThat(approvals.list("PENDING")).extracting(ApprovalView::id).contains(approval.id());
    assertThat(runs.find(approval.runId()).orElseThrow().approval().id()).isEqualTo(approval.id());
  }

  @Test
  void refusesTheCampaignCreatorsOwnDecision() throws Exception {
    ApprovalView approval = requested();

    decide(approval, """
        {"decision": "APPROVED", "by": "Maya@Acme.example", "reason": "looks good"}""")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail", containsString("four eyes")))
        .andExpect(jsonPath("$.detail", containsString("created campaign")));

    assertThat(approvals.find(approval.id()).orElseThrow().status()).isEqualTo("PENDING");
    assertThat(events.stream(ApprovalDecided.class)).isEmpty();
  }

  @Test
  void auditsTheDecisionButNotARefusedOne() throws Exception {
    ApprovalView approval = requested();
    AuditQuery ofApproval = AuditQuery.all().bySubject("approval", String.valueOf(approval.id().value()));

    decide(approval, """
        {"decision": "APPROVED", "by": "maya@acme.example", "reason": "mine"}""").andExpect(status().isForbidden());
    assertThat(audit.find(ofApproval, 0, 5).getContent()).isEmpty();
    decide(approval, """
        {"decision": "APPROVED", "by": "lee@acme.example", "reason": "checked the segment"}""")
        .andExpect(status().isOk());

    assertThat(audit.find(ofApproval, 0, 5).getContent()).singleElement().satisfies(entry -> {
      assertThat(entry.action()).isEqualTo("campaign.approval.decided");
      assertThat(entry.before()).isEqualTo("{\"status\":\"PENDING\"}");
      assertThat(entry.after()).contains("\"status\":\"APPROVED\"", "\"decidedBy\":\"lee@acme.example\"",
          "\"reason\":\"checked the segment\"");
      assertThat(entry.detail()).startsWith("APPROVED by lee@acme.example: run " + approval.runId().value());
    });
  }

  @Test
  void takesOneDecisionAndPassesItOn() throws Exception {
    ApprovalView approval = requested();

    decide(approval, """
        {"decision": "APPROVED", "by": "lee@acme.example", "reason": "checked the segment"}""")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("APPROVED"))
        .andExpect(jsonPath("$.decidedBy").value("lee@acme.example"))
        .andExpect(jsonPath("$.decisionReason").value("checked the segment"));
    decide(approval, """
        {"decision": "REJECTED", "by": "kim@acme.example", "reason": "too late"}""")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", containsString("was APPROVED by lee@acme.example")))
        .andExpect(jsonPath("$.detail", containsString("a decision is final")));

    assertThat(events.stream(ApprovalDecided.class)).containsExactly(new ApprovalDecided(approval.id()));
    mvc.perform(get("/api/v1/approvals").param("status", "APPROVED"))
        .andExpect(jsonPath("$[?(@.id == " + approval.id() + ")].status").value("APPROVED"));
  }

  @Test
  void refusesADecisionAfterTheRequestExpired() throws Exception {
    ApprovalView approval = requested();
    fixtures.jdbc().update("update approval_request set expires_at = ? where id = ?",
        LocalDateTime.ofInstant(clock.instant().minusSeconds(1), ZoneOffset.UTC), approval.id().value());

    decide(approval, """
        {"decision": "APPROVED", "by": "lee"}""")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", containsString("expired")))
        .andExpect(jsonPath("$.detail", containsString("APPROVAL_EXPIRED")));

    assertThat(approvals.list("PENDING")).extracting(ApprovalView::id).doesNotContain(approval.id());
    assertThat(approvals.list("EXPIRED")).extracting(ApprovalView::id).contains(approval.id());
    assertThat(events.stream(ApprovalDecided.class)).isEmpty();
  }

  @Test
  void namesWhatIsMissingFromADecision() throws Exception {
    ApprovalView approval = requested();

    decide(approval, """
        {"decision": "MAYBE", "by": "lee"}""").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("decision"));
    decide(approval, """
        {"decision": "APPROVED"}""").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("by"));
    decide(approval, """
        {"decision": "REJECTED", "by": "lee"}""").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("reason"))
        .andExpect(jsonPath("$.detail", containsString("required to reject")));
    mvc.perform(post("/api/v1/approvals/{id}/decision", 999_999).contentType(MediaType.APPLICATION_JSON)
        .content("{\"decision\": \"APPROVED\", \"by\": \"lee\"}")).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/approvals").param("status", "OPEN")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("status"));
  }

  @Test
  void closesAnUndecidedRequestWhenItsRunEnds() throws Exception {
    ApprovalView expired = requested();
    ApprovalView cancelled = requested();

    runs.recordOutcome(expired.runId(), "APPROVAL_EXPIRED");
    campaigns.cancel(cancelled.campaignId(), "maya@acme.example");
    runs.recordOutcome(cancelled.runId(), "CANCELLED");

    assertThat(approvals.find(expired.id()).orElseThrow().status()).isEqualTo("EXPIRED");
    assertThat(approvals.find(cancelled.id()).orElseThrow().status()).isEqualTo("WITHDRAWN");
    decide(cancelled, """
        {"decision": "APPROVED", "by": "lee"}""").andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", containsString("withdrawn")));
  }

  @Test
  void rejectsWithTheReasonGiven() throws Exception {
    ApprovalView approval = requested();

    decide(approval, """
        {"decision": "rejected", "by": "lee", "reason": "the offer ended yesterday"}""")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("REJECTED"))
        .andExpect(jsonPath("$.decisionReason").value("the offer ended yesterday"));
    assertThat(events.stream(ApprovalDecided.class)).hasSize(1);
  }

  @Test
  void pagesPendingRequestsInTheOrderOfTheWholeList() {
    ApprovalView first = requested();
    ApprovalView second = requested();

    List<ApprovalId> whole = approvals.list("PENDING").stream().map(ApprovalView::id).toList();
    List<ApprovalId> paged = new ArrayList<>();
    for (int page = 0; paged.size() < whole.size(); page++) {
      List<ApprovalView> found = approvals.list("PENDING", page, 1);
      assertThat(found).hasSizeLessThanOrEqualTo(1).isNotEmpty();
      paged.add(found.getFirst().id());
    }
    assertThat(paged).isEqualTo(whole).contains(first.id(), second.id());
    assertThat(approvals.list("PENDING", whole.size(), 1)).isEmpty();
    assertThatThrownBy(() -> approvals.list("PENDING", 0, 0)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("size 1 to 500");
    assertThatThrownBy(() -> approvals.list("SOON", 0, 5)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'SOON' is not PENDING");
  }

  @Test
  void namesSensitiveTopicsAndTheSegmentPrice() {
    assertThat(approvals.isSensitiveTopic("collections")).isTrue();
    assertThat(approvals.isSensitiveTopic(" Collections ")).isTrue();
    assertThat(approvals.isSensitiveTopic("promotions")).isFalse();
    assertThat(approvals.isSensitiveTopic(null)).isFalse();
    assertThat(approvals.segmentPrice()).isEqualByComparingTo("0.0079");
    assertThatThrownBy(() -> new CampaignProperties(1000, null, Duration.ofDays(2), 100, Duration.ofDays(7),
        Duration.ofHours(1), new java.math.BigDecimal("-0.01")))
        .hasMessageContaining("waymark.campaigns.segment-price: must be 0 or more");
  }
}
