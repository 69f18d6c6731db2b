package io.waymark.platform.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.platform.campaign.CampaignFixtures.Cohort;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.messaging.SmsSandbox;
import io.waymark.platform.template.DraftContent;
import io.waymark.platform.template.MessageTemplates;
import io.waymark.platform.template.TemplateNotSendableException;
import io.waymark.platform.template.TemplateView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A run as the engine side drives it: the audience resolved into numbered batches with consent applied, the approval
 * decision, batches sent once per member however often they run, members refused at the moment of sending counted,
 * cancellation and the time budget honoured.
 */
@CampaignTest
class CampaignRunTests {

  private static final AtomicLong INSTANCES = new AtomicLong(7_000_000);

  @Autowired Campaigns campaigns;
  @Autowired CampaignRuns runs;
  @Autowired AudienceSnapshot snapshot;
  @Autowired CampaignFixtures fixtures;
  @Autowired MessageTemplates templates;
  @Autowired SmsSandbox sandbox;
  @Autowired Clock clock;

  /** A NOW campaign on the cohort, its run started as the engine side would. */
  private CampaignRunId started(Cohort cohort, String topic) {
    return started(cohort, topic, CampaignFixtures.TEMPLATE);
  }

  private CampaignRunId started(Cohort cohort, String topic, String template) {
    CampaignView campaign = campaigns.create(new NewCampaign("Sale", cohort.segment().value(), template, topic, null,
        Schedule.now(), "maya"));
    CampaignRunId run = campaign.runs().getFirst().id();
    assertThat(runs.markStarted(run, INSTANCES.incrementAndGet())).isTrue();
    return run;
  }

  private Instant later() {
    return clock.instant().plus(Duration.ofMinutes(10));
  }

  @Test
  void resolvesTheSegmentIntoNumberedBatchesWithConsentApplied() {
    Cohort cohort = fixtures.cohort(3, "promotions");
    ContactView optedOut = fixtures.member(cohort.name(), "Out", "promotions");
    fixtures.optOut(optedOut);
    ContactView suppressed = fixtures.member(cohort.name(), "Blocked", "promotions");
    fixtures.suppress(suppressed);
    fixtures.member(cohort.name(), "Unasked", null);
    CampaignRunId run = started(cohort, "promotions");

    Resolution resolution = runs.resolveAudience(run);

    assertThat(resolution).isEqualTo(new Resolution(3, 2, false));
    assertThat(fixtures.snapshot(run)).containsOnlyKeys(cohort.ids());
    assertThat(fixtures.snapshot(run).values()).containsExactly(1, 1, 2);
    RunView view = runs.find(run).orElseThrow();
    assertThat(view.audienceSize()).isEqualTo(3);
    assertThat(view.batchCount()).isEqualTo(2);
    assertThat(view.templateVersion()).isEqualTo(templates.find(CampaignFixtures.TEMPLATE).orElseThrow()
        .approvedVersion());
    assertThat(view.counts()).isEqualTo(new Counts(3, 3, 0, 0, 0, 0));
  }

  @Test
  void answersAgainWithoutWritingTheSnapshotTwice() {
    CampaignRunId run = started(fixtures.cohort(3, "promotions"), "promotions");

    Resolution first = runs.resolveAudience(run);
    Resolution again = runs.resolveAudience(run);

    assertThat(again).isEqualTo(first);
    assertThat(fixtures.snapshot(run)).hasSize(3);
  }

  @Test
  void goesOnAfterTheLastMemberWrittenWhenAResolutionWasInterrupted() {
    Cohort cohort = fixtures.cohort(5, "promotions");
    CampaignRunId run = started(cohort, "promotions");
    List<ContactId> firstPage = cohort.ids().subList(0, 3).stream().map(ContactId::new).toList();
    snapshot.append(run.value(), firstPage, 0, 2);

    assertThat(runs.resolveAudience(run)).isEqualTo(new Resolution(5, 3, true));

    assertThat(fixtures.snapshot(run).keySet()).containsExactlyElementsOf(cohort.ids());
    assertThat(fixtures.snapshot(run).values()).containsExactly(1, 1, 2, 2, 3);
  }

