package io.waymark.platform.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code waymark.journeys.schedules[n]}: scheduled segment entry. At each fire time of {@code cron} in {@code zone},
 * every member of segment {@code segment} (consent for {@code topic} applied) enters {@code journey} through an event
 * of type {@code eventType}, which {@code waymark.journeys.triggers} must map to that journey (e.g. nightly
 * {@code contact.inactive} into win-back). Checked when bound, naming the property; the segment and the trigger are
 * checked at start-up ({@link SegmentEntrySchedules}).
 */
@ConfigurationProperties("waymark.journeys")
record EntryScheduleProperties(List<EntrySchedule> schedules) {

  EntryScheduleProperties {
    List<EntrySchedule> checked = new ArrayList<>();
    if (schedules != null) {
      for (int i = 0; i < schedules.size(); i++) {
        checked.add(schedules.get(i).checked("waymark.journeys.schedules[" + i + "]"));
      }
    }
    schedules = List.copyOf(checked);
  }

  /** One schedule. */
  record EntrySchedule(String journey, Long segment, String topic, String cron, String zone, String eventType) {

    EntrySchedule checked(String at) {
      if (journey == null || !journey.strip().matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
        throw new IllegalArgumentException(at + ".journey: is required, the process id of a journey (e.g. win-back), "
            + "was '" + journey + "'");
      }
      if (segment == null || segment < 1) {
        throw new IllegalArgumentException(at + ".segment: is required, the id of a segment, was " + segment);
      }
      if (topic == null || !Campaigns.TOPIC.matcher(topic.strip()).matches()) {
        throw new IllegalArgumentException(at + ".topic: is required, the consent topic the members must hold "
            + "(lower-case letters, digits, '-'), was '" + topic + "'");
      }
      if (eventType == null || eventType.isBlank()) {
        throw new IllegalArgumentException(at + ".event-type: is required, the event type that starts the journey "
            + "(e.g. contact.inactive)");
      }
      try {
        CronSchedules.parse(cron, zone, Instant.now());
      } catch (CronSchedules.InvalidCron e) {
        throw new IllegalArgumentException(at + "." + e.field + ": " + e.problem);
      }
      return new EntrySchedule(journey.strip(), segment, topic.strip(), cron.strip(), zone.strip(), eventType.strip());
    }

    CronSchedules.Cron parsedCron(Instant now) {
      return CronSchedules.parse(cron, zone, now);
    }

    /** The key of this schedule's fires: one row per key and fire time. */
    String key() {
      return journey + "/" + eventType + "/" + segment;
    }
  }
}
