package io.waymark.platform.contact;

import io.waymark.platform.MySqlTestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Imports a generated CSV of 100,000 valid, distinct numbers (each row with names, state, an attribute and a consent)
 * in the background, then imports it again, and prints rows per second. Not a test: run it with
 * {@code ./mvnw -Pbench -pl platform verify} (H2), or with {@code WAYMARK_TEST_MYSQL_URL} (and
 * {@code WAYMARK_TEST_MYSQL_DIALECT}, {@code WAYMARK_TEST_MYSQL_VERSION} for MariaDB) set, on a fresh database of
 * that server. {@code -Dwaymark.bench.rows=N} changes the size.
 */
@SpringBootTest(properties = "waymark.test.database=contact-import-bench")
class ContactImportBench {

  private static final int ROWS = Integer.getInteger("waymark.bench.rows", 100_000);
  private static final MySqlTestDatabase DATABASE = new MySqlTestDatabase("waymark_contacts");
  private static final List<String> AREA_CODES = List.of("212", "213", "305", "312", "404", "415", "512", "617",
      "702", "206", "303", "602", "713", "215");
  private static final List<String> STATES = List.of("NY", "CA", "FL", "IL", "GA", "CA", "TX", "MA", "NV", "WA",
      "CO", "AZ", "TX", "PA");

  @Autowired ContactImports imports;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws SQLException {
    if (MySqlTestDatabase.configured()) {
      DATABASE.register(registry);
    }
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (MySqlTestDatabase.configured()) {
      DATABASE.drop();
    }
  }

  @Test
  void importsAHundredThousandRowsInTheBackground() throws Exception {
    Path csv = generate(ROWS);
    String server = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName() + " "
        + c.getMetaData().getDatabaseProductVersion());
    System.out.printf("%nContactImportBench: %,d rows (%,d KB) on %s, %d cores%n", ROWS, Files.size(csv) / 1024,
        server, Runtime.getRuntime().availableProcessors());

    ImportStatus first = run(csv, "first import");
    assertThat(first.counts().imported()).isEqualTo(ROWS);
    assertThat(jdbc.queryForObject("select count(*) from consent_record", Long.class)).isEqualTo(ROWS);

    ImportStatus again = run(csv, "same file again");
    assertThat(again.counts().unchanged()).isEqualTo(ROWS);
    assertThat(jdbc.queryForObject("select count(*) from consent_record", Long.class)).isEqualTo(ROWS);
    Files.delete(csv);
  }

  private ImportStatus run(Path csv, String label) throws Exception {
    long start = System.nanoTime();
    ImportId id;
    try (InputStream in = Files.newInputStream(csv)) {
      id = imports.start(in, "bench.csv");
    }
    ImportStatus status = imports.status(id, 0, 10).orElseThrow();
    long lastPrint = 0;
    while (status.status() == ImportStatus.Status.RUNNING) {
      Thread.sleep(200);
      status = imports.status(id, 0, 10).orElseThrow();
      long elapsed = System.nanoTime() - start;
      if (elapsed - lastPrint > Duration.ofSeconds(5).toNanos()) {
        System.out.printf("  %s: %,d of %,d rows after %.1f s%n", label, status.processedRows(), status.totalRows(),
            elapsed / 1e9);
        lastPrint = elapsed;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("ContactImportBench %s: %s, %,d rows in %.1f s = %,.0f rows/s; %s%n", label, status.status(),
        status.processedRows(), seconds, status.processedRows() / seconds, status.counts());
    assertThat(status.status()).as(status.failure()).isEqualTo(ImportStatus.Status.DONE);
    return status;
  }

  /** Valid, distinct North American numbers (xxx-555-nnnn over several area codes), each with a consent. */
  private static Path generate(int rows) throws IOException, NumberParseException {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    Path file = Files.createTempFile("contact-import-bench-", ".csv");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("external_id,phone,first_name,last_name,email,state,lifecycle_stage,attr_plan,consent_topics,"
          + "consent_channel,consent_text,consented_at\n");
      int written = 0;
      for (int n = 0; written < rows; n++) {
        int area = n / 10_000;
        if (area >= AREA_CODES.size()) {
          throw new IllegalStateException("not enough numbers for " + rows + " rows");
        }
        String phone = "+1" + AREA_CODES.get(area) + "555" + String.format("%04d", n % 10_000);
        if (!util.isValidNumber(util.parse(phone, null))) {
          continue;
        }
        out.write("b-" + written + "," + phone + ",First" + written + ",Last" + written + ",p" + written
            + "@example.com," + STATES.get(area) + ",lead,gold,promotions,web-form,\"Yes, text me offers. Reply STOP "
            + "to cancel.\",2026-03-01T10:15:00Z\n");
        written++;
      }
    }
    return file;
  }
}
