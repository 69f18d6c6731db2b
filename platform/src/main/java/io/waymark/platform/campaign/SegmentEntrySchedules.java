package io.waymark.platform.campaign;

import io.waymark.platform.campaign.EntryScheduleProperties.EntrySchedule;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.journey.EventIntake;
import io.waymark.platform.journey.TriggerEvent;
import io.waymark.platform.segment.AudiencePage;
import io.waymark.platform.segment.SegmentId;
import io.waymark.platform.segment.Segments;
import io.waymark.platform.support.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Scheduled segment entry ({@code waymark.journeys.schedules}): at each fire time, pages through the segment's members
 * (consent for the schedule's topic applied, {@value #PAGE} at a time, never all at once) and submits one trigger event
 * per member through {@link EventIntake}, with event id {@code schedule:<journey>:<fire time>:<contact id>}. The event
 * id makes it idempotent (a member submitted twice starts one run), and the journey's own rules apply: a member
 * already in the journey is SKIPPED (ALREADY_IN_JOURNEY), a paused journey starts nothing. One Waymark instance claims
 * a fire at a time ({@code journey_schedule_fire}, a lease renewed with every page); an interrupted fire is taken over
 * after its lease and goes on after the last member submitted. A fire missed by more than
 * {@code waymark.campaigns.catch-up} is not made up.
 */
@Component
@EnableConfigurationProperties(EntryScheduleProperties.class)
class SegmentEntrySchedules implements SmartInitializingSingleton {

  static final int PAGE = 500;
  static final Duration LEASE = Duration.ofMinutes(5);

  private static final Logger LOG = LoggerFactory.getLogger(SegmentEntrySchedules.class);

  private final List<EntrySchedule> schedules;
  private final Segments segments;
  private final ContactDirectory contacts;
  private final EventIntake intake;
  private final JdbcTemplate jdbc;
  private final CampaignProperties properties;
  private final Clock clock;
  private final int pageSize;

  @Autowired
  SegmentEntrySchedules(EntryScheduleProperties schedules, Segments segments, ContactDirectory contacts,
      EventIntake intake, JdbcTemplate jdbc, CampaignProperties properties, Clock clock) {
    this(schedules, segments, contacts, intake, jdbc, properties, clock, PAGE);
  }

  /** With members read {@code pageSize} at a time (tests page through small segments). */
  SegmentEntrySchedules(EntryScheduleProperties schedules, Segments segments, ContactDirectory contacts,
      EventIntake intake, JdbcTemplate jdbc, CampaignProperties properties, Clock clock, int pageSize) {
    this.pageSize = pageSize;
    this.schedules = schedules.schedules();
    this.segments = segments;
    this.contacts = contacts;
    this.intake = intake;
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  /** Start-up check of what binding cannot see: the trigger maps the event type to the journey; the segment exists. */
  @Override
  public void afterSingletonsInstantiated() {
    for (int i = 0; i < schedules.size(); i++) {
      EntrySchedule schedule = schedules.get(i);
      String at = "waymark.journeys.schedules[" + i + "]";
      Optional<String> started = intake.journeyStartedBy(schedule.eventType());
      if (started.isEmpty() || !started.get().equals(schedule.journey())) {
        throw new IllegalStateException(at + ".event-type: '" + schedule.eventType() + "' "
            + started.map(j -> "starts journey " + j + ", not " + schedule.journey()).orElse("starts no journey")
            + "; map it with waymark.journeys.triggers[" + schedule.eventType() + "]=" + schedule.journey());
      }
      if (segments.find(new SegmentId(schedule.segment())).isEmpty()) {
        throw new IllegalStateException(at + ".segment: no segment " + schedule.segment()
            + " (GET /api/v1/segments lists them)");
      }
    }
  }

  /** The event id of one member's entry at one fire: the same member and fire always give the same id. */
  static String eventId(String journey, Instant fire, ContactId contact) {
    return "schedule:" + journey + ":" + fire + ":" + contact;
  }

  /** Runs every schedule's fire due at {@code now} that no other instance is running; returns how many ran. */
  int fireDue(Instant now) {
    int ran = 0;
    for (EntrySchedule schedule : schedules) {
      Instant fire = schedule.parsedCron(now).latestWithin(now, properties.catchUp());
      if (fire == null) {
        continue;
      }
      Optional<Claim> claim = claim(schedule.key(), fire, now);
      if (claim.isPresent()) {
        run(schedule, fire, claim.get());
        ran++;
      }
    }
    return ran;
  }

  private record Claim(long id, ContactId cursor, boolean done) {
  }

  private Optional<Claim> claim(String key, Instant fire, Instant now) {
    try {
      jdbc.update("insert into journey_schedule_fire (schedule_key, fire_time, status, claimed_until, started_at) "
          + "values (?, ?, 'RUNNING', ?, ?)", key, utc(fire), utc(now.plus(LEASE)), utc(now));
    } catch (DuplicateKeyException exists) {
      int taken = jdbc.update("update journey_schedule_fire set claimed_until = ? where schedule_key = ? and "
          + "fire_time = ? and status = 'RUNNING' and claimed_until < ?", utc(now.plus(LEASE)), key, utc(fire), utc(now));
      if (taken == 0) {
        return Optional.empty();
      }
      LOG.info("Scheduled entry {} at {}: taking over a fire whose lease ran out", key, fire);
    }
    return Optional.of(jdbc.queryForObject("select id, cursor_contact from journey_schedule_fire where schedule_key = ?"
        + " and fire_time = ?", (rs, n) -> {
          long cursor = rs.getLong(2);
          return new Claim(rs.getLong(1), rs.wasNull() ? null : new ContactId(cursor), false);
        }, key, utc(fire)));
  }

  private void run(EntrySchedule schedule, Instant fire, Claim claim) {
    ContactId after = claim.cursor();
    AudiencePage page;
    long submitted = 0;
    long started = 0;
    do {
      page = segments.members(new SegmentId(schedule.segment()), schedule.topic(), after, pageSize);
      int pageStarted = 0;
      int pageRefused = 0;
      for (ContactId member : page.members()) {
        switch (submit(schedule, fire, member)) {
          case STARTED -> pageStarted++;
          case REFUSED -> pageRefused++;
          default -> {
            // skipped by the journey's rules, or submitted by an earlier attempt
          }
        }
      }
      if (!page.members().isEmpty()) {
        after = page.members().getLast();
      }
      Instant now = clock.instant();
      jdbc.update("update journey_schedule_fire set cursor_contact = ?, submitted = submitted + ?, "
              + "started = started + ?, refused = refused + ?, claimed_until = ?, status = ?, finished_at = ? "
              + "where id = ?", after == null ? null : after.value(), page.members().size(), pageStarted, pageRefused,
          utc(now.plus(LEASE)), page.last() ? "DONE" : "RUNNING", page.last() ? utc(now) : null, claim.id());
      submitted += page.members().size();
      started += pageStarted;
    } while (!page.last());
    LOG.info("Scheduled entry {} at {}: {} members submitted, {} runs started", schedule.key(), fire, submitted,
        started);
  }

  private enum Submitted { STARTED, SKIPPED, REFUSED }

  private Submitted submit(EntrySchedule schedule, Instant fire, ContactId member) {
    Optional<ContactView> contact = contacts.find(member);
    if (contact.isEmpty()) {
      return Submitted.REFUSED;
    }
    TriggerEvent event = new TriggerEvent(eventId(schedule.journey(), fire, member), schedule.eventType(), fire,
        new TriggerEvent.Contact(contact.get().phone(), null, null, null, null, null, null, null, null), null,
        Map.of("schedule", Map.of("segmentId", schedule.segment(), "fireTime", fire.toString())));
    try {
      EventIntake.Accepted accepted = intake.accept(event);
      return !accepted.duplicate() && accepted.run() != null && !"SKIPPED".equals(accepted.run().status())
          ? Submitted.STARTED : Submitted.SKIPPED;
    } catch (InvalidInputException refused) {
      LOG.warn("Scheduled entry {}: contact {} refused at intake: {}", schedule.key(), member, refused.getMessage());
      return Submitted.REFUSED;
    }
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
