package io.waymark.platform.analytics;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.Map;

/**
 * The SQL shared by the metrics queries, for H2 (MySQL mode) and MySQL / MariaDB alike: the filter's SMS as a derived
 * table {@code x} (one row per message sent to a provider: its contact, status, route, template, segments, the instant
 * it was sent or refused, and the journey run it belongs to, directly or through a sub-journey), and the local day of
 * an instant in the period's zone. Instants are bound as UTC date-times, as Hibernate stores them
 * ({@code hibernate.jdbc.time_zone=UTC}); only {@code TIMESTAMPADD}, {@code CAST(... AS DATE)} and {@code COALESCE}
 * are used, which both databases read the same.
 */
final class MessageSql {

  /** Statuses of a message that went to a provider (QUEUED is not done yet; SUPPRESSED never went). */
  static final String SENT_STATUSES = "('SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED', 'UNKNOWN')";
  static final String FAILED_STATUSES = "('FAILED', 'UNDELIVERED')";
  /** What a breakdown row of messages outside journeys (campaigns, one-off sends) is keyed by. */
  static final String NONE = "(none)";

  final Map<String, Object> params = new HashMap<>();
  private final MetricFilter filter;

  MessageSql(MetricFilter filter) {
    this.filter = filter;
    params.put("start", utc(filter.period().start()));
    params.put("end", utc(filter.period().end()));
    if (filter.journey() != null) {
      params.put("journey", filter.journey());
    }
    if (filter.variant() != null) {
      params.put("variant", filter.variant());
    }
  }

  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** The filter's messages as {@code (...) x}. */
  String messages() {
    return "(SELECT m.id AS message_id, m.contact_id, m.status, m.provider, m.template_key, m.segments, m.body,"
        + " m.idempotency_key, m.error_code, m.failure_reason, COALESCE(m.sent_at, m.created_at) AS at,"
        + " COALESCE(r.process_id, rs.process_id) AS journey, COALESCE(r.id, rs.id) AS run_id"
        + " FROM outbound_message m"
        + " LEFT JOIN journey_run r ON r.process_instance_key = m.process_instance_key"
        + " LEFT JOIN journey_sub_instance s ON s.process_instance_key = m.process_instance_key"
        + " LEFT JOIN journey_run rs ON rs.id = s.journey_run_id"
        + " WHERE m.status IN " + SENT_STATUSES
        + " AND ((m.sent_at >= :start AND m.sent_at < :end)"
        + " OR (m.sent_at IS NULL AND m.created_at >= :start AND m.created_at < :end))"
        + (filter.journey() == null ? "" : " AND COALESCE(r.process_id, rs.process_id) = :journey")
        + (filter.variant() == null ? "" : " AND EXISTS (SELECT 1 FROM experiment_entry e"
            + " WHERE e.journey_run_id = COALESCE(r.id, rs.id) AND e.variant = :variant)")
        + ") x";
  }

  /**
   * The local day (a DATE) of {@code column} in the period's zone: the instant moved by the zone's offset, which is a
   * CASE over the offset transitions (daylight saving) within the period.
   */
  String localDay(String column) {
    ZoneRules rules = filter.period().zone().getRules();
    Instant start = filter.period().start();
    Instant end = filter.period().end();
    StringBuilder offset = new StringBuilder();
    int current = rules.getOffset(start).getTotalSeconds();
    ZoneOffsetTransition next = rules.nextTransition(start);
    int n = 0;
    while (next != null && next.getInstant().isBefore(end)) {
      String name = "transition" + n++;
      params.put(name, utc(next.getInstant()));
      offset.append(" WHEN ").append(column).append(" < :").append(name).append(" THEN ").append(current);
      current = next.getOffsetAfter().getTotalSeconds();
      next = rules.nextTransition(next.getInstant());
    }
    String seconds = n == 0 ? Integer.toString(current) : "CASE" + offset + " ELSE " + current + " END";
    return "CAST(TIMESTAMPADD(SECOND, " + seconds + ", " + column + ") AS DATE)";
  }

  /** {@code column} plus {@code seconds}, for windows after an instant. */
  static String plus(String column, long seconds) {
    return "TIMESTAMPADD(SECOND, " + seconds + ", " + column + ")";
  }
}
