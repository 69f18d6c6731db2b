package io.waymark.platform.analytics;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Program health, engagement and outcomes, computed from the ledgers (outbound messages and their receipts, inbound
 * replies, consent, link clicks, conversions, lead tasks) for a {@link MetricFilter}; never from counters. The
 * tallies come from one pass over the filter's messages ({@link MessageTallies}); a contact counts as having replied
 * or opted out after a message when it did so within {@code waymark.analytics.attribution.window} of it, as having
 * clicked when it opened a short link of that very message, and as converted when a conversion was attributed to it.
 * Cost is segments × {@code waymark.campaigns.segment-price}.
 */
@Service
@EnableConfigurationProperties(AnalyticsProperties.class)
public class ProgramMetrics {

  private final NamedParameterJdbcTemplate jdbc;
  private final AnalyticsProperties properties;
  private final LeadAndReminderMetrics leadsAndReminders;
  private final MessageTallies tallies;

  ProgramMetrics(NamedParameterJdbcTemplate jdbc, AnalyticsProperties properties,
      @Value("${waymark.campaigns.segment-price:0.0079}") BigDecimal segmentPrice) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.leadsAndReminders = new LeadAndReminderMetrics(jdbc, properties);
    this.tallies = new MessageTallies(jdbc, properties, segmentPrice);
  }

  /**
   * The filter's SMS tallied in total and per day, journey, template and route, in one pass over the ledgers: what
   * the dashboard reads on opening. Each of the methods below costs as much as this one.
   */
  @Transactional(readOnly = true)
  public Breakdown breakdown(MetricFilter filter) {
    return tallies.breakdown(filter);
  }

  /** The whole filter in one tally. */
  @Transactional(readOnly = true)
  public Tally total(MetricFilter filter) {
    return breakdown(filter).total();
  }

  /** One row per day of the period (days without messages included, with an empty tally). */
  @Transactional(readOnly = true)
  public List<MetricRow> byDay(MetricFilter filter) {
    return breakdown(filter).byDay();
  }

  @Transactional(readOnly = true)
  public List<MetricRow> byJourney(MetricFilter filter) {
    return breakdown(filter).byJourney();
  }

  @Transactional(readOnly = true)
  public List<MetricRow> byTemplate(MetricFilter filter) {
    return breakdown(filter).byTemplate();
  }

  @Transactional(readOnly = true)
  public List<MetricRow> byRoute(MetricFilter filter) {
    return breakdown(filter).byRoute();
  }

  /** Failed and undelivered messages by reason (the provider's error code, else Waymark's reason), most first. */
  @Transactional(readOnly = true)
  public List<FailureCount> failures(MetricFilter filter) {
    MessageSql sql = new MessageSql(filter);
    String reason = "COALESCE(x.error_code, x.failure_reason, x.status)";
    return jdbc.query("SELECT " + reason + " AS reason, COUNT(*) AS messages FROM " + sql.messages()
        + " WHERE x.status IN " + MessageSql.FAILED_STATUSES + " GROUP BY " + reason
        + " ORDER BY COUNT(*) DESC, " + reason, sql.params,
        (rs, i) -> new FailureCount(rs.getString("reason"), rs.getLong("messages")));
  }

  @Transactional(readOnly = true)
  public LeadResponse leadResponse(MetricFilter filter) {
    return leadsAndReminders.leadResponse(filter);
  }

  @Transactional(readOnly = true)
  public List<ReminderEffect> reminders(MetricFilter filter) {
    return leadsAndReminders.reminders(filter);
  }
}
