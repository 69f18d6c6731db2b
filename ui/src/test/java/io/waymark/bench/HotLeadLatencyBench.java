package io.waymark.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.waymark.WaymarkApplication;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Benchmark, not a test (runs only with {@code -Pbench}): the hot-lead latency in the embedded default — the real
 * embedded Zeebe broker, the H2 file database, every worker. {@code bench.leads} lead-follow-up runs are started and
 * wait for the answer to their qualifying question; then a HOT reply ("1") per lead arrives through the sandbox
 * provider's inbound endpoint at {@code bench.rate} per second, and each task is timed from just before its reply is
 * posted until it is visible in the lead inbox (a poller reads {@code crm_lead_task} every 20 ms). Prints p50, p95,
 * p99 and max, and writes them to {@code target/bench/hot-lead-latency.txt}.
 *
 * <pre>./mvnw -Pbench -pl ui -am verify -Dtest=HotLeadLatencyBench -Dsurefire.failIfNoSpecifiedTests=false
 *     -Dbench.rate=50 -Dbench.seconds=60</pre>
 *
 * <p>Requests go through MockMvc (the whole servlet filter chain and controller, in process): Vaadin's dev mode is not
 * started for a benchmark, and a localhost socket adds well under a millisecond.
 */
@SpringBootTest(classes = WaymarkApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {"waymark.demo.seed=false", "logging.level.root=WARN", "logging.level.io.waymark=WARN",
        "waymark.engine.embedded.heap=768m"})
@AutoConfigureMockMvc
class HotLeadLatencyBench {

  private static final int RATE = Integer.getInteger("bench.rate", 50);
  private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
  private static final int LEADS = RATE * SECONDS;