  @Test
  void asksForApprovalOverTheThresholdOrOnASensitiveTopic() {
    CampaignRunId small = started(fixtures.cohort(3, "promotions"), "promotions");
    CampaignRunId large = started(fixtures.cohort(4, "promotions"), "promotions");
    CampaignRunId sensitive = started(fixtures.cohort(1, "collections"), "collections");
    CampaignRunId nobody = started(fixtures.cohort(0, "collections"), "collections");

    assertThat(runs.resolveAudience(small).approvalRequired()).isFalse();
    assertThat(runs.resolveAudience(large).approvalRequired()).isTrue();
    assertThat(runs.resolveAudience(sensitive).approvalRequired()).isTrue();
    assertThat(runs.resolveAudience(nobody)).isEqualTo(new Resolution(0, 0, false));
    assertThat(runs.find(large).orElseThrow().approvalReason())
        .isEqualTo("the audience of 4 is over the approval threshold of 3");
    assertThat(runs.find(sensitive).orElseThrow().approvalReason()).isEqualTo("topic 'collections' is sensitive");
  }

  @Test
  void sendsEveryMemberOfABatchOnceHoweverOftenTheBatchRuns() {
    Cohort cohort = fixtures.cohort(3, "promotions");
    CampaignRunId run = started(cohort, "promotions");
    runs.resolveAudience(run);

    CampaignRuns.BatchResult first = runs.sendBatch(run, 1, 1L, "Task_SendBatch", later());
    CampaignRuns.BatchResult redelivered = runs.sendBatch(run, 1, 1L, "Task_SendBatch", later());
    CampaignRuns.BatchResult second = runs.sendBatch(run, 2, 1L, "Task_SendBatch", later());

    assertThat(first.counts()).isEqualTo(new Counts(2, 0, 2, 0, 0, 0));
    assertThat(first.complete()).isTrue();
    assertThat(redelivered.counts()).isEqualTo(first.counts());
    assertThat(second.counts()).isEqualTo(new Counts(1, 0, 1, 0, 0, 0));
    for (ContactView member : cohort.members()) {
      assertThat(sandbox.recorded(member.phone(), 0, 10)).as(member.firstName()).singleElement()
          .satisfies(sms -> assertThat(sms.body()).startsWith("Hi " + member.firstName() + ","));
    }
    assertThat(runs.find(run).orElseThrow().counts()).isEqualTo(new Counts(3, 0, 3, 0, 0, 0));
  }

  @Test
  void sendsEvenBeforeTheStarterHasRecordedTheInstance() {
    Cohort cohort = fixtures.cohort(1, "promotions");
    CampaignRunId run = campaigns.create(new NewCampaign("Sale", cohort.segment().value(), CampaignFixtures.TEMPLATE,
        "promotions", null, Schedule.now(), "maya")).runs().getFirst().id();
    runs.resolveAudience(run);

    CampaignRuns.BatchResult result = runs.sendBatch(run, 1, 1L, "Task_SendBatch", later());

    assertThat(result.stopped()).isFalse();
    assertThat(result.counts().sent()).isEqualTo(1);
  }

  @Test
  void sendsUnderOneKeyPerRunAndContact() {
    Cohort cohort = fixtures.cohort(1, "promotions");
    CampaignRunId run = started(cohort, "promotions");
    runs.resolveAudience(run);
    runs.sendBatch(run, 1, 1L, "Task_SendBatch", later());

    assertThat(fixtures.jdbc().queryForObject("select idempotency_key from outbound_message where contact_id = ?",
        String.class, cohort.member(0).id().value())).isEqualTo("campaign:" + run + ":" + cohort.member(0).id());
    assertThat(fixtures.jdbc().queryForObject("select message_id from campaign_audience where run_id = ?", Long.class,
        run.value())).isNotNull();
  }

  @Test
  void countsAMemberWhoOptedOutSinceTheResolutionAsSuppressedAndTextsThemNothing() {
    Cohort cohort = fixtures.cohort(2, "promotions");
    CampaignRunId run = started(cohort, "promotions");
    runs.resolveAudience(run);
    fixtures.optOut(cohort.member(1));

    CampaignRuns.BatchResult result = runs.sendBatch(run, 1, 1L, "Task_SendBatch", later());

    assertThat(result.counts()).isEqualTo(new Counts(2, 0, 1, 1, 0, 0));
    assertThat(result.complete()).isTrue();
    assertThat(sandbox.recorded(cohort.member(1).phone(), 0, 10)).isEmpty();
    assertThat(fixtures.jdbc().queryForObject("select reason from campaign_audience where run_id = ? and "
        + "contact_id = ?", String.class, run.value(), cohort.member(1).id().value())).isEqualTo("OPTED_OUT");
  }

