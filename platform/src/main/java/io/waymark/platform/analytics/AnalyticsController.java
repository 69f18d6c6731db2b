package io.waymark.platform.analytics;

import io.waymark.platform.support.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/analytics/metrics} and {@code /api/v1/analytics/experiments} with {@code from}, {@code to}
 * (ISO days; default: the last 30 days), {@code zone} (default UTC), {@code journey} and {@code variant}: JSON, or
 * CSV at the same path with {@code .csv} or {@code Accept: text/csv}. A bad parameter is a 400 naming it.
 */
@RestController
class AnalyticsController {

  static final MediaType CSV = MediaType.parseMediaType("text/csv");

  private final ProgramMetrics metrics;
  private final Experiments experiments;
  private final Clock clock;

  AnalyticsController(ProgramMetrics metrics, Experiments experiments, Clock clock) {
    this.metrics = metrics;
    this.experiments = experiments;
    this.clock = clock;
  }

  @GetMapping(value = "/api/v1/analytics/metrics", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> metrics(@RequestParam Map<String, String> params) {
    MetricFilter filter = filter(params);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("filter", filter);
    Breakdown breakdown = metrics.breakdown(filter);
    body.put("total", breakdown.total());
    body.put("byDay", breakdown.byDay());
    body.put("byJourney", breakdown.byJourney());
    body.put("byTemplate", breakdown.byTemplate());
    body.put("byRoute", breakdown.byRoute());
    body.put("failures", metrics.failures(filter));
    body.put("leadResponse", metrics.leadResponse(filter));
    body.put("reminders", metrics.reminders(filter));
    return body;
  }

  @GetMapping(value = {"/api/v1/analytics/metrics.csv", "/api/v1/analytics/metrics"}, produces = "text/csv")
  ResponseEntity<String> metricsCsv(@RequestParam Map<String, String> params) {
    MetricFilter filter = filter(params);
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("dimension", "key", "messages", "delivered", "failed", "recipients", "opted_out", "replied",
        "clicked", "converted", "revenue", "segments", "cost", "delivery_rate", "opt_out_rate", "reply_rate",
        "click_rate", "conversion_rate"));
    Breakdown breakdown = metrics.breakdown(filter);
    add(rows, "total", List.of(new MetricRow("all", breakdown.total())));
    add(rows, "day", breakdown.byDay());
    add(rows, "journey", breakdown.byJourney());
    add(rows, "template", breakdown.byTemplate());
    add(rows, "route", breakdown.byRoute());
    return ResponseEntity.ok().contentType(CSV).body(Csv.write(rows));
  }

  @GetMapping(value = "/api/v1/analytics/experiments", produces = MediaType.APPLICATION_JSON_VALUE)
  List<ExperimentReport> experiments(@RequestParam Map<String, String> params) {
    return experiments.reports(filter(params));
  }

  @GetMapping(value = {"/api/v1/analytics/experiments.csv", "/api/v1/analytics/experiments"}, produces = "text/csv")
  ResponseEntity<String> experimentsCsv(@RequestParam Map<String, String> params) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("experiment", "journey", "variant", "holdout", "entered", "sent", "delivered", "clicked",
        "replied", "opted_out", "converted", "revenue", "conversion_rate", "rate_low", "rate_high", "lift",
        "lift_low", "lift_high", "relative_lift", "p_value", "warning"));
    for (ExperimentReport report : experiments.reports(filter(params))) {
      for (VariantResult v : report.variants()) {
        Lift lift = v.lift();
        rows.add(Csv.row(report.experiment(), report.journey(), v.variant(), v.holdout(), v.entered(), v.sent(),
            v.delivered(), v.clicked(), v.replied(), v.optedOut(), v.converted(), v.revenue(),
            v.conversionRate().estimate(), v.conversionRate().low(), v.conversionRate().high(),
            lift == null ? null : lift.absolute().estimate(), lift == null ? null : lift.absolute().low(),
            lift == null ? null : lift.absolute().high(), lift == null ? null : lift.relative(),
            lift == null ? null : lift.pValue(), report.warning()));
      }
    }
    return ResponseEntity.ok().contentType(CSV).body(Csv.write(rows));
  }

  private static void add(List<List<Object>> rows, String dimension, List<MetricRow> metricRows) {
    for (MetricRow row : metricRows) {
      Tally t = row.tally();
      rows.add(Csv.row(dimension, row.key(), t.messages(), t.delivered(), t.failed(), t.recipients(), t.optedOut(),
          t.replied(), t.clicked(), t.converted(), t.revenue(), t.segments(), t.cost(), t.deliveryRate(),
          t.optOutRate(), t.replyRate(), t.clickRate(), t.conversionRate()));
    }
  }

  private MetricFilter filter(Map<String, String> params) {
    ZoneId zone = zone(params.get("zone"));
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate to = day(params.get("to"), "to", today);
    LocalDate from = day(params.get("from"), "from", to.minusDays(29));
    return new MetricFilter(new Period(from, to, zone), params.get("journey"), params.get("variant"));
  }

  private static ZoneId zone(String text) {
    if (text == null || text.isBlank()) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(text.strip());
    } catch (DateTimeException e) {
      throw new InvalidInputException("zone", "'" + text + "' is not a time zone such as Europe/Berlin or UTC");
    }
  }

  private static LocalDate day(String text, String field, LocalDate fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "'" + text + "' is not a day such as 2026-11-01");
    }
  }

  /**
   * RFC 4180 CSV through commons-csv (as the consent evidence export), formulas defused: a text cell starting with
   * =, +, - or @ gets a leading apostrophe; amounts are written in plain notation.
   */
  static final class Csv {

    private Csv() {
    }

    static List<Object> row(Object... cells) {
      return java.util.Arrays.asList(cells);
    }

    static String write(List<List<Object>> rows) {
      StringBuilder out = new StringBuilder();
      try (CSVPrinter printer = CSVFormat.RFC4180.print(out)) {
        for (List<Object> row : rows) {
          printer.printRecord(row.stream().map(Csv::cell));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("CSV not writable to a string", e);
      }
      return out.toString();
    }

    private static Object cell(Object value) {
      if (value instanceof java.math.BigDecimal amount) {
        return amount.toPlainString();
      }
      if (value instanceof CharSequence text && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
        return "'" + text;
      }
      return value;
    }
  }
}
