package io.waymark.platform.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Program metrics over seeded ledgers, in New York across the start of daylight saving time (2031-03-09): every tally
 * field of every breakdown checked against counts worked out by hand from the rows below (dates of 2031, when daylight
 * saving starts on 03-09; each test runs in a later year, shifted to its own start of daylight saving).
 *
 * <pre>
 * M1 C1 win-back        win-back.first   DELIVERED   sandbox 03-08T15:00Z (Mar 8)  1 seg   click; reply +1h; order 40
 * M2 C1 win-back        win-back.second  FAILED 30003 twilio 03-10T04:30Z (Mar 10, EDT) 2 seg
 * M3 C2 lead-follow-up  lead.first       DELIVERED   twilio  03-09T04:30Z (Mar 8, EST) no segments: 200 GSM chars = 2
 * M4 C2 hot-lead (sub)  lead.handoff     UNDELIVERED 30005 sandbox 03-09T16:00Z (Mar 9) 1 seg; C2 opts out 17:00Z
 * M5 C3 -               promo            SUPPRESSED (not counted)
 * M6 C3 -               promo            FAILED, never accepted, created 03-09T12:00Z (Mar 9), "provider refused", 1 seg
 * M7 C4 win-back        win-back.first   DELIVERED 03-07T12:00Z (before the period)
 * </pre>
 */
@SpringBootTest(properties = "waymark.test.database=analytics")
class ProgramMetricsTests {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Autowired ProgramMetrics metrics;
  @Autowired Conversions conversions;
  @Autowired JdbcTemplate jdbc;

  /** Each test its own year, so that their periods never overlap. */
  private static final java.util.concurrent.atomic.AtomicInteger YEARS =
      new java.util.concurrent.atomic.AtomicInteger(2031 + (int) (System.nanoTime() % 500));

  private LedgerSeed seed;
  private LocalDate dst;
  private MetricFilter all;
  private long c1;
  private long c2;
  private long c3;

  @BeforeEach
  void seedLedgers() {
    seed = new LedgerSeed(jdbc);
    long base = LedgerSeed.newKey() * 10;
    c1 = base + 1;
    c2 = base + 2;
    c3 = base + 3;
    dst = NEW_YORK.getRules().nextTransition(Instant.parse(YEARS.getAndIncrement() + "-01-01T00:00:00Z"))
        .getInstant().atZone(NEW_YORK).toLocalDate();
    all = new MetricFilter(new Period(dst.minusDays(1), dst.plusDays(1), NEW_YORK), null, null);
    long k1 = LedgerSeed.newKey();
    long k2 = LedgerSeed.newKey();
    long k3 = LedgerSeed.newKey();
    long r1 = seed.run("win-back", c1, k1, at(-1, "T14:00:00Z"), null);
    seed.entry(r1, "win-back-offer", c1, "discount", "win-back", at(-1, "T14:00:00Z"));
    long r2 = seed.run("lead-follow-up", c2, k2, at(0, "T04:00:00Z"), null);
    seed.subInstance(k3, r2, "hot-lead-handoff", at(0, "T15:00:00Z"));

    LedgerSeed.Message m1 = seed.message(c1, k1, "win-back.first", "DELIVERED", "sandbox",
        at(-1, "T15:00:00Z"), at(-1, "T15:00:00Z"), 1, "Hi", null, null);
    seed.message(c1, k1, "win-back.second", "FAILED", "twilio", at(1, "T04:30:00Z"),
        at(1, "T04:30:00Z"), 2, "Last chance", "30003", "Unreachable");
    LedgerSeed.Message m3 = seed.message(c2, k2, "lead.first", "DELIVERED", "twilio", at(0, "T04:30:00Z"),
        at(0, "T04:30:00Z"), null, "a".repeat(200), null, null);
    seed.message(c2, k3, "lead.handoff", "UNDELIVERED", "sandbox", at(0, "T16:00:00Z"),
        at(0, "T16:00:00Z"), 1, "A rep will call", "30005", null);
    seed.message(c3, null, "promo", "SUPPRESSED", null, null, at(0, "T11:00:00Z"), 1, "Sale", null,
        "QUIET_HOURS");
    seed.message(c3, null, "promo", "FAILED", "twilio", null, at(0, "T12:00:00Z"), 1, "Sale", null,
        "provider refused");
    seed.message(base + 4, k1, "win-back.first", "DELIVERED", "sandbox", at(-2, "T12:00:00Z"),
        at(-2, "T12:00:00Z"), 1, "Hi", null, null);

    seed.inbound(c1, at(-1, "T16:00:00Z"));
    seed.inbound(c2, at(8, "T05:00:00Z")); // 8 days after M3: outside the 7-day window
    seed.optOut(c2, at(0, "T17:00:00Z"));
    seed.click(c1, m1.key(), "CLICK", at(-1, "T15:05:00Z"));
    seed.click(c2, m3.key(), "PREVIEW", at(0, "T04:31:00Z"));
    conversions.record(new Conversions.Conversion("order-" + base, "order.completed", c1, new BigDecimal("40.00"),
        "USD", at(-1, "T18:00:00Z")));
  }

