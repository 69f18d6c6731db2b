package io.waymark.platform.analytics;

import io.waymark.platform.template.SmsEncoding;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Program health, engagement and outcomes, computed from the ledgers (outbound messages and their receipts, inbound
 * replies, consent, link clicks, conversions, lead tasks) for a {@link MetricFilter}; never from counters. Every
 * breakdown is one aggregate query grouped in the database ({@link MessageSql}); a contact counts as having replied
 * or opted out after a message when it did so within {@code waymark.analytics.attribution.window} of it, as having
 * clicked when it opened a short link of that very message, and as converted when a conversion was attributed to it.
 * Cost is segments × {@code waymark.campaigns.segment-price}.
 */
@Service
@EnableConfigurationProperties(AnalyticsProperties.class)
public class ProgramMetrics {

  private final NamedParameterJdbcTemplate jdbc;
  private final AnalyticsProperties properties;
  private final BigDecimal segmentPrice;
  private final LeadAndReminderMetrics leadsAndReminders;

  ProgramMetrics(NamedParameterJdbcTemplate jdbc, AnalyticsProperties properties,
      @Value("${waymark.campaigns.segment-price:0.0079}") BigDecimal segmentPrice) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.segmentPrice = segmentPrice;
    this.leadsAndReminders = new LeadAndReminderMetrics(jdbc, properties);
  }

  /** The whole filter in one tally. */
  @Transactional(readOnly = true)
  public Tally total(MetricFilter filter) {
    return tallies(filter, null).getOrDefault("all", Tally.EMPTY);
  }

  /** One row per day of the period (days without messages included, with an empty tally). */
  @Transactional(readOnly = true)
  public List<MetricRow> byDay(MetricFilter filter) {
    MessageSql sql = new MessageSql(filter);
    Map<String, Tally> days = tallies(filter, sql.localDay("x.at"), sql);
    List<MetricRow> rows = new ArrayList<>();
    for (LocalDate day = filter.period().from(); !day.isAfter(filter.period().to()); day = day.plusDays(1)) {
      rows.add(new MetricRow(day.toString(), days.getOrDefault(day.toString(), Tally.EMPTY)));
    }
    return rows;
  }

  @Transactional(readOnly = true)
  public List<MetricRow> byJourney(MetricFilter filter) {
    return rows(tallies(filter, "COALESCE(x.journey, '" + MessageSql.NONE + "')"));
  }

  @Transactional(readOnly = true)
  public List<MetricRow> byTemplate(MetricFilter filter) {
    return rows(tallies(filter, "COALESCE(x.template_key, '" + MessageSql.NONE + "')"));
  }

  @Transactional(readOnly = true)
  public List<MetricRow> byRoute(MetricFilter filter) {
    return rows(tallies(filter, "COALESCE(x.provider, '" + MessageSql.NONE + "')"));
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

  private static List<MetricRow> rows(Map<String, Tally> tallies) {
    return tallies.entrySet().stream().map(e -> new MetricRow(e.getKey(), e.getValue())).toList();
  }

  private Map<String, Tally> tallies(MetricFilter filter, String key) {
    return tallies(filter, key, new MessageSql(filter));
  }

  /**
   * Tallies per {@code key} (an SQL expression over {@code x}; null: one tally under "all"), ordered by key: the
   * message counts and engaged contacts in one query, conversions and revenue in a second, and the segments of rows
   * recorded before segments were kept counted from their bodies (streamed, never held).
   */
  private Map<String, Tally> tallies(MetricFilter filter, String key, MessageSql sql) {
    long window = properties.attribution().window().toSeconds();
    String keyed = "(SELECT " + (key == null ? "'all'" : key) + " AS k, x.* FROM " + sql.messages() + ") x";
    String groupBy = " GROUP BY x.k ORDER BY x.k";
    Map<String, long[]> counts = new LinkedHashMap<>();
    jdbc.query("SELECT x.k, COUNT(*) AS messages,"
        + " SUM(CASE WHEN x.status = 'DELIVERED' THEN 1 ELSE 0 END) AS delivered,"
        + " SUM(CASE WHEN x.status IN " + MessageSql.FAILED_STATUSES + " THEN 1 ELSE 0 END) AS failed,"
        + " COUNT(DISTINCT x.contact_id) AS recipients,"
        + " COUNT(DISTINCT CASE WHEN EXISTS (SELECT 1 FROM consent_record c WHERE c.contact_id = x.contact_id"
        + "   AND c.kind = 'OPT_OUT' AND c.occurred_at > x.at AND c.occurred_at <= " + MessageSql.plus("x.at", window)
        + "   ) THEN x.contact_id END) AS opted_out,"
        + " COUNT(DISTINCT CASE WHEN EXISTS (SELECT 1 FROM inbound_message i WHERE i.contact_id = x.contact_id"
        + "   AND i.received_at > x.at AND i.received_at <= " + MessageSql.plus("x.at", window)
        + "   ) THEN x.contact_id END) AS replied,"
        + " COUNT(DISTINCT CASE WHEN EXISTS (SELECT 1 FROM link_click k WHERE k.message_key = x.idempotency_key"
        + "   AND k.kind = 'CLICK') THEN x.contact_id END) AS clicked,"
        + " SUM(x.segments) AS segments"
        + " FROM " + keyed + groupBy, sql.params, (ResultSet rs) -> {
          if (rs.getLong("messages") > 0) {
            counts.put(key(rs), new long[] {rs.getLong("messages"), rs.getLong("delivered"), rs.getLong("failed"),
                rs.getLong("recipients"), rs.getLong("opted_out"), rs.getLong("replied"), rs.getLong("clicked"),
                rs.getLong("segments")});
          }
        });
    Map<String, Object[]> outcomes = new HashMap<>();
    Map<String, Object> params = new HashMap<>(sql.params);
    params.put("currency", properties.currency());
    jdbc.query("SELECT x.k, COUNT(DISTINCT v.contact_id) AS converted,"
        + " SUM(CASE WHEN v.currency = :currency THEN v.amount ELSE 0 END) AS revenue"
        + " FROM " + keyed + " JOIN conversion v ON v.outbound_message_id = x.message_id" + groupBy,
        params, (ResultSet rs) -> {
          outcomes.put(key(rs), new Object[] {rs.getLong("converted"), rs.getBigDecimal("revenue")});
        });
    jdbc.query("SELECT x.k, x.body FROM " + keyed + " WHERE x.segments IS NULL",
        sql.params, (ResultSet rs) -> {
          long[] c = counts.get(key(rs));
          if (c != null) {
            c[7] += SmsEncoding.analyze(rs.getString("body")).segments();
          }
        });
    Map<String, Tally> tallies = new LinkedHashMap<>();
    counts.forEach((k, c) -> {
      Object[] o = outcomes.getOrDefault(k, new Object[] {0L, BigDecimal.ZERO});
      BigDecimal revenue = o[1] == null ? BigDecimal.ZERO : (BigDecimal) o[1];
      tallies.put(k, new Tally(c[0], c[1], c[2], c[3], c[4], c[5], c[6], (long) o[0], revenue, c[7],
          segmentPrice.multiply(BigDecimal.valueOf(c[7]))));
    });
    return tallies;
  }

  private static String key(ResultSet rs) throws SQLException {
    Object value = rs.getObject(1);
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate().toString();
    }
    if (value instanceof LocalDate date) {
      return date.toString();
    }
    return String.valueOf(value);
  }
}
