package io.waymark.ui.approvals;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import io.waymark.EngineTest;
import io.waymark.platform.campaign.ApprovalView;
import io.waymark.platform.campaign.Approvals;
import io.waymark.platform.campaign.CampaignRunId;
import io.waymark.platform.campaign.CampaignRuns;
import io.waymark.platform.campaign.Campaigns;
import io.waymark.platform.campaign.FourEyesException;
import io.waymark.platform.campaign.NewCampaign;
import io.waymark.platform.campaign.RunView;
import io.waymark.platform.campaign.Schedule;
import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.consent.OptIn;
import io.waymark.platform.contact.ContactDetails;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.governance.Role;
import io.waymark.platform.segment.NewSegment;
import io.waymark.platform.segment.Segments;
import io.waymark.platform.template.MessageTemplates;
import io.waymark.ui.layout.KaribuViews;
import io.waymark.ui.layout.SignIn;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;


/**
 * Approvals, browserless, on the real campaign-send journey (the approval threshold is 2 in tests, so a campaign to
 * three contacts waits for sign-off): the pending request with its estimate, approve and reject with a comment (the
 * run goes on or ends), the requester's own request, and the guards (a rep cannot open the view nor decide).
 */
@EngineTest
class ApprovalsViewTests extends EngineTest.Base {

  private static final String TEMPLATE = "lead-follow-up.first-text";

  @Autowired ApplicationContext context;
  @Autowired ContactDirectory contacts;
  @Autowired ConsentLedger consent;
  @Autowired Segments segments;
  @Autowired Campaigns campaigns;
  @Autowired CampaignRuns runs;
  @Autowired Approvals approvals;
  @Autowired ApprovalDesk desk;
  @Autowired MessageTemplates templates;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @Autowired ObjectMapper json;

  @BeforeEach
  void openUi() {
    KaribuViews.open(context);
  }

  @AfterEach
  void closeUi() {
    KaribuViews.close();
  }

  /** A NOW campaign by {@code requester} to three opted-in contacts, waiting for its approval. */
  private ApprovalView pending(String name, String requester) {
    String cohort = UUID.randomUUID().toString();
    for (int i = 0; i < 3; i++) {
      String phone = "+1415559" + String.format("%04d", Math.floorMod((cohort + i).hashCode(), 10_000));
      var contact = contacts.upsert(new ContactDetails(phone, null, "Member" + i, null, null, null, "US-CA", null,
          Map.of("cohort", cohort)));
      consent.recordOptIn(new OptIn(contact.id(), phone, List.of("promotions"), "web-form", "Yes, text me offers.",
          null, clock.instant().minus(Duration.ofDays(3))));
    }
    long segment = segments.create(new NewSegment("cohort " + cohort, null,
        json.valueToTree(Map.of("attribute", "cohort", "op", "eq", "value", cohort)))).id().value();
    CampaignRunId run = campaigns.create(new NewCampaign(name, segment, TEMPLATE, "promotions", null, Schedule.now(),
        requester)).runs().getFirst().id();
    return await().atMost(Duration.ofSeconds(30)).until(() -> approvals.list("PENDING").stream()
        .filter(a -> a.runId().equals(run)).findFirst(), Optional::isPresent).orElseThrow();
  }

  private static ApprovalsView open(String username, Role... roles) {
    SignIn.as(username, roles);
    UI.getCurrent().navigate(ApprovalsView.class);
    return _get(ApprovalsView.class);
  }

  private static Optional<ApprovalsView.Row> row(ApprovalsView view, ApprovalView approval) {
    return IntStream.range(0, GridKt._size(view.requests)).mapToObj(i -> GridKt._get(view.requests, i))
        .filter(r -> r.approval().id().equals(approval.id())).findFirst();
  }

  private static ApprovalPanel select(ApprovalsView view, ApprovalView approval) {
    view.requests.select(row(view, approval).orElseThrow(() -> new AssertionError(approval.id() + " not listed")));
    return view.panel;
  }

