package io.waymark.platform.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analytics API's CSV: RFC 4180 quoting, formulas defused, amounts in plain notation, nulls empty. */
class AnalyticsCsvTests {

  @Test
  void quotesDefusesAndWritesAmountsPlainly() {
    String csv = AnalyticsController.Csv.write(List.of(
        AnalyticsController.Csv.row("journey", "note", "revenue", "rate"),
        AnalyticsController.Csv.row("=HYPERLINK(\"x\")", "a,b \"c\"", new BigDecimal("1E+3"), null),
        AnalyticsController.Csv.row("-1", "line\nbreak", new BigDecimal("40.0000"), 0.25)));

    assertThat(csv).isEqualTo("journey,note,revenue,rate\r\n"
        + "\"'=HYPERLINK(\"\"x\"\")\",\"a,b \"\"c\"\"\",1000,\r\n"
        + "'-1,\"line\nbreak\",40.0000,0.25\r\n");
  }
}
