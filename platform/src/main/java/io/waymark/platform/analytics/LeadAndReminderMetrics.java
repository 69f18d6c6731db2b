package io.waymark.platform.analytics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The two metrics that are not about messages: how fast sales accepts hot leads (from the lead inbox,
 * {@code crm_lead_task}), and whether reminder journeys cut no-shows (reminder runs, held out or not, and the
 * {@code appointment.attended} conversions of their contacts). Aggregated in the database; percentiles are
 * nearest-rank, each fetched as the one row at its rank.
 */
final class LeadAndReminderMetrics {

  private final NamedParameterJdbcTemplate jdbc;
  private final AnalyticsProperties properties;

  LeadAndReminderMetrics(NamedParameterJdbcTemplate jdbc, AnalyticsProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** Tasks created in the period (of the filter's journey and variant, through the task's journey run). */
  LeadResponse leadResponse(MetricFilter filter) {
    Map<String, Object> params = params(filter);
    String from = " FROM crm_lead_task t LEFT JOIN journey_run r ON r.id = t.journey_run_id"
        + " WHERE t.created_at >= :start AND t.created_at < :end"
        + (filter.journey() == null ? "" : " AND r.process_id = :journey")
        + (filter.variant() == null ? "" : " AND EXISTS (SELECT 1 FROM experiment_entry e"
            + " WHERE e.journey_run_id = t.journey_run_id AND e.variant = :variant)");
    long[] counts = jdbc.queryForObject("SELECT COUNT(*) AS tasks,"
        + " SUM(CASE WHEN t.accepted_at IS NOT NULL THEN 1 ELSE 0 END) AS accepted" + from, params,
        (rs, i) -> new long[] {rs.getLong("tasks"), rs.getLong("accepted")});
    long accepted = counts[1];
    if (accepted == 0) {
      return new LeadResponse(counts[0], 0, null, null);
    }
    String durations = "SELECT t.time_to_accept_ms" + from + " AND t.accepted_at IS NOT NULL"
        + " ORDER BY t.time_to_accept_ms LIMIT 1 OFFSET ";
    return new LeadResponse(counts[0], accepted, rank(durations, params, accepted, 0.5),
        rank(durations, params, accepted, 0.9));
  }

  /** The nearest-rank percentile {@code q} of {@code n} ordered durations: the value at rank ceil(q × n). */
  private Duration rank(String sql, Map<String, Object> params, long n, double q) {
    long rank = Math.max(1, (long) Math.ceil(q * n));
    Long millis = jdbc.queryForObject(sql + (rank - 1), params, Long.class);
    return millis == null ? null : Duration.ofMillis(millis);
  }

  /**
   * Per reminder journey ({@code waymark.analytics.reminders.journeys}), the runs that entered in the period: held
   * out (experiment variant {@code holdout}, or outcome HOLDOUT of a journey with a holdout share) or reminded, and of
   * each the no-shows: no {@code appointment.attended} of the contact within {@code reminders.window} after entry.
   */
  List<ReminderEffect> reminders(MetricFilter filter) {
    List<String> journeys = properties.reminders().journeys().stream()
        .filter(j -> filter.journey() == null || filter.journey().equals(j)).toList();
    if (journeys.isEmpty()) {
      return List.of();
    }
    Map<String, Object> params = params(filter);
    params.put("journeys", journeys);
    params.put("attended", AnalyticsProperties.ATTENDED);
    String held = "(COALESCE(e.variant, '') = '" + VariantSpec.HOLDOUT + "' OR COALESCE(r.outcome, '') = 'HOLDOUT')";
    String noShow = "NOT EXISTS (SELECT 1 FROM conversion c WHERE c.contact_id = r.contact_id"
        + " AND c.event_type = :attended AND c.occurred_at >= r.requested_at AND c.occurred_at <= "
        + MessageSql.plus("r.requested_at", properties.reminders().window().toSeconds()) + ")";
    return jdbc.query("SELECT r.process_id,"
        + " SUM(CASE WHEN " + held + " THEN 0 ELSE 1 END) AS reminded,"
        + " SUM(CASE WHEN NOT " + held + " AND " + noShow + " THEN 1 ELSE 0 END) AS reminded_no_shows,"
        + " SUM(CASE WHEN " + held + " THEN 1 ELSE 0 END) AS held_out,"
        + " SUM(CASE WHEN " + held + " AND " + noShow + " THEN 1 ELSE 0 END) AS held_out_no_shows"
        + " FROM journey_run r LEFT JOIN experiment_entry e ON e.journey_run_id = r.id"
        + " WHERE r.process_id IN (:journeys) AND r.status IN ('RUNNING', 'ENDED')"
        + " AND r.requested_at >= :start AND r.requested_at < :end"
        + (filter.variant() == null ? "" : " AND e.variant = :variant")
        + " GROUP BY r.process_id ORDER BY r.process_id", params, (rs, i) -> {
          long reminded = rs.getLong("reminded");
          long remindedNoShows = rs.getLong("reminded_no_shows");
          long heldOut = rs.getLong("held_out");
          long heldOutNoShows = rs.getLong("held_out_no_shows");
          Double reduction = heldOut == 0 || reminded == 0 ? null
              : Tally.ratio(heldOutNoShows, heldOut) - Tally.ratio(remindedNoShows, reminded);
          return new ReminderEffect(rs.getString("process_id"), reminded, remindedNoShows, heldOut, heldOutNoShows,
              reduction);
        });
  }

  private static Map<String, Object> params(MetricFilter filter) {
    Map<String, Object> params = new HashMap<>();
    params.put("start", MessageSql.utc(filter.period().start()));
    params.put("end", MessageSql.utc(filter.period().end()));
    if (filter.journey() != null) {
      params.put("journey", filter.journey());
    }
    if (filter.variant() != null) {
      params.put("variant", filter.variant());
    }
    return params;
  }
}
