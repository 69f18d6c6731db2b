package io.waymark.platform.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.campaign.CampaignFixtures.Cohort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;

/**
 * Scheduled runs: a recurring campaign starts one run per fire time however many Waymark instances ask, never two runs
 * at once; fires missed while Waymark was down are recorded, not sent late; an AT campaign runs once at its instant.
 */
@CampaignTest
class CampaignScheduleTests {

  @Autowired Campaigns campaigns;
  @Autowired CampaignRuns runs;
  @Autowired CampaignFixtures fixtures;
  @Autowired ApplicationEvents events;
  @Autowired Clock clock;

  /** Campaigns of other tests share the database: none of them falls due in these tests. */
  @BeforeEach
  void parkOtherCampaigns() {
    fixtures.jdbc().update("update campaign set next_fire_at = null");
  }

  private CampaignView recurring() {
    Cohort cohort = fixtures.cohort(1, "promotions");
    return campaigns.create(new NewCampaign("Weekly", cohort.segment().value(), CampaignFixtures.TEMPLATE,
        "promotions", null, Schedule.recurring("0 0 10 * * *", "UTC"), "maya"));
  }

  private List<RunView> runsOf(CampaignView campaign) {
    return campaigns.find(campaign.id()).orElseThrow().runs();
  }

  private Instant nextRunAt(CampaignView campaign) {
    return campaigns.find(campaign.id()).orElseThrow().nextRunAt();
  }

  /** What a second Waymark instance that read the campaign before the first one advanced it would see. */
  private void rewind(CampaignView campaign, Instant fire) {
    fixtures.jdbc().update("update campaign set next_fire_at = ? where id = ?",
        LocalDateTime.ofInstant(fire, ZoneOffset.UTC), campaign.id().value());
  }

  @Test
  void startsOneRunPerFireTime() {
    CampaignView campaign = recurring();
    Instant fire = campaign.nextRunAt();
    assertThat(fire.atZone(ZoneOffset.UTC).getHour()).isEqualTo(10);

    campaigns.startDue(fire.minusSeconds(1));
    assertThat(runsOf(campaign)).isEmpty();
    campaigns.startDue(fire.plusSeconds(30));
    campaigns.startDue(fire.plusSeconds(90));
    rewind(campaign, fire);
    campaigns.startDue(fire.plusSeconds(150));

    assertThat(runsOf(campaign)).singleElement().satisfies(run -> {
      assertThat(run.fireTime()).isEqualTo(fire);
      assertThat(run.status()).isEqualTo("REQUESTED");
    });
    assertThat(events.stream(CampaignRunRequested.class)).hasSize(1);
    assertThat(nextRunAt(campaign)).isEqualTo(fire.plus(Duration.ofDays(1)));
  }

  @Test
  void startsAFireOnceWhenTwoInstancesAskAtTheSameMoment() throws Exception {
    CampaignView campaign = recurring();
    Instant fire = campaign.nextRunAt();
    CountDownLatch go = new CountDownLatch(1);
    Callable<Integer> instance = () -> {
      go.await();
      return campaigns.startDue(fire.plusSeconds(5));
    };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> first = pool.submit(instance);
      Future<Integer> second = pool.submit(instance);
      go.countDown();
      assertThat(first.get() + second.get()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }

    assertThat(runsOf(campaign)).hasSize(1);
  }

  @Test
  void skipsAFireWhileThePreviousRunIsStillLive() {
    CampaignView campaign = recurring();
    Instant first = campaign.nextRunAt();
    campaigns.startDue(first.plusSeconds(5));
    Instant second = nextRunAt(campaign);

    campaigns.startDue(second.plusSeconds(5));

    assertThat(runsOf(campaign)).extracting(RunView::status, RunView::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("SKIPPED", "PREVIOUS_RUN_LIVE"),
            org.assertj.core.groups.Tuple.tuple("REQUESTED", null));
    assertThat(events.stream(CampaignRunRequested.class)).hasSize(1);
    assertThat(campaigns.find(campaign.id()).orElseThrow().status()).isEqualTo("ACTIVE");
  }

  @Test
  void endsARunWhoseInstanceVanishedInsteadOfSkippingEveryFireAfterIt() {
    CampaignView campaign = recurring();
    Instant first = campaign.nextRunAt();
    campaigns.startDue(first.plusSeconds(5));
    Instant muchLater = first.plus(Duration.ofDays(8));
    rewind(campaign, muchLater);

    campaigns.startDue(muchLater.plusSeconds(5));

    assertThat(runsOf(campaign)).extracting(RunView::status, RunView::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("REQUESTED", null),
            org.assertj.core.groups.Tuple.tuple("ENDED", "ABANDONED"));
  }

  @Test
  void recordsAFireMissedWhileWaymarkWasDownInsteadOfSendingLate() {
    CampaignView campaign = recurring();
    Instant fire = campaign.nextRunAt();

    campaigns.startDue(fire.plus(Duration.ofHours(3)));

    assertThat(runsOf(campaign)).singleElement().satisfies(run -> {
      assertThat(run.status()).isEqualTo("SKIPPED");
      assertThat(run.outcome()).isEqualTo("MISSED");
      assertThat(run.fireTime()).isEqualTo(fire);
    });
    assertThat(events.stream(CampaignRunRequested.class)).isEmpty();
    assertThat(nextRunAt(campaign)).isEqualTo(fire.plus(Duration.ofDays(1)));
  }

  @Test
  void runsAnAtCampaignOnceAtItsInstant() {
    Cohort cohort = fixtures.cohort(1, "promotions");
    Instant at = clock.instant().plus(Duration.ofHours(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    CampaignView campaign = campaigns.create(new NewCampaign("Launch", cohort.segment().value(),
        CampaignFixtures.TEMPLATE, "promotions", null, Schedule.at(at), "maya"));

    campaigns.startDue(at.plusSeconds(20));
    campaigns.startDue(at.plusSeconds(80));

    assertThat(runsOf(campaign)).singleElement().satisfies(run -> assertThat(run.fireTime()).isEqualTo(at));
    assertThat(nextRunAt(campaign)).isNull();
    RunView run = runsOf(campaign).getFirst();
    runs.markStarted(run.id(), 9_100_000L + run.id().value());
    runs.recordOutcome(run.id(), "SENT");
    assertThat(campaigns.find(campaign.id()).orElseThrow().status()).isEqualTo("COMPLETED");
  }

  @Test
  void startsNothingForACancelledCampaign() {
    CampaignView campaign = recurring();
    campaigns.cancel(campaign.id(), "lee");

    campaigns.startDue(campaign.nextRunAt().plusSeconds(5));

    assertThat(runsOf(campaign)).isEmpty();
    assertThat(nextRunAt(campaign)).isNull();
  }
}
