package io.waymark.platform.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.waymark.platform.contact.ImportReport.Outcome;
import io.waymark.platform.contact.ImportReport.Row;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The CSV import against {@code fixtures/contacts-awkward.csv} and its expectations. The property gives these tests
 * (and {@link ContactBackgroundImportTests}) a Spring context and so an H2 database of their own, emptied before
 * each test.
 */
@SpringBootTest(properties = "waymark.test.database=contact-import")
@AutoConfigureMockMvc
class ContactImportTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  /** One line of {@code contacts-awkward.expected.tsv}. */
  record Expected(String externalId, Outcome outcome, String phone, String timeZone, String note) {
  }

  @BeforeEach
  void emptyDatabase() {
    for (String table : List.of("contact", "consent_record", "contact_import_fingerprint")) {
      jdbc.update("delete from " + table);
    }
  }

  @Test
  void importsEveryRowOfTheAwkwardFixtureAsExpected() throws Exception {
    Map<String, Row> report = byExternalId(importFixture());

    List<Expected> expected = expectations();
    assertThat(report).hasSize(expected.size());
    for (Expected e : expected) {
      Row row = report.get(e.externalId());
      assertThat(row.outcome()).as(e.externalId() + " outcome (" + e.note() + ")").isEqualTo(e.outcome());
      assertThat(row.phone()).as(e.externalId() + " phone").isEqualTo(e.phone());
      assertThat(sameZone(row.timeZone())).as(e.externalId() + " time zone").isEqualTo(sameZone(e.timeZone()));
    }
    assertThat(report.values()).extracting(Row::line).containsExactly(
        2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L);
  }

  @Test
  void namesTheFieldOfEveryRejectionAndWarning() throws Exception {
    Map<String, Row> report = byExternalId(importFixture());

    assertThat(report.get("c-004")).extracting(Row::field, Row::problem).containsExactly("phone",
        "'12345' is not a valid number");
    assertThat(report.get("c-005")).extracting(Row::field, Row::problem).containsExactly("phone",
        "'phone' is not a phone number");
    assertThat(report.get("c-012")).extracting(Row::field, Row::problem).containsExactly("phone", "is missing");
    assertThat(report.get("c-009")).extracting(Row::field, Row::problem).containsExactly("consented_at",
        "lies in the future");
    assertThat(report.get("c-015").field()).isEqualTo("consented_at");
    assertThat(report.get("c-015").problem()).startsWith("'not-a-date' is not an ISO-8601 timestamp");
    assertThat(report.get("c-006").warnings()).singleElement().asString()
        .startsWith("email: 'luis@@example' is not an email address");
    assertThat(report.get("c-008").warnings()).singleElement().asString()
        .startsWith("timezone: 'Mars/Olympus' is not an IANA time zone").contains("state OK");
    assertThat(report.values()).filteredOn(row -> !List.of("c-006", "c-008").contains(row.externalId()))
        .allSatisfy(row -> assertThat(row.warnings()).isEmpty());
  }

  @Test
  void storesContactsAndConsentAsTheRowsSay() throws Exception {
    importFixture();

    assertThat(contact("+14155550100")).containsEntry("email", "maya.o@example.com");
    assertThat(optIns("+14155550100")).containsExactly("order-updates", "promotions");
    assertThat(jdbc.queryForObject("select occurred_at from consent_record where phone = '+14155550101'",
        LocalDateTime.class)).isEqualTo(LocalDateTime.parse("2026-03-03T02:00:00"));
    assertThat(contact("+12125550142")).containsEntry("first_name", "Zoë").containsEntry("last_name", "Łukasiewicz");
    assertThat(contact("+13055550148")).containsEntry("email", null);
    assertThat(optIns("+12065550177")).isEmpty();
    assertThat(optIns("+18505550110")).isEmpty();
    assertThat(contact("+12135550123")).containsEntry("first_name", "Dup").containsEntry("email", "dup@example.com");
    assertThat(optIns("+12135550123")).containsExactly("order-updates", "promotions");
    assertThat(jdbc.queryForObject("select count(distinct source_ref) from consent_record "
        + "where phone = '+12135550123'", Integer.class)).isEqualTo(2);
    assertThat(jdbc.queryForObject("select count(*) from contact", Integer.class)).isEqualTo(10);
  }

  @Test
  void changesNothingWhenTheSameFileIsImportedAgain() throws Exception {
    Map<String, Row> first = byExternalId(importFixture());
    Map<String, Integer> before = counts();

    Map<String, Row> again = byExternalId(importFixture());

    assertThat(counts()).isEqualTo(before);
    assertThat(again.values()).allSatisfy(row -> {
      Row earlier = first.get(row.externalId());
      if (earlier.outcome() == Outcome.REJECTED || earlier.outcome() == Outcome.CONSENT_REJECTED) {
        assertThat(row).isEqualTo(earlier);
      } else {
        assertThat(row.outcome()).as(row.externalId()).isEqualTo(Outcome.UNCHANGED);
        assertThat(row.timeZone()).isEqualTo(earlier.timeZone());
      }
    });
  }

  @Test
  void takesTheCsvAsATextBodyToo() throws Exception {
    mvc.perform(post("/api/v1/contacts/import").contentType("text/csv").content(fixture()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(15))
        .andExpect(jsonPath("$.counts.imported").value(8))
        .andExpect(jsonPath("$.counts.updated").value(2))
        .andExpect(jsonPath("$.counts.rejected").value(3))
        .andExpect(jsonPath("$.counts.consentRejected").value(2))
        .andExpect(jsonPath("$.counts.withWarnings").value(2));
  }

  @Test
  void refusesUnknownColumnsNamingThemAndStoresNothing() throws Exception {
    String csv = "phone,first_name,emial,attr_plan\n+14155550160,Ada,ada@example.com,gold\n";

    mvc.perform(post("/api/v1/contacts/import").contentType("text/csv").content(csv))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("emial"));
    assertThat(counts().get("contact")).isZero();
  }

  @Test
  void refusesFilesWithoutPhoneColumnOrReadableCsvAsAWhole() throws Exception {
    mvc.perform(post("/api/v1/contacts/import").contentType("text/csv").content("first_name\nAda\n"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("phone"));
    mvc.perform(post("/api/v1/contacts/import").contentType("text/csv")
            .content("phone,first_name\n+14155550161,Ada\n+14155550162,\"unterminated\n"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("file"));
    mvc.perform(post("/api/v1/contacts/import").contentType("text/csv").content(""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("file"));
    mvc.perform(multipart("/api/v1/contacts/import"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("file"));
    assertThat(counts().get("contact")).isZero();
  }

  private List<Row> importFixture() throws Exception {
    String body = mvc.perform(multipart("/api/v1/contacts/import")
            .file(new MockMultipartFile("file", "contacts-awkward.csv", "text/csv", fixture())))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    return json.readValue(body, ImportReport.class).rows();
  }

  private static Map<String, Row> byExternalId(List<Row> rows) {
    return rows.stream().collect(Collectors.toMap(Row::externalId, Function.identity(), (a, b) -> a,
        java.util.LinkedHashMap::new));
  }

  private Map<String, Object> contact(String phone) {
    return jdbc.queryForMap("select * from contact where phone = ?", phone);
  }

  private List<String> optIns(String phone) {
    return jdbc.queryForList("select topic from consent_record where phone = ? and kind = 'OPT_IN' order by topic",
        String.class, phone);
  }

  private Map<String, Integer> counts() {
    return Map.of(
        "contact", jdbc.queryForObject("select count(*) from contact", Integer.class),
        "consent_record", jdbc.queryForObject("select count(*) from consent_record", Integer.class),
        "contact_versions", jdbc.queryForObject("select coalesce(sum(version), 0) from contact", Integer.class));
  }

  /** Asia/Calcutta is the old name of Asia/Kolkata; libphonenumber still says Calcutta. */
  private static String sameZone(String zone) {
    return "Asia/Calcutta".equals(zone) ? "Asia/Kolkata" : zone;
  }

  private static byte[] fixture() throws IOException {
    try (InputStream in = ContactImportTests.class.getResourceAsStream("/fixtures/contacts-awkward.csv")) {
      return in.readAllBytes();
    }
  }

  private static List<Expected> expectations() throws IOException {
    try (InputStream in = ContactImportTests.class.getResourceAsStream("/fixtures/contacts-awkward.expected.tsv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.startsWith("#") && !line.isBlank())
          .map(line -> line.split("\t", -1))
          .map(c -> new Expected(c[0], Outcome.valueOf(c[1]), dash(c[2]), dash(c[3]), c.length > 4 ? c[4] : ""))
          .toList();
    }
  }

  private static String dash(String value) {
    return value.equals("-") ? null : value;
  }
}