  /** {@code days} after the day daylight saving time starts, at {@code time} UTC ({@code T15:00:00Z}). */
  private Instant at(int days, String time) {
    return Instant.parse(dst.plusDays(days) + time);
  }

  private static Tally tally(long messages, long delivered, long failed, long recipients, long optedOut,
      long replied, long clicked, long converted, String revenue, long segments) {
    return new Tally(messages, delivered, failed, recipients, optedOut, replied, clicked, converted,
        new BigDecimal(revenue), segments, new BigDecimal("0.0079").multiply(BigDecimal.valueOf(segments)));
  }

  private static Map<String, Tally> keyed(List<MetricRow> rows) {
    return rows.stream().collect(Collectors.toMap(MetricRow::key, MetricRow::tally, (a, b) -> a,
        java.util.LinkedHashMap::new));
  }

  @Test
  void talliesTheWholeProgramFromTheLedgers() {
    Tally total = metrics.total(all);

    assertThat(total).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .isEqualTo(tally(5, 2, 3, 3, 1, 1, 1, 1, "40", 7));
    assertThat(total.deliveryRate()).isEqualTo(2.0 / 5);
    assertThat(total.failureRate()).isEqualTo(3.0 / 5);
    assertThat(total.optOutRate()).isEqualTo(1.0 / 3);
    assertThat(total.replyRate()).isEqualTo(1.0 / 3);
    assertThat(total.clickRate()).isEqualTo(1.0 / 3);
    assertThat(total.conversionRate()).isEqualTo(1.0 / 3);
    assertThat(total.cost()).isEqualByComparingTo("0.0553");
  }

  @Test
  void bucketsDaysInThePeriodsZoneAcrossDaylightSavingWithEveryDayPresent() {
    assertThat(keyed(metrics.byDay(all))).usingRecursiveComparison()
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(Map.of(
            dst.minusDays(1).toString(), tally(2, 2, 0, 2, 1, 1, 1, 1, "40", 3),
            dst.toString(), tally(2, 0, 2, 2, 1, 0, 0, 0, "0", 2),
            dst.plusDays(1).toString(), tally(1, 0, 1, 1, 0, 0, 0, 0, "0", 2)));
    assertThat(metrics.byDay(all)).extracting(MetricRow::key)
        .containsExactly(dst.minusDays(1).toString(), dst.toString(), dst.plusDays(1).toString());

    MetricFilter later = new MetricFilter(new Period(dst.plusDays(2), dst.plusDays(3), NEW_YORK), null, null);
    assertThat(metrics.byDay(later)).extracting(MetricRow::tally).containsExactly(Tally.EMPTY, Tally.EMPTY);
  }

