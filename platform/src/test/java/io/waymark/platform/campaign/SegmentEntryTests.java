package io.waymark.platform.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.platform.campaign.CampaignFixtures.Cohort;
import io.waymark.platform.campaign.EntryScheduleProperties.EntrySchedule;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.journey.EventIntake;
import io.waymark.platform.journey.JourneyRuns;
import io.waymark.platform.segment.Segments;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.support.CronExpression;

/**
 * Scheduled segment entry: at a fire, every eligible member of the segment enters the journey once, page by page,
 * through the event intake (so the journey's re-entry rule applies); an interrupted fire goes on where it stopped; a
 * fire another instance runs is left alone; bad configuration is refused naming the property.
 */
@CampaignTest
class SegmentEntryTests {

  private static final String JOURNEY = "lead-follow-up";
  private static final String EVENT_TYPE = "lead.created";

  @Autowired CampaignFixtures fixtures;
  @Autowired Segments segments;
  @Autowired ContactDirectory contacts;
  @Autowired EventIntake intake;
  @Autowired JourneyRuns runs;
  @Autowired JdbcTemplate jdbc;
  @Autowired CampaignProperties properties;
  @Autowired Clock clock;

  /** Nightly at 02:00 UTC into lead-follow-up, members read two at a time. */
  private SegmentEntrySchedules nightly(Cohort cohort) {
    return schedules(new EntrySchedule(JOURNEY, cohort.segment().value(), "promotions", "0 0 2 * * *", "UTC",
        EVENT_TYPE));
  }

  private SegmentEntrySchedules schedules(EntrySchedule... schedules) {
    return new SegmentEntrySchedules(new EntryScheduleProperties(List.of(schedules)), segments, contacts, intake, jdbc,
        properties, clock, 2);
  }

  private Instant nextFire() {
    return CronExpression.parse("0 0 2 * * *").next(clock.instant().atZone(ZoneOffset.UTC)).toInstant();
  }

  private String key(Cohort cohort) {
    return JOURNEY + "/" + EVENT_TYPE + "/" + cohort.segment().value();
  }

  private java.util.Optional<JourneyRuns.Run> entry(Instant fire, ContactView member) {
    return runs.findByEventId(SegmentEntrySchedules.eventId(JOURNEY, fire, member.id()));
  }

  private Map<String, Object> fireRow(Cohort cohort, Instant fire) {
    return jdbc.queryForMap("select status, submitted, started, cursor_contact from journey_schedule_fire where "
        + "schedule_key = ? and fire_time = ?", key(cohort), LocalDateTime.ofInstant(fire, ZoneOffset.UTC));
  }

  @Test
  void entersEveryEligibleMemberOnceAtAFire() {
    Cohort cohort = fixtures.cohort(5, "promotions");
    ContactView optedOut = fixtures.member(cohort.name(), "Out", "promotions");
    fixtures.optOut(optedOut);
    SegmentEntrySchedules schedules = nightly(cohort);
    Instant fire = nextFire();

    assertThat(schedules.fireDue(fire.plusSeconds(20))).isEqualTo(1);
    assertThat(schedules.fireDue(fire.plusSeconds(80))).isZero();

    for (ContactView member : cohort.members()) {
      assertThat(entry(fire, member)).as(member.firstName()).hasValueSatisfying(run -> {
        assertThat(run.eventId()).isEqualTo("schedule:lead-follow-up:" + fire + ":" + member.id());
        assertThat(run.eventType()).isEqualTo(EVENT_TYPE);
        assertThat(run.processId()).isEqualTo(JOURNEY);
        assertThat(run.status()).isEqualTo("REQUESTED");
      });
    }
    assertThat(entry(fire, optedOut)).isEmpty();
    assertThat(fireRow(cohort, fire)).containsEntry("status", "DONE").containsEntry("submitted", 5)
        .containsEntry("started", 5);
  }

  @Test
  void letsTheJourneysReentryRuleSkipMembersStillInIt() {
    Cohort cohort = fixtures.cohort(3, "promotions");
    SegmentEntrySchedules schedules = nightly(cohort);
    Instant fire = nextFire();
    schedules.fireDue(fire.plusSeconds(20));
    Instant tomorrow = fire.plus(Duration.ofDays(1));

    schedules.fireDue(tomorrow.plusSeconds(20));

    assertThat(entry(tomorrow, cohort.member(0))).hasValueSatisfying(run -> {
      assertThat(run.status()).isEqualTo("SKIPPED");
      assertThat(run.outcome()).isEqualTo(EventIntake.SKIPPED_ALREADY_IN_JOURNEY);
    });
    assertThat(fireRow(cohort, tomorrow)).containsEntry("submitted", 3).containsEntry("started", 0);
  }

