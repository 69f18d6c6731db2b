package io.waymark.platform.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.BenchDatabase;
import io.waymark.platform.MySqlTestDatabase;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
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
 * What the dashboard asks when it opens, over a program of realistic size: {@link MetricsBenchSeed} writes
 * {@code -Dwaymark.bench.messages} SMS (default 1,000,000) over 90 days with their receipts, replies, opt-outs,
 * clicks, conversions, runs, experiment entries and lead tasks (multi-row JDBC inserts into the Flyway schema), then
 * every {@link ProgramMetrics} query and {@link Experiments#reports} is timed for the last 30 and 90 days, over all
 * journeys and over one ({@code -Dwaymark.bench.journey}, default cart-recovery): a warm-up, then the median of
 * {@code -Dwaymark.bench.runs} (default 5), with its peak heap. Not a test: run it with
 * {@code ./mvnw -o -Pbench -pl platform verify -Dtest=MetricsBench -Dsurefire.failIfNoSpecifiedTests=false} on an
 * H2 file database under {@code target/metrics-bench} (deleted afterwards unless {@code -Dwaymark.bench.keep=true},
 * for a look at the plans), or on a fresh database of the server {@code WAYMARK_TEST_MYSQL_URL} names.
 */
@SpringBootTest(properties = "waymark.test.database=metrics-bench")
@EnabledIfSystemProperty(named = "waymark.bench", matches = "true")
class MetricsBench {

  private static final int MESSAGES = Integer.getInteger("waymark.bench.messages", 1_000_000);
  private static final int RUNS = Integer.getInteger("waymark.bench.runs", 5);
  private static final String JOURNEY = System.getProperty("waymark.bench.journey", "cart-recovery");
  private static final boolean KEEP = Boolean.getBoolean("waymark.bench.keep");
  private static final BenchDatabase DATABASE = new BenchDatabase("metrics-bench", ";OPTIMIZE_REUSE_RESULTS=FALSE");

  @Autowired ProgramMetrics metrics;
  @Autowired Experiments experiments;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired Clock clock;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    DATABASE.register(registry);
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    DATABASE.drop(KEEP);
  }

  private record Query(String name, Function<MetricFilter, Integer> rows) {
  }

  private record Result(String query, String period, String filter, long firstMillis, long medianMillis,
      long minMillis, long maxMillis, int rows, long heapMb) {
  }


  @Test
  void timesWhatTheDashboardAsksOnOpen() throws Exception {
    boolean mysql = MySqlTestDatabase.configured();
    String server = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName() + " "
        + c.getMetaData().getDatabaseProductVersion());
    System.out.printf("%nMetricsBench: %,d messages on %s, %d cores, max heap %,d MB, median of %d%n", MESSAGES,
        server, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, RUNS);
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    MetricsBenchSeed seed = new MetricsBenchSeed(MESSAGES,
        today.minusDays(89).atStartOfDay(ZoneOffset.UTC).toEpochSecond(), now.getEpochSecond());
    long[] seedHeap = new long[1];
    long seedMillis = heapAndMillis(() -> {
      try (Connection c = dataSource.getConnection()) {
        seed.write(c);
      }
      return 0;
    }, seedHeap);
    System.out.printf("MetricsBench seed: %,d ms, heap peak %,d MB; rows %s%n", seedMillis, seedHeap[0],
        seed.written());
    long analyzeMillis = heapAndMillis(() -> {
      if (mysql) {
        jdbc.execute("ANALYZE TABLE outbound_message, journey_run, journey_sub_instance, experiment_entry,"
            + " experiment_assignment, inbound_message, consent_record, link_click, conversion, crm_lead_task");
      } else {
        jdbc.execute("ANALYZE");
      }
      return 0;
    }, new long[1]);
    System.out.printf("MetricsBench statistics (ANALYZE): %,d ms%n", analyzeMillis);

    MetricFilter everything = new MetricFilter(Period.lastDays(90, today, ZoneOffset.UTC), null, null);
    assertThat(metrics.total(everything).messages()).isEqualTo(seed.counted());

    List<Query> queries = List.of(
        // total, per day, journey, template and route in one pass, as the dashboard and the API ask for them
        new Query("breakdown", f -> {
          Breakdown b = metrics.breakdown(f);
          return 1 + b.byDay().size() + b.byJourney().size() + b.byTemplate().size() + b.byRoute().size();
        }),
        new Query("failures", f -> metrics.failures(f).size()),
        new Query("leadResponse", f -> metrics.leadResponse(f).tasks() > 0 ? 1 : 0),
        new Query("reminders", f -> metrics.reminders(f).size()),
        new Query("Experiments.reports", f -> experiments.reports(f).stream()
            .mapToInt(r -> r.variants().size()).sum()));
    List<Result> results = new ArrayList<>();
    for (int days : new int[] {30, 90}) {
      for (String journey : Arrays.asList(null, JOURNEY)) {
        MetricFilter filter = new MetricFilter(Period.lastDays(days, today, ZoneOffset.UTC), journey, null);
        for (Query query : queries) {
          Result result = time(query, filter, days + " days", journey == null ? "all journeys" : journey);
          System.out.printf("  %-20s %-8s %-14s first %,9d ms, median %,9d ms (%,d-%,d) %,6d rows %,6d MB%n",
              result.query(), result.period(), result.filter(), result.firstMillis(), result.medianMillis(),
              result.minMillis(), result.maxMillis(), result.rows(), result.heapMb());
          results.add(result);
        }
      }
    }
    print(server, seedMillis, seedHeap[0], seed, results, queries.size());
  }

  /**
   * The query once to warm up, then {@link #RUNS} times: median, min and max, rows, peak heap over all runs. H2 runs
   * with OPTIMIZE_REUSE_RESULTS off: it would otherwise hand back the previous result of the same query while its
   * tables are unchanged, which a live program's ledgers never are.
   */
  private Result time(Query query, MetricFilter filter, String period, String journey) throws Exception {
    int[] rows = new int[1];
    long[] heap = new long[1];
    long first = heapAndMillis(() -> rows[0] = query.rows().apply(filter), heap);
    long peak = heap[0];
    long[] millis = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      millis[i] = heapAndMillis(() -> query.rows().apply(filter), heap);
      peak = Math.max(peak, heap[0]);
    }
    Arrays.sort(millis);
    return new Result(query.name(), period, journey, first, millis[RUNS / 2], millis[0], millis[RUNS - 1], rows[0],
        peak);
  }

  private interface Work {
    int run() throws Exception;
  }

  /** Runs the work once; its milliseconds, and the peak heap while it ran (MB) in {@code peakMb[0]}. */
  private static long heapAndMillis(Work work, long[] peakMb) throws Exception {
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    System.gc();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    work.run();
    long millis = (System.nanoTime() - start) / 1_000_000;
    peakMb[0] = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
    return millis;
  }

  private static void print(String server, long seedMillis, long seedHeap, MetricsBenchSeed seed,
      List<Result> results, int perFilter) {
    StringBuilder table = new StringBuilder(String.format("%nMetricsBench on %s: %,d messages (%,d sent to a"
        + " provider), seeded in %,d ms (heap peak %,d MB)%n", server, MESSAGES, seed.counted(), seedMillis,
        seedHeap));
    table.append("| query | period | filter | median ms | min-max ms | first ms | rows | heap peak MB |\n"
        + "|---|---|---|---|---|---|---|---|\n");
    long[] open = new long[4];
    for (int i = 0; i < results.size(); i++) {
      Result r = results.get(i);
      open[i / perFilter] += r.medianMillis();
      table.append(String.format("| %s | %s | %s | %,d | %,d-%,d | %,d | %,d | %,d |%n", r.query(), r.period(),
          r.filter(), r.medianMillis(), r.minMillis(), r.maxMillis(), r.firstMillis(), r.rows(), r.heapMb()));
    }
    table.append(String.format("Dashboard open (sum of medians): 30 days all %,d ms, 30 days %s %,d ms,"
        + " 90 days all %,d ms, 90 days %s %,d ms%n", open[0], JOURNEY, open[1], open[2], JOURNEY, open[3]));
    System.out.println(table);
  }
}
