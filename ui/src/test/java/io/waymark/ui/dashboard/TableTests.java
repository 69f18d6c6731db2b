package io.waymark.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import io.waymark.platform.analytics.FailureCount;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CSV behind a table's download, with Karibu's mock UI (a download link needs a session). */
class TableTests {

  @BeforeEach
  void ui() {
    MockVaadin.setup();
  }

  @AfterEach
  void closeUi() {
    MockVaadin.tearDown();
  }

  @Test
  void writesTheColumnsShownAsQuotedCsvNamedAfterTableAndPeriod() {
    Table<FailureCount> table = new Table<FailureCount>("failures", "Failures", "help")
        .column("Reason", FailureCount::reason)
        .column("Messages", f -> Long.toString(f.messages()));
    UI.getCurrent().add(table);

    table.show(List.of(new FailureCount("30007: carrier, \"filtered\"", 3), new FailureCount("UNDELIVERED", 1)),
        "2026-11-01_2026-11-30");

    assertThat(new String(DownloadKt._download(table.csv), StandardCharsets.UTF_8)).isEqualTo("""
        Reason,Messages\r
        "30007: carrier, ""filtered\""",3\r
        UNDELIVERED,1\r
        """);
    assertThat(table.fileName()).isEqualTo("failures-2026-11-01_2026-11-30.csv");
    assertThat(table.csv.getHref()).isNotBlank();
    assertThat(table.grid.getColumns()).hasSize(2);
  }
}