  @Test
  void goesOnAfterTheLastMemberSubmittedWhenAFireWasInterrupted() {
    Cohort cohort = fixtures.cohort(5, "promotions");
    Instant fire = nextFire();
    Instant now = fire.plus(Duration.ofMinutes(20));
    ContactId second = new ContactId(cohort.ids().get(1));
    jdbc.update("insert into journey_schedule_fire (schedule_key, fire_time, status, cursor_contact, submitted, "
            + "claimed_until, started_at) values (?, ?, 'RUNNING', ?, 2, ?, ?)", key(cohort),
        LocalDateTime.ofInstant(fire, ZoneOffset.UTC), second.value(),
        LocalDateTime.ofInstant(now.minusSeconds(60), ZoneOffset.UTC), LocalDateTime.ofInstant(fire, ZoneOffset.UTC));

    assertThat(nightly(cohort).fireDue(now)).isEqualTo(1);

    List<Long> ids = cohort.ids();
    for (ContactView member : cohort.members()) {
      boolean afterCursor = member.id().value() > second.value();
      assertThat(entry(fire, member).isPresent()).as("entry of contact %s", member.id()).isEqualTo(afterCursor);
    }
    assertThat(fireRow(cohort, fire)).containsEntry("status", "DONE").containsEntry("submitted", 5)
        .containsEntry("cursor_contact", ids.getLast());
  }

  @Test
  void leavesAFireAnotherInstanceIsRunning() {
    Cohort cohort = fixtures.cohort(2, "promotions");
    Instant fire = nextFire();
    Instant now = fire.plusSeconds(30);
    jdbc.update("insert into journey_schedule_fire (schedule_key, fire_time, status, claimed_until, started_at) "
            + "values (?, ?, 'RUNNING', ?, ?)", key(cohort), LocalDateTime.ofInstant(fire, ZoneOffset.UTC),
        LocalDateTime.ofInstant(now.plus(Duration.ofMinutes(4)), ZoneOffset.UTC),
        LocalDateTime.ofInstant(fire, ZoneOffset.UTC));

    assertThat(nightly(cohort).fireDue(now)).isZero();

    assertThat(entry(fire, cohort.member(0))).isEmpty();
  }

  @Test
  void doesNotMakeUpAFireMissedLongAgo() {
    Cohort cohort = fixtures.cohort(1, "promotions");
    Instant fire = nextFire();

    assertThat(nightly(cohort).fireDue(fire.plus(Duration.ofHours(2)))).isZero();

    assertThat(entry(fire, cohort.member(0))).isEmpty();
  }

  @Test
  void refusesABadScheduleNamingTheProperty() {
    assertThatThrownBy(() -> new EntryScheduleProperties(List.of(new EntrySchedule(JOURNEY, 1L, "promotions",
        "0 0 2 * *", "UTC", EVENT_TYPE), new EntrySchedule(JOURNEY, 1L, "promotions", "nightly", "UTC", EVENT_TYPE))))
        .hasMessageStartingWith("waymark.journeys.schedules[1].cron: 'nightly' is not a cron expression");
    assertThatThrownBy(() -> new EntryScheduleProperties(List.of(new EntrySchedule(JOURNEY, 1L, "promotions",
        "0 0 2 * * *", "Nowhere/Town", EVENT_TYPE))))
        .hasMessageStartingWith("waymark.journeys.schedules[0].zone:");
    assertThatThrownBy(() -> new EntryScheduleProperties(List.of(new EntrySchedule(null, 1L, "promotions",
        "0 0 2 * * *", "UTC", EVENT_TYPE))))
        .hasMessageStartingWith("waymark.journeys.schedules[0].journey:");
    assertThatThrownBy(() -> new EntryScheduleProperties(List.of(new EntrySchedule(JOURNEY, null, "promotions",
        "0 0 2 * * *", "UTC", EVENT_TYPE))))
        .hasMessageStartingWith("waymark.journeys.schedules[0].segment:");
    assertThatThrownBy(() -> new EntryScheduleProperties(List.of(new EntrySchedule(JOURNEY, 1L, null,
        "0 0 2 * * *", "UTC", EVENT_TYPE))))
        .hasMessageStartingWith("waymark.journeys.schedules[0].topic:");
    assertThatThrownBy(() -> new EntryScheduleProperties(List.of(new EntrySchedule(JOURNEY, 1L, "promotions",
        "0 */10 * * * *", "UTC", EVENT_TYPE))))
        .hasMessageStartingWith("waymark.journeys.schedules[0].cron:").hasMessageContaining("1 hour apart");
  }

  @Test
  void checksAtStartUpThatTheEventStartsTheJourneyAndTheSegmentExists() {
    Cohort cohort = fixtures.cohort(0, "promotions");
    long segment = cohort.segment().value();

    assertThatThrownBy(() -> schedules(new EntrySchedule(JOURNEY, segment, "promotions", "0 0 2 * * *", "UTC",
        "contact.inactive")).afterSingletonsInstantiated())
        .hasMessageStartingWith("waymark.journeys.schedules[0].event-type: 'contact.inactive' starts no journey");
    assertThatThrownBy(() -> schedules(new EntrySchedule("win-back", segment, "promotions", "0 0 2 * * *", "UTC",
        EVENT_TYPE)).afterSingletonsInstantiated())
        .hasMessageContaining("starts journey lead-follow-up, not win-back");
    assertThatThrownBy(() -> schedules(new EntrySchedule(JOURNEY, 999_999L, "promotions", "0 0 2 * * *", "UTC",
        EVENT_TYPE)).afterSingletonsInstantiated())
        .hasMessageStartingWith("waymark.journeys.schedules[0].segment: no segment 999999");
    nightly(cohort).afterSingletonsInstantiated();
  }
}
