package io.waymark.platform.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Each experiment's results per variant, over the contacts assigned in the period (the unit is the contact: a contact
 * who re-enters counts once, in the variant of its first entry). Outcomes count within
 * {@code waymark.analytics.experiments.window} after the assignment: SMS sent and delivered to the contact by the
 * experiment's journey runs, its short-link clicks from them, and, whatever the source, its replies, opt-outs and
 * conversions (a holdout is measured on the same footing as the treated). Rates with Wilson intervals, lift over the
 * holdout with Newcombe's hybrid score interval and the pooled z-test ({@link Statistics}).
 */
final class ExperimentReports {

  private final NamedParameterJdbcTemplate jdbc;
  private final AnalyticsProperties properties;

  ExperimentReports(NamedParameterJdbcTemplate jdbc, AnalyticsProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  List<ExperimentReport> reports(MetricFilter filter) {
    Map<String, Object> params = new HashMap<>();
    params.put("start", MessageSql.utc(filter.period().start()));
    params.put("end", MessageSql.utc(filter.period().end()));
    String journey = "";
    if (filter.journey() != null) {
      params.put("journey", filter.journey());
      journey = " AND a.process_id = :journey";
    }
    List<String[]> experiments = jdbc.query("SELECT DISTINCT a.experiment_id, a.process_id"
        + " FROM experiment_assignment a WHERE a.assigned_at >= :start AND a.assigned_at < :end" + journey
        + " ORDER BY a.process_id, a.experiment_id", params,
        (rs, i) -> new String[] {rs.getString(1), rs.getString(2)});
    List<ExperimentReport> reports = new ArrayList<>();
    for (String[] experiment : experiments) {
      reports.add(report(experiment[0], experiment[1], filter, params));
    }
    return reports;
  }

  private ExperimentReport report(String experiment, String journey, MetricFilter filter,
      Map<String, Object> base) {
    Map<String, Object> params = new HashMap<>(base);
    params.put("experiment", experiment);
    params.put("currency", properties.currency());
    params.put("conversions", properties.conversions());
    long window = properties.experiments().window().toSeconds();
    String until = MessageSql.plus("a.assigned_at", window);
    String instances = "SELECT r.process_instance_key FROM experiment_entry e JOIN journey_run r"
        + " ON r.id = e.journey_run_id WHERE e.experiment_id = a.experiment_id AND e.contact_id = a.contact_id"
        + " AND r.process_instance_key IS NOT NULL UNION ALL SELECT s.process_instance_key FROM experiment_entry e"
        + " JOIN journey_sub_instance s ON s.journey_run_id = e.journey_run_id"
        + " WHERE e.experiment_id = a.experiment_id AND e.contact_id = a.contact_id";
    String message = "SELECT 1 FROM outbound_message m WHERE m.contact_id = a.contact_id AND m.sent_at >= a.assigned_at"
        + " AND m.sent_at <= " + until + " AND m.process_instance_key IN (" + instances + ")";
    String assigned = " FROM experiment_assignment a WHERE a.experiment_id = :experiment"
        + " AND a.assigned_at >= :start AND a.assigned_at < :end";
    Map<String, long[]> counts = new LinkedHashMap<>();
    jdbc.query("SELECT a.variant,"
        + count("sent", message)
        + count("delivered", message + " AND m.status = 'DELIVERED'")
        + count("clicked", "SELECT 1 FROM link_click k WHERE k.contact_id = a.contact_id AND k.kind = 'CLICK'"
            + " AND k.clicked_at >= a.assigned_at AND k.clicked_at <= " + until
            + " AND k.process_instance_key IN (" + instances + ")")
        + count("replied", "SELECT 1 FROM inbound_message i WHERE i.contact_id = a.contact_id"
            + " AND i.received_at >= a.assigned_at AND i.received_at <= " + until)
        + count("opted_out", "SELECT 1 FROM consent_record c WHERE c.contact_id = a.contact_id"
            + " AND c.kind = 'OPT_OUT' AND c.occurred_at >= a.assigned_at AND c.occurred_at <= " + until)
        + count("converted", "SELECT 1 FROM conversion v WHERE v.contact_id = a.contact_id"
            + " AND v.event_type IN (:conversions) AND v.occurred_at >= a.assigned_at AND v.occurred_at <= " + until)
        + " COUNT(*) AS entered" + assigned + " GROUP BY a.variant", params, rs -> {
          counts.put(rs.getString("variant"), new long[] {rs.getLong("entered"), rs.getLong("sent"),
              rs.getLong("delivered"), rs.getLong("clicked"), rs.getLong("replied"), rs.getLong("opted_out"),
              rs.getLong("converted")});
        });
    Map<String, BigDecimal> revenue = new HashMap<>();
    jdbc.query("SELECT a.variant, SUM(v.amount) AS revenue" + " FROM experiment_assignment a JOIN conversion v"
        + " ON v.contact_id = a.contact_id AND v.event_type IN (:conversions) AND v.currency = :currency"
        + " AND v.occurred_at >= a.assigned_at AND v.occurred_at <= " + until
        + " WHERE a.experiment_id = :experiment AND a.assigned_at >= :start AND a.assigned_at < :end"
        + " GROUP BY a.variant", params, rs -> {
          revenue.put(rs.getString("variant"), rs.getBigDecimal("revenue"));
        });
    return assemble(experiment, journey, filter.variant(), counts, revenue);
  }

  private static String count(String name, String exists) {
    return " SUM(CASE WHEN EXISTS (" + exists + ") THEN 1 ELSE 0 END) AS " + name + ",";
  }

  /** The variants in declared order where known (holdout last), the lift of each over the holdout, the warning. */
  private ExperimentReport assemble(String experiment, String journey, String onlyVariant,
      Map<String, long[]> counts, Map<String, BigDecimal> revenue) {
    long[] holdout = counts.get(VariantSpec.HOLDOUT);
    List<VariantResult> results = new ArrayList<>();
    List<String> small = new ArrayList<>();
    counts.keySet().stream().sorted((a, b) -> a.equals(VariantSpec.HOLDOUT) ? 1
        : b.equals(VariantSpec.HOLDOUT) ? -1 : a.compareTo(b)).forEach(variant -> {
          boolean isHoldout = variant.equals(VariantSpec.HOLDOUT);
          if (onlyVariant != null && !isHoldout && !variant.equals(onlyVariant)) {
            return;
          }
          long[] c = counts.get(variant);
          Lift lift = isHoldout || holdout == null ? null : Statistics.lift(c[6], c[0], holdout[6], holdout[0]);
          results.add(new VariantResult(variant, isHoldout, c[0], c[1], c[2], c[3], c[4], c[5], c[6],
              java.util.Objects.requireNonNullElse(revenue.get(variant), BigDecimal.ZERO),
              Statistics.wilson(c[6], c[0]), lift));
          tooSmall(variant, c[0], c[6]).ifPresent(small::add);
        });
    String warning = null;
    if (holdout == null) {
      warning = "no holdout entered in the period: lift cannot be measured";
    } else if (!small.isEmpty()) {
      warning = "too small to conclude: " + String.join("; ", small);
    }
    return new ExperimentReport(experiment, journey, List.copyOf(results), warning);
  }

  /** Why a group is too small to conclude from: under the minimum sample, or under 10 (non-)conversions. */
  private java.util.Optional<String> tooSmall(String variant, long entered, long converted) {
    List<String> reasons = new ArrayList<>();
    if (entered < properties.minSample()) {
      reasons.add(entered + " entered, fewer than the minimum sample of " + properties.minSample()
          + " (waymark.analytics.min-sample)");
    }
    if (converted < 10) {
      reasons.add(converted + " converted, fewer than 10 conversions");
    }
    if (entered - converted < 10) {
      reasons.add((entered - converted) + " did not convert, fewer than 10 non-conversions");
    }
    return reasons.isEmpty() ? java.util.Optional.empty()
        : java.util.Optional.of(variant + ": " + String.join(", ", reasons));
  }
}
