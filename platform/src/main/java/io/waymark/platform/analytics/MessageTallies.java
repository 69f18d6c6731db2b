package io.waymark.platform.analytics;

import io.waymark.platform.template.SmsEncoding;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The tallies of a filter's SMS in one pass over the ledgers: one query yields each message with what followed it
 * (an opt-out or a reply of its contact within the attribution window, a click on one of its short links, conversions
 * attributed to it and their revenue), ordered by contact; the messages are then counted per day, journey, template and
 * route at once, and each contact once per key (recipients, and those who opted out, replied, clicked, converted), so
 * only one contact's messages are held at a time. Rows recorded before segments were kept are counted from their body.
 */
final class MessageTallies {

  enum Dimension { TOTAL, DAY, JOURNEY, TEMPLATE, ROUTE }

  private final NamedParameterJdbcTemplate jdbc;
  private final AnalyticsProperties properties;
  private final BigDecimal segmentPrice;

  MessageTallies(NamedParameterJdbcTemplate jdbc, AnalyticsProperties properties, BigDecimal segmentPrice) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.segmentPrice = segmentPrice;
  }

  Breakdown breakdown(MetricFilter filter) {
    MessageSql sql = new MessageSql(filter);
    long window = properties.attribution().window().toSeconds();
    sql.params.put("currency", properties.currency());
    String query = "SELECT x.contact_id, x.status, " + sql.localDay("x.at") + " AS local_day,"
        + " COALESCE(x.journey, '" + MessageSql.NONE + "') AS journey,"
        + " COALESCE(x.template_key, '" + MessageSql.NONE + "') AS template_key,"
        + " COALESCE(x.provider, '" + MessageSql.NONE + "') AS route,"
        + " x.segments, CASE WHEN x.segments IS NULL THEN x.body END AS body,"
        + " CASE WHEN EXISTS (SELECT 1 FROM consent_record c WHERE c.contact_id = x.contact_id"
        + "   AND c.kind = 'OPT_OUT' AND c.occurred_at > x.at AND c.occurred_at <= " + MessageSql.plus("x.at", window)
        + "   ) THEN 1 ELSE 0 END AS opted_out,"
        + " CASE WHEN EXISTS (SELECT 1 FROM inbound_message i WHERE i.contact_id = x.contact_id"
        + "   AND i.received_at > x.at AND i.received_at <= " + MessageSql.plus("x.at", window)
        + "   ) THEN 1 ELSE 0 END AS replied,"
        + " CASE WHEN EXISTS (SELECT 1 FROM link_click k WHERE k.message_key = x.idempotency_key"
        + "   AND k.kind = 'CLICK') THEN 1 ELSE 0 END AS clicked,"
        + " (SELECT COUNT(*) FROM conversion v WHERE v.outbound_message_id = x.message_id) AS conversions,"
        + " (SELECT SUM(v.amount) FROM conversion v WHERE v.outbound_message_id = x.message_id"
        + "   AND v.currency = :currency) AS revenue"
        + " FROM " + sql.messages() + " ORDER BY x.contact_id";
    Counting counting = new Counting();
    jdbc.query(query, sql.params, counting);
    counting.endContact();
    return new Breakdown(counting.tally(Dimension.TOTAL, "all"), days(filter, counting),
        counting.rows(Dimension.JOURNEY), counting.rows(Dimension.TEMPLATE), counting.rows(Dimension.ROUTE));
  }

  private static List<MetricRow> days(MetricFilter filter, Counting counting) {
    List<MetricRow> rows = new ArrayList<>();
    for (LocalDate day = filter.period().from(); !day.isAfter(filter.period().to()); day = day.plusDays(1)) {
      rows.add(new MetricRow(day.toString(), counting.tally(Dimension.DAY, day.toString())));
    }
    return rows;
  }

  /** Counts per dimension and key; what a contact did is gathered over its messages and counted at its last one. */
  private final class Counting implements RowCallbackHandler {

    private final Map<Dimension, Map<String, Counts>> counts = new EnumMap<>(Dimension.class);
    private final Map<Dimension, Map<String, int[]>> contact = new EnumMap<>(Dimension.class);
    private long contactId = Long.MIN_VALUE;

    Counting() {
      for (Dimension dimension : Dimension.values()) {
        counts.put(dimension, new TreeMap<>());
        contact.put(dimension, new HashMap<>());
      }
    }

    @Override
    public void processRow(ResultSet rs) throws SQLException {
      long id = rs.getLong("contact_id");
      if (id != contactId) {
        endContact();
        contactId = id;
      }
      String status = rs.getString("status");
      int segments = rs.getObject("segments") == null ? SmsEncoding.analyze(rs.getString("body")).segments()
          : rs.getInt("segments");
      BigDecimal revenue = rs.getBigDecimal("revenue");
      int[] did = {rs.getInt("opted_out"), rs.getInt("replied"), rs.getInt("clicked"),
          rs.getLong("conversions") > 0 ? 1 : 0};
      String[] keys = {"all", day(rs.getObject("local_day")), rs.getString("journey"), rs.getString("template_key"),
          rs.getString("route")};
      for (Dimension dimension : Dimension.values()) {
        String key = keys[dimension.ordinal()];
        counts.get(dimension).computeIfAbsent(key, k -> new Counts()).message(status, segments, revenue);
        int[] flags = contact.get(dimension).computeIfAbsent(key, k -> new int[4]);
        for (int i = 0; i < flags.length; i++) {
          flags[i] |= did[i];
        }
      }
    }

    /** The contact's messages are all read: it counts once per key it had a message under. */
    void endContact() {
      contact.forEach((dimension, keys) -> {
        keys.forEach((key, flags) -> counts.get(dimension).get(key).contact(flags));
        keys.clear();
      });
    }

    Tally tally(Dimension dimension, String key) {
      Counts c = counts.get(dimension).get(key);
      return c == null ? Tally.EMPTY : c.tally(segmentPrice);
    }

    List<MetricRow> rows(Dimension dimension) {
      return counts.get(dimension).entrySet().stream()
          .map(e -> new MetricRow(e.getKey(), e.getValue().tally(segmentPrice))).toList();
    }
  }

  private static String day(Object value) {
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate().toString();
    }
    if (value instanceof LocalDate date) {
      return date.toString();
    }
    return String.valueOf(value);
  }

  /** One key's running counts. */
  private static final class Counts {
    long messages;
    long delivered;
    long failed;
    long segments;
    BigDecimal revenue = BigDecimal.ZERO;
    long recipients;
    long optedOut;
    long replied;
    long clicked;
    long converted;

    void message(String status, int segments, BigDecimal revenue) {
      messages++;
      delivered += "DELIVERED".equals(status) ? 1 : 0;
      failed += "FAILED".equals(status) || "UNDELIVERED".equals(status) ? 1 : 0;
      this.segments += segments;
      this.revenue = revenue == null ? this.revenue : this.revenue.add(revenue);
    }

    void contact(int[] flags) {
      recipients++;
      optedOut += flags[0];
      replied += flags[1];
      clicked += flags[2];
      converted += flags[3];
    }

    Tally tally(BigDecimal segmentPrice) {
      return new Tally(messages, delivered, failed, recipients, optedOut, replied, clicked, converted, revenue,
          segments, segmentPrice.multiply(BigDecimal.valueOf(segments)));
    }
  }
}
