package io.waymark.platform.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.waymark.platform.BenchDatabase;
import io.waymark.platform.contact.ContactId;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Writes a million contacts with their consent lines, suppression entries and replies (multi-row JDBC inserts), then
 * times count previews and a full keyset resolution in batches of 1,000, with the peak heap of each step. Not a
 * test: run it with {@code ./mvnw -Pbench -pl platform verify -Dtest=SegmentBench} on an H2 file database under
 * {@code target/segment-bench} (so that the data is not on the heap being measured), or with
 * {@code WAYMARK_TEST_MYSQL_URL} (and {@code WAYMARK_TEST_MYSQL_DIALECT}, {@code WAYMARK_TEST_MYSQL_VERSION} for
 * MariaDB) on a fresh database of that server. {@code -Dwaymark.bench.contacts=N} changes the size. Runs only in
 * profile {@code bench} (a {@code -Dtest} pattern alone does not start it); the H2 files are deleted afterwards.
 */
@SpringBootTest(properties = "waymark.test.database=segment-bench")
@EnabledIfSystemProperty(named = "waymark.bench", matches = "true")
class SegmentBench {

  private static final int CONTACTS = Integer.getInteger("waymark.bench.contacts", 1_000_000);
  private static final int ROWS_PER_INSERT = 1_000;
  private static final BenchDatabase DATABASE = new BenchDatabase("segment-bench", "");
  private static final List<String> STAGES = List.of("lead", "prospect", "customer", "churned");
  private static final List<String> REGIONS = List.of("US-CA", "US-NY", "US-TX", "US-FL", "US-IL", "US-WA", "US-MA",
      "US-GA", "CA-ON");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired Segments segments;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    DATABASE.register(registry);
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    DATABASE.drop(false);
  }

  @Test
  void previewsAndResolvesAMillionContacts() throws Exception {
    String server = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName() + " "
        + c.getMetaData().getDatabaseProductVersion());
    System.out.printf("%nSegmentBench: %,d contacts on %s, %d cores, max heap %,d MB%n", CONTACTS, server,
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    measure("write contacts, consent, suppression, replies", () -> {
      write();
      return CONTACTS;
    }, n -> n + " contacts");

    SegmentId everyone = create("Everyone", "{\"all\": []}");
    SegmentId winBack = create("Win-back", """
        {"all": [{"field": "lifecycleStage", "op": "in", "values": ["customer", "churned"]},
                 {"field": "region", "op": "startsWith", "value": "US-"},
                 {"attribute": "plan", "op": "eq", "value": "pro"},
                 {"not": {"replied": {"withinDays": 30}}}]}""");

    AudiencePreview all = measure("preview everyone (count + sample 10)",
        () -> segments.preview(everyone, "promotions", 10), SegmentBench::counts);
    AudiencePreview some = measure("preview win-back rule (count + sample 10)",
        () -> segments.preview(winBack, "promotions", 10), SegmentBench::counts);
    long resolved = measure("resolve everyone, batches of 1,000", () -> resolve(everyone), n -> n + " members");
    long resolvedSome = measure("resolve win-back rule, batches of 1,000", () -> resolve(winBack),
        n -> n + " members");

    assertThat(resolved).isEqualTo(all.eligible());
    assertThat(resolvedSome).isEqualTo(some.eligible());
    assertThat(all.matching()).isEqualTo(CONTACTS);
  }

  private static String counts(AudiencePreview p) {
    return String.format("matching %,d, eligible %,d, excluded: suppressed %,d, opted out %,d, no consent %,d",
        p.matching(), p.eligible(), p.excluded().suppressed(), p.excluded().optedOut(), p.excluded().noConsent());
  }

  private SegmentId create(String name, String rule) throws Exception {
    return segments.create(new NewSegment(name, null, JSON.readTree(rule))).id();
  }

  private long resolve(SegmentId segment) {
    long members = 0;
    ContactId after = null;
    AudiencePage page;
    do {
      page = segments.members(segment, "promotions", after, 1_000);
      members += page.members().size();
      after = page.next();
    } while (!page.last());
    return members;
  }

  /** Runs the step once, printing its time and the peak heap used while it ran. */
  private static <T> T measure(String step, Supplier<T> work, Function<T, String> summary) {
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    System.gc();
    long before = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    T result = work.get();
    long millis = (System.nanoTime() - start) / 1_000_000;
    long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    System.out.printf("SegmentBench %-45s %,8d ms  heap peak %,5d MB (%,d MB before)  -> %s%n", step, millis,
        peak >> 20, before >> 20, summary.apply(result));
    return result;
  }

  /**
   * Contact {@code i}: stage, region and plan by turns; 90% opted in to promotions, of those one in 20 opted out
   * (of every topic) later; 1% suppressed; one in 7 replied 10 days ago.
   */
  private void write() {
    LocalDateTime created = LocalDateTime.ofInstant(clock.instant().minus(Duration.ofDays(400)), ZoneOffset.UTC);
    LocalDateTime optedIn = created.plusDays(1);
    LocalDateTime optedOut = created.plusDays(200);
    LocalDateTime replied = LocalDateTime.ofInstant(clock.instant().minus(Duration.ofDays(10)), ZoneOffset.UTC);
    for (int from = 1; from <= CONTACTS; from += ROWS_PER_INSERT) {
      int to = Math.min(CONTACTS, from + ROWS_PER_INSERT - 1);
      List<Object[]> contacts = new ArrayList<>();
      List<Object[]> consents = new ArrayList<>();
      List<Object[]> suppressions = new ArrayList<>();
      List<Object[]> replies = new ArrayList<>();
      for (int i = from; i <= to; i++) {
        String phone = "+1" + (2_000_000_000L + i);
        contacts.add(new Object[] {i, phone, STAGES.get(i % 4), i % 11 == 0 ? null : REGIONS.get(i % 9),
            i % 2 == 0 ? "promotions" : "news", i % 3 == 0 ? "{\"plan\":\"pro\"}" : "{\"plan\":\"basic\"}", created,
            created});
        if (i % 10 != 0) {
          consents.add(new Object[] {i, phone, "OPT_IN", "promotions", "import", optedIn, optedIn});
          if (i % 20 == 3) {
            consents.add(new Object[] {i, phone, "OPT_OUT", "*", "sms", optedOut, optedOut});
          }
        }
        if (i % 100 == 7) {
          suppressions.add(new Object[] {phone, "complaint", "bench", created});
        }
        if (i % 7 == 0) {
          replies.add(new Object[] {"sandbox", "bench-" + i, phone, "ok", i, replied, "OTHER"});
        }
      }
      insert("contact (id, phone, lifecycle_stage, region, topics, attributes, created_at, updated_at)", contacts);
      insert("consent_record (contact_id, phone, kind, topic, channel, occurred_at, recorded_at)", consents);
      insert("suppression_entry (phone, reason, source, created_at)", suppressions);
      insert("inbound_message (provider, provider_message_id, from_phone, body, contact_id, received_at, reply_class)",
          replies);
      if (to % 100_000 == 0) {
        System.out.printf("  %,d contacts written%n", to);
      }
    }
  }

  private void insert(String into, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    String row = "(" + String.join(", ", Collections.nCopies(rows.getFirst().length, "?")) + ")";
    jdbc.update("insert into " + into + " values " + String.join(", ", Collections.nCopies(rows.size(), row)),
        rows.stream().flatMap(Arrays::stream).toArray());
  }
}
