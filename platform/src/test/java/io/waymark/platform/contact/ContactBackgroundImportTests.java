package io.waymark.platform.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.waymark.platform.contact.ImportReport.Outcome;
import io.waymark.platform.contact.ImportReport.Row;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Imports larger than a chunk, in the foreground and in the background; shares {@link ContactImportTests}' context. */
@SpringBootTest(properties = "waymark.test.database=contact-import")
@AutoConfigureMockMvc
class ContactBackgroundImportTests {

  private static final int ROWS = 1_200;

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired ContactImports imports;

  @BeforeEach
  void emptyDatabase() {
    for (String table : List.of("contact", "consent_record", "contact_import_fingerprint", "contact_import",
        "contact_import_issue")) {
      jdbc.update("delete from " + table);
    }
  }

  @Test
  void neverLosesAValidRowBecauseAnotherRowInItsChunkIsBad() {
    ImportReport report = imports.importNow(new ByteArrayInputStream(csv()));

    assertThat(report.total()).isEqualTo(ROWS);
    assertThat(report.rows()).hasSize(ROWS);
    assertThat(report.rows().get(700)).extracting(Row::outcome, Row::field)
        .containsExactly(Outcome.REJECTED, "phone");
    assertThat(report.rows().get(1000)).extracting(Row::outcome, Row::field)
        .containsExactly(Outcome.CONSENT_REJECTED, "consented_at");
    assertThat(report.rows().get(900).outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(report.counts()).isEqualTo(new ImportReport.Counts(ROWS - 3, 1, 0, 1, 1, 0));
    assertThat(jdbc.queryForObject("select count(*) from contact", Integer.class)).isEqualTo(ROWS - 2);
    assertThat(jdbc.queryForObject("select first_name from contact where phone = '+13125550100'", String.class))
        .isEqualTo("Renamed");
    // rows 700 (no contact) and 1000 (consent in the future) have no opt-in; row 900 repeats row 100's consent
    assertThat(jdbc.queryForObject("select count(*) from consent_record", Integer.class)).isEqualTo(ROWS - 3);
  }

  @Test
  void storesTheOtherRowsOneByOneWhenTheDatabaseRefusesARow() {
    jdbc.execute("alter table contact add constraint ck_test_refused check (first_name <> 'Refused')");
    try {
      StringBuilder csv = new StringBuilder("phone,first_name\n");
      for (int i = 0; i < 30; i++) {
        csv.append("+1312555").append(String.format("%04d", 5000 + i)).append(',')
            .append(i == 12 ? "Refused" : "Row" + i).append('\n');
      }

      byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

      ImportReport report = imports.importNow(new ByteArrayInputStream(file));

      assertThat(report.rows().get(12)).extracting(Row::outcome, Row::field)
          .containsExactly(Outcome.REJECTED, "row");
      assertThat(report.rows().get(12).problem()).startsWith("could not be stored");
      assertThat(report.counts().imported()).isEqualTo(29);
      assertThat(jdbc.queryForObject("select count(*) from contact", Integer.class)).isEqualTo(29);
    } finally {
      jdbc.execute("alter table contact drop constraint ck_test_refused");
    }
  }

  @Test
  void importsInTheBackgroundReportingProgressCountsAndIssues() throws Exception {
    String location = mvc.perform(post("/api/v1/contacts/import?async=true").contentType("text/csv").content(csv()))
        .andExpect(status().isAccepted())
        .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/contacts/imports/")))
        .andExpect(jsonPath("$.totalRows").value(ROWS))
        .andReturn().getResponse().getHeader("Location");

    await().atMost(Duration.ofSeconds(60)).until(() -> JsonPath.read(mvc.perform(get(location))
        .andReturn().getResponse().getContentAsString(), "$.status").equals("DONE"));

    mvc.perform(get(location + "?size=1"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.processedRows").value(ROWS))
        .andExpect(jsonPath("$.counts.imported").value(ROWS - 3))
        .andExpect(jsonPath("$.counts.rejected").value(1))
        .andExpect(jsonPath("$.counts.consentRejected").value(1))
        .andExpect(jsonPath("$.finishedAt").isNotEmpty())
        .andExpect(jsonPath("$.issues.total").value(2))
        .andExpect(jsonPath("$.issues.rows.length()").value(1))
        .andExpect(jsonPath("$.issues.rows[0].line").value(702))
        .andExpect(jsonPath("$.issues.rows[0].field").value("phone"));
    mvc.perform(get(location + "?page=1&size=1"))
        .andExpect(jsonPath("$.issues.rows[0].line").value(1002))
        .andExpect(jsonPath("$.issues.rows[0].outcome").value("CONSENT_REJECTED"));
  }

  @Test
  void showsAnImportWhoseProcessStoppedAsFailed() throws Exception {
    String id = UUID.randomUUID().toString();
    LocalDateTime longAgo = LocalDateTime.now(ZoneOffset.UTC).minusHours(1);
    jdbc.update("insert into contact_import (id, status, file_name, total_rows, processed_rows, imported_rows, "
        + "updated_rows, unchanged_rows, rejected_rows, consent_rejected_rows, warned_rows, started_at, heartbeat_at) "
        + "values (?, 'RUNNING', 'big.csv', 100000, 500, 500, 0, 0, 0, 0, 0, ?, ?)", id, longAgo, longAgo);

    mvc.perform(get("/api/v1/contacts/imports/" + id))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("FAILED"))
        .andExpect(jsonPath("$.processedRows").value(500))
        .andExpect(jsonPath("$.failure", org.hamcrest.Matchers.startsWith("interrupted")));
  }

  @Test
  void answers404ForAnUnknownImportAnd400ForABadPage() throws Exception {
    mvc.perform(get("/api/v1/contacts/imports/" + UUID.randomUUID())).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/contacts/imports/x?size=5000"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("size"));
  }

  /** Numbers +1 312 555 0000 and up; row 700 has no number, row 900 renames row 100, row 1000 consents in 2099. */
  private static byte[] csv() {
    StringBuilder csv = new StringBuilder("external_id,phone,first_name,state,consent_topics,consent_channel,"
        + "consent_text,consented_at\n");
    for (int i = 0; i < ROWS; i++) {
      String phone = i == 700 ? "not-a-number" : "+1312555" + String.format("%04d", i == 900 ? 100 : i);
      String name = i == 900 ? "Renamed" : "Row" + i;
      String at = i == 1000 ? "2099-01-01T00:00:00Z" : "2026-01-01T00:00:00Z";
      csv.append("r-").append(i).append(',').append(phone).append(',').append(name)
          .append(",IL,promotions,web-form,\"Yes, text me\",").append(at).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }
}