  private RunView awaitRunEnded(CampaignRunId run) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> runs.find(run).orElseThrow(),
        found -> found.status().equals("ENDED"));
  }

  private int auditEntries(ApprovalView approval) {
    return jdbc.queryForObject("select count(*) from audit_entry where subject_type = 'approval' and subject_id = ?",
        Integer.class, String.valueOf(approval.id().value()));
  }

  @Test
  void listsAPendingRequestWithItsEstimateAndPreview() {
    ApprovalView approval = pending("Autumn sale " + UUID.randomUUID(), "designer");
    int perMessage = templates.find(TEMPLATE).orElseThrow().version(approval.templateVersion()).orElseThrow()
        .analysis().segments();

    ApprovalsView view = open("approver", Role.APPROVER);

    List<String> cells = GridKt._getFormattedRow(view.requests, row(view, approval).orElseThrow());
    String cost = new BigDecimal("0.0079").multiply(BigDecimal.valueOf(3L * perMessage)).toPlainString();
    assertThat(cells).contains(approval.campaignName(), TEMPLATE + " v" + approval.templateVersion(), "3",
        (3 * perMessage) + " (" + perMessage + " per message)", "USD " + cost, "designer", "");
    ApprovalPanel panel = select(view, approval);
    assertThat(panel.title.getText()).isEqualTo(approval.campaignName());
    assertThat(panel.facts.getElement().getTextRecursively()).contains("Audience: 3 recipients", "Requested by: designer",
        "Why it needs sign-off: the audience of 3 is over the approval threshold of 2");
    assertThat(panel.preview.getText()).startsWith("Hi ").contains("thanks for reaching out");
    assertThat(panel.approve.isEnabled()).isTrue();
    assertThat(panel.ownRequest.isVisible()).isFalse();
  }

  @Test
  void approvesWithACommentAndTheRunSends() {
    ApprovalView approval = pending("Approve me " + UUID.randomUUID(), "designer");
    ApprovalsView view = open("approver", Role.APPROVER);
    ApprovalPanel panel = select(view, approval);

    panel.comment.setValue("segment and text checked");
    ButtonKt._click(panel.approve);

    ApprovalView decided = approvals.find(approval.id()).orElseThrow();
    assertThat(decided.status()).isEqualTo("APPROVED");
    assertThat(decided.decidedBy()).isEqualTo("approver");
    assertThat(decided.decisionReason()).isEqualTo("segment and text checked");
    assertThat(row(view, approval)).as("no longer pending").isEmpty();
    assertThat(NotificationsKt.getNotifications().stream().map(n -> n.getElement().getProperty("text")))
        .contains("Approved: " + approval.campaignName());
    assertThat(auditEntries(approval)).as("audited once, by the facade").isEqualTo(1);
    RunView run = awaitRunEnded(approval.runId());
    assertThat(run.outcome()).isEqualTo("SENT");
    assertThat(run.counts().sent()).isEqualTo(3);
  }

  @Test
  void rejectsOnlyWithAComment() {
    ApprovalView approval = pending("Reject me " + UUID.randomUUID(), "designer");
    ApprovalsView view = open("approver2", Role.APPROVER);
    ApprovalPanel panel = select(view, approval);

    ButtonKt._click(panel.reject);

    assertThat(panel.comment.isInvalid()).isTrue();
    assertThat(panel.comment.getErrorMessage()).isEqualTo(ApprovalPanel.REASON_REQUIRED);
    assertThat(approvals.find(approval.id()).orElseThrow().status()).isEqualTo("PENDING");

    panel.comment.setValue("the offer ended yesterday");
    ButtonKt._click(panel.reject);

    ApprovalView decided = approvals.find(approval.id()).orElseThrow();
    assertThat(decided.status()).isEqualTo("REJECTED");
    assertThat(decided.decidedBy()).isEqualTo("approver2");
    assertThat(decided.decisionReason()).isEqualTo("the offer ended yesterday");
    assertThat(auditEntries(approval)).isEqualTo(1);
    RunView run = awaitRunEnded(approval.runId());
    assertThat(run.counts().sent()).isZero();
  }

  @Test
  void neverLetsTheRequesterApproveTheirOwnRequest() {
    ApprovalView approval = pending("Mine " + UUID.randomUUID(), "approver");
    ApprovalsView view = open("approver", Role.APPROVER);
    ApprovalPanel panel = select(view, approval);

    assertThat(panel.approve.isEnabled()).isFalse();
    assertThat(panel.reject.isEnabled()).isFalse();
    assertThat(panel.ownRequest.isVisible()).isTrue();
    assertThat(panel.ownRequest.getText()).contains("You requested this send", "four eyes");
    ButtonKt._expectNotClickable(panel.approve);
    assertThatThrownBy(() -> desk.decide(approval.id(), "APPROVED", "mine")).isInstanceOf(FourEyesException.class);
    assertThat(approvals.find(approval.id()).orElseThrow().status()).isEqualTo("PENDING");
  }

  @Test
  void keepsARepOutOfTheViewAndTheDecision() {
    SignIn.as("rep", Role.SALES_REP);

    KaribuViews.assertKeptOut(ApprovalsView.class);
    assertThatThrownBy(() -> desk.decide(new io.waymark.platform.campaign.ApprovalId(1), "APPROVED", "sure"))
        .isInstanceOf(AccessDeniedException.class);
  }
}