  @Test
  void breaksDownByJourneyTemplateAndRoute() {
    assertThat(keyed(metrics.byJourney(all))).usingRecursiveComparison()
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(Map.of(
            "(none)", tally(1, 0, 1, 1, 0, 0, 0, 0, "0", 1),
            "lead-follow-up", tally(2, 1, 1, 1, 1, 0, 0, 0, "0", 3),
            "win-back", tally(2, 1, 1, 1, 0, 1, 1, 1, "40", 3)));
    assertThat(keyed(metrics.byTemplate(all))).usingRecursiveComparison()
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(Map.of(
            "lead.first", tally(1, 1, 0, 1, 1, 0, 0, 0, "0", 2),
            "lead.handoff", tally(1, 0, 1, 1, 1, 0, 0, 0, "0", 1),
            "promo", tally(1, 0, 1, 1, 0, 0, 0, 0, "0", 1),
            "win-back.first", tally(1, 1, 0, 1, 0, 1, 1, 1, "40", 1),
            "win-back.second", tally(1, 0, 1, 1, 0, 0, 0, 0, "0", 2)));
    assertThat(keyed(metrics.byRoute(all))).usingRecursiveComparison()
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(Map.of(
            "sandbox", tally(2, 1, 1, 2, 1, 1, 1, 1, "40", 2),
            "twilio", tally(3, 1, 2, 3, 1, 0, 0, 0, "0", 5)));
  }

  @Test
  void filtersByJourneyAndByVariant() {
    MetricFilter leads = new MetricFilter(all.period(), "lead-follow-up", null);
    assertThat(metrics.total(leads)).usingRecursiveComparison()
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .isEqualTo(tally(2, 1, 1, 1, 1, 0, 0, 0, "0", 3));

    MetricFilter discount = new MetricFilter(all.period(), null, "discount");
    assertThat(metrics.total(discount)).usingRecursiveComparison()
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .isEqualTo(tally(2, 1, 1, 1, 0, 1, 1, 1, "40", 3));
    assertThat(metrics.total(new MetricFilter(all.period(), null, "control"))).isEqualTo(Tally.EMPTY);
  }

  @Test
  void countsFailuresByReasonMostFrequentFirst() {
    assertThat(metrics.failures(all)).containsExactly(new FailureCount("30003", 1), new FailureCount("30005", 1),
        new FailureCount("provider refused", 1));
  }

  @Test
  void measuresLeadResponseWithNearestRankPercentiles() {
    Instant created = at(0, "T15:00:00Z");
    seed.leadTask(c1, null, created, 60_000L);
    seed.leadTask(c2, null, created, 600_000L);
    seed.leadTask(c3, null, created, 120_000L);
    seed.leadTask(c3, null, created, null);
    seed.leadTask(c3, null, at(3, "T15:00:00Z"), 1_000L); // after the period

    LeadResponse response = metrics.leadResponse(all);

    // accepted after 60 s, 120 s, 600 s: median rank ceil(1.5) = 2 -> 120 s; p90 rank ceil(2.7) = 3 -> 600 s
    assertThat(response).isEqualTo(new LeadResponse(4, 3, Duration.ofSeconds(120), Duration.ofSeconds(600)));
  }

  @Test
  void comparesNoShowsOfRemindedAndHeldOutAppointments() {
    Instant entered = at(0, "T15:00:00Z");
    long base = LedgerSeed.newKey() * 10;
    for (int i = 0; i < 4; i++) {
      seed.run("appointment-reminder", base + i, LedgerSeed.newKey(), entered, "REMINDED");
      if (i < 3) {
        seed.conversion(base + i, "appointment.attended", null, entered.plus(Duration.ofDays(2)));
      }
    }
    for (int i = 4; i < 6; i++) {
      seed.run("appointment-reminder", base + i, LedgerSeed.newKey(), entered, "HOLDOUT");
    }
    seed.conversion(base + 4, "appointment.attended", null, entered.plus(Duration.ofDays(1)));
    seed.conversion(base + 5, "appointment.attended", null, entered.plus(Duration.ofDays(40))); // past the window

    List<ReminderEffect> effects = metrics.reminders(all);

    // reminded 4, 1 no-show (25%); held out 2, 1 no-show (50%): 25 points fewer no-shows
    assertThat(effects).containsExactly(new ReminderEffect("appointment-reminder", 4, 1, 2, 1, 0.25));
  }
}