  @DynamicPropertySource
  static void embedded(DynamicPropertyRegistry registry) throws IOException {
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
        ports.add(socket.getLocalPort());
      }
    }
    Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bench-data-");
    registry.add("waymark.data-dir", dataDir::toString);
    registry.add("waymark.engine.embedded.port", () -> ports.get(0));
    registry.add("waymark.engine.embedded.command-port", () -> ports.get(1));
    registry.add("waymark.engine.embedded.internal-port", () -> ports.get(2));
    registry.add("waymark.engine.embedded.rest-port", () -> ports.get(3));
    registry.add("waymark.engine.embedded.management-port", () -> ports.get(4));
  }

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  @Test
  void hotReplyToInboxTask() throws Exception {
    assumeTrue(Boolean.getBoolean("waymark.bench"), "a benchmark: run it with -Pbench");
    String zone = middayZone();
    String batch = UUID.randomUUID().toString().substring(0, 8);
    List<String> phones = new ArrayList<>();
    for (int i = 0; i < LEADS; i++) {
      phones.add(String.format(Locale.ROOT, "+1415555%04d", i));
    }

    long setupStarted = System.nanoTime();
    for (int i = 0; i < LEADS; i++) {
      mvc.perform(post("/api/v1/events").contentType(MediaType.APPLICATION_JSON).content("""
              {"eventId": "bench-%s-%d", "type": "lead.created",
               "contact": {"phone": "%s", "firstName": "Lee", "timeZone": "%s"},
               "consent": {"topics": ["promotions"], "channel": "web-form", "text": "Yes, text me"}}
              """.formatted(batch, i, phones.get(i), zone)))
          .andExpect(status().isAccepted());
    }
    awaitCount("select count(*) from outbound_message where status <> 'QUEUED'", LEADS, Duration.ofMinutes(10));
    Thread.sleep(3_000); // the last instances reach their reply wait
    System.out.printf(Locale.ROOT, "%n%d leads waiting for their reply after %.0f s of setup%n", LEADS,
        (System.nanoTime() - setupStarted) / 1e9);

    Map<String, Instant> posted = new ConcurrentHashMap<>();
    Map<String, Instant> visible = new ConcurrentHashMap<>();
    Map<String, Instant> created = new ConcurrentHashMap<>();
    AtomicLong lastTask = new AtomicLong(jdbc.queryForObject("select coalesce(max(id), 0) from crm_lead_task",
        Long.class));
    ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
    poller.scheduleWithFixedDelay(() -> {
      Instant now = Instant.now();
      jdbc.query("select t.id, t.created_at, c.phone from crm_lead_task t join contact c on c.id = t.contact_id"
          + " where t.id > ? order by t.id", rs -> {
            lastTask.set(Math.max(lastTask.get(), rs.getLong(1)));
            visible.putIfAbsent(rs.getString(3), now);
            created.putIfAbsent(rs.getString(3), rs.getTimestamp(2).toInstant());
          }, lastTask.get());
    }, 0, 20, TimeUnit.MILLISECONDS);

    String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
    ScheduledExecutorService senders = Executors.newScheduledThreadPool(4);
    long start = System.nanoTime() + 100_000_000L;
    long periodNanos = 1_000_000_000L / RATE;
    AtomicLong failures = new AtomicLong();
    for (int i = 0; i < LEADS; i++) {
      String phone = phones.get(i);
      senders.schedule(() -> {
        posted.put(phone, Instant.now());
        try {
          mvc.perform(post("/api/v1/sandbox/replies").contentType(MediaType.APPLICATION_JSON)
              .content("{\"from\": \"" + phone + "\", \"body\": \"1\"}")).andExpect(status().isAccepted());
        } catch (Exception | AssertionError e) {
          failures.incrementAndGet();
        }
      }, start + i * periodNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }
    senders.shutdown();
    senders.awaitTermination(SECONDS + 60, TimeUnit.SECONDS);
    double sendSeconds = (System.nanoTime() - start) / 1e9;
    String loadAfter = Files.readString(Path.of("/proc/loadavg")).strip();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (visible.size() < LEADS && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    poller.shutdown();
    poller.awaitTermination(5, TimeUnit.SECONDS);

    List<Long> toVisible = new ArrayList<>();
    List<Long> toCreated = new ArrayList<>();
    posted.forEach((phone, at) -> {
      if (visible.containsKey(phone)) {
        toVisible.add(Duration.between(at, visible.get(phone)).toMillis());
        toCreated.add(Duration.between(at, created.get(phone)).toMillis());
      }
    });
    toVisible.sort(null);
    toCreated.sort(null);
    String report = String.format(Locale.ROOT, """
        Hot reply -> task in the lead inbox, embedded mode (Zeebe broker %s, H2 file), %d replies at %d/s
        (sent over %.1f s, %d failed to post), %d tasks seen
          visible in the inbox (poll every 20 ms): p50 %d ms, p95 %d ms, p99 %d ms, max %d ms
          task row created_at:                    p50 %d ms, p95 %d ms, p99 %d ms, max %d ms
          load average before / after the replies: %s / %s (%d cores)
        """, System.getProperty("zeebe.broker.version", "8.6.0"), LEADS, RATE, sendSeconds, failures.get(),
        toVisible.size(), pct(toVisible, 50), pct(toVisible, 95), pct(toVisible, 99), pct(toVisible, 100),
        pct(toCreated, 50), pct(toCreated, 95), pct(toCreated, 99), pct(toCreated, 100), loadBefore, loadAfter,
        Runtime.getRuntime().availableProcessors());
    System.out.println(report);
    Path out = Path.of("target", "bench", "hot-lead-latency.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    assertThat(toVisible).as("every HOT reply became a task").hasSize(LEADS);
  }

  private void awaitCount(String sql, int expected, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long count = 0;
    while (System.nanoTime() < deadline) {
      count = jdbc.queryForObject(sql, Long.class);
      if (count >= expected) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("only " + count + " of " + expected + " after " + timeout + ": " + sql);
  }

  /** Nearest rank; 100 is the maximum. */
  private static long pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return -1;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /** A zone where it is early afternoon now, so that quiet hours defer none of the questions. */
  private static String middayZone() {
    Instant now = Instant.now();
    return ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/"))
        .filter(z -> {
          int hour = ZonedDateTime.ofInstant(now, ZoneId.of(z)).getHour();
          return hour >= 11 && hour <= 15;
        }).sorted().findFirst().orElseThrow();
  }
}
