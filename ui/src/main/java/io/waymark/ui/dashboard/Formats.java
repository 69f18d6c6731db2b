package io.waymark.ui.dashboard;

import io.waymark.platform.analytics.Interval;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Currency;
import java.util.Locale;

/**
 * How the dashboard writes numbers, in tables and CSV alike: rates as percentages with one decimal, money with its
 * currency (revenue and cost are US dollars, as the demo traffic and the bundled routes report them), counts with
 * thousands separators, durations in the largest sensible units.
 */
final class Formats {

  static final Currency CURRENCY = Currency.getInstance("USD");

  private Formats() {
  }

  /** 0.1234 as "12.3%". */
  static String percent(double fraction) {
    return String.format(Locale.US, "%.1f%%", fraction * 100);
  }

  /** A difference of rates in percentage points: 0.021 as "+2.1 pp". */
  static String points(double fraction) {
    return String.format(Locale.US, "%+.1f pp", fraction * 100);
  }

  /** A rate with its 95% interval: "12.3% (9.1–15.8%)". */
  static String rateWithInterval(Interval interval) {
    return interval == null ? "" : percent(interval.estimate()) + " (" + String.format(Locale.US, "%.1f",
        interval.low() * 100) + "–" + percent(interval.high()) + ")";
  }

  /** A difference with its 95% interval in percentage points: "+2.1 pp (−0.4 to +4.6)". */
  static String pointsWithInterval(Interval interval) {
    return interval == null ? "" : points(interval.estimate()) + " (" + String.format(Locale.US, "%+.1f to %+.1f",
        interval.low() * 100, interval.high() * 100) + ")";
  }

  static String pValue(double p) {
    return p < 0.001 ? "< 0.001" : String.format(Locale.US, "%.3f", p);
  }

  static String money(BigDecimal amount) {
    NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
    format.setCurrency(CURRENCY);
    return format.format(amount == null ? BigDecimal.ZERO : amount);
  }

  static String count(long n) {
    return String.format(Locale.US, "%,d", n);
  }

  /** "45 s", "3 min 20 s", "2 h 5 min"; "–" for none. */
  static String duration(Duration d) {
    if (d == null) {
      return "–";
    }
    long seconds = d.toSeconds();
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min " + seconds % 60 + " s";
    }
    return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
  }
}