  @Test
  void sendsNothingMoreOnceTheCampaignIsCancelled() {
    Cohort cohort = fixtures.cohort(2, "promotions");
    CampaignRunId run = started(cohort, "promotions");
    runs.resolveAudience(run);
    campaigns.cancel(runs.find(run).orElseThrow().campaignId(), "lee");

    CampaignRuns.BatchResult result = runs.sendBatch(run, 1, 1L, "Task_SendBatch", later());

    assertThat(result.stopped()).isTrue();
    assertThat(result.counts().sent()).isZero();
    assertThat(sandbox.recorded(cohort.member(0).phone(), 0, 10)).isEmpty();
  }

  @Test
  void stopsWhenItsTimeBudgetIsSpentAndGoesOnNextTime() {
    Cohort cohort = fixtures.cohort(2, "promotions");
    CampaignRunId run = started(cohort, "promotions");
    runs.resolveAudience(run);

    CampaignRuns.BatchResult spent = runs.sendBatch(run, 1, 1L, "Task_SendBatch", clock.instant().minusSeconds(1));
    CampaignRuns.BatchResult next = runs.sendBatch(run, 1, 1L, "Task_SendBatch", later());

    assertThat(spent.complete()).isFalse();
    assertThat(spent.stopped()).isFalse();
    assertThat(spent.deferredUntil()).isNull();
    assertThat(spent.counts().pending()).isEqualTo(2);
    assertThat(next.complete()).isTrue();
    assertThat(next.counts().sent()).isEqualTo(2);
  }

  @Test
  void sendsTheTemplateVersionApprovedWhenTheAudienceWasResolved() {
    String key = "campaign.pinned-" + INSTANCES.incrementAndGet();
    templates.create(new io.waymark.platform.template.NewTemplate(key, null,
        io.waymark.platform.template.Channel.SMS, "promotional", null, null,
        "Hi {firstName|there}, version one. Reply STOP to opt out.", null, null));
    templates.approve(key, 1, "lee");
    Cohort cohort = fixtures.cohort(1, "promotions");
    CampaignRunId run = started(cohort, "promotions", key);
    runs.resolveAudience(run);
    templates.draft(key, new DraftContent(null, "Hi {firstName|there}, version two. Reply STOP to opt out.", null,
        null));
    templates.approve(key, 2, "lee");

    assertThatThrownBy(() -> runs.sendBatch(run, 1, 1L, "Task_SendBatch", later()))
        .isInstanceOf(TemplateNotSendableException.class);
    assertThat(sandbox.recorded(cohort.member(0).phone(), 0, 10)).isEmpty();
    TemplateView template = templates.find(key).orElseThrow();
    assertThat(template.approvedVersion()).isEqualTo(2);
    assertThat(runs.find(run).orElseThrow().templateVersion()).isEqualTo(1);
  }

  @Test
  void recordsTheOutcomeOnceAndCompletesAOneOffCampaign() {
    Cohort cohort = fixtures.cohort(1, "promotions");
    CampaignRunId run = started(cohort, "promotions");
    runs.resolveAudience(run);
    runs.sendBatch(run, 1, 1L, "Task_SendBatch", later());

    runs.recordOutcome(run, "SENT");
    runs.recordOutcome(run, "MAX_DURATION");

    RunView ended = runs.find(run).orElseThrow();
    assertThat(ended.status()).isEqualTo("ENDED");
    assertThat(ended.outcome()).isEqualTo("SENT");
    assertThat(ended.counts()).isEqualTo(new Counts(1, 0, 1, 0, 0, 0));
    assertThat(campaigns.find(ended.campaignId()).orElseThrow().status()).isEqualTo("COMPLETED");
    assertThat(runs.markStarted(run, 1L)).isFalse();
  }

  @Test
  void refusesToStartARunCancelledBeforeItsInstanceCame() {
    Cohort cohort = fixtures.cohort(1, "promotions");
    CampaignView campaign = campaigns.create(new NewCampaign("Sale", cohort.segment().value(),
        CampaignFixtures.TEMPLATE, "promotions", null, Schedule.now(), "maya"));
    campaigns.cancel(campaign.id(), "lee");

    assertThat(runs.toStart(campaign.runs().getFirst().id())).isEmpty();
    assertThat(runs.markStarted(campaign.runs().getFirst().id(), INSTANCES.incrementAndGet())).isFalse();
    assertThat(Map.of("status", runs.find(campaign.runs().getFirst().id()).orElseThrow().status()))
        .containsEntry("status", "ENDED");
  }
}
