package io.waymark.platform.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.waymark.platform.support.InvalidInputException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Experiments: registration, assignment at entry, and reports checked against published reference values. */
@SpringBootTest(properties = "waymark.test.database=analytics")
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
class ExperimentsTests {

  @Autowired Experiments experiments;
  @Autowired Conversions conversions;
  @Autowired JdbcTemplate jdbc;

  private static String journey() {
    return "journey-" + LedgerSeed.newKey();
  }

  @Test
  void assignsDeterministicallyAndCloseToTheWeights() {
    String journey = journey();
    experiments.register(journey, Map.of("experiment", journey + "-x", "variants", "control:45, discount:45, holdout:10"));
    Map<String, Integer> counts = new HashMap<>();
    long base = LedgerSeed.newKey() * 100_000;
    for (long contact = base; contact < base + 10_000; contact++) {
      String variant = experiments.assign(journey, contact, contact).orElseThrow().variant();
      counts.merge(variant, 1, Integer::sum);
    }
    // binomial standard deviation at 45% of 10,000 is ~50, at 10% is 30: 4 sigma bounds
    assertThat(counts.get("control")).isBetween(4300, 4700);
    assertThat(counts.get("discount")).isBetween(4300, 4700);
    assertThat(counts.get("holdout")).isBetween(880, 1120);
    String first = experiments.assign(journey, base + 17, 1).orElseThrow().variant();
    assertThat(experiments.assign(journey, base + 17, 2).orElseThrow().variant()).isEqualTo(first);
    assertThat(VariantSpec.parse("control:45, discount:45, holdout:10")
        .pick(Assignments.bucket(journey + "-x", base + 17))).isEqualTo(first);
    assertThat(experiments.variants(journey)).containsExactly("control", "discount", "holdout");
  }

  @Test
  void keepsTheFirstAssignmentOnReEntryAfterTheWeightsChangeAndRecordsEveryRun() {
    String journey = journey();
    String experiment = journey + "-x";
    experiments.register(journey, Map.of("experiment", experiment, "variants", "control:50, holdout:50"));
    long contact = LedgerSeed.newKey();
    long runs = LedgerSeed.newKey() * 10;
    String before = experiments.assign(journey, contact, runs).orElseThrow().variant();

    String other = before.equals("control") ? "holdout" : "control";
    experiments.register(journey, Map.of("experiment", experiment, "variants", other + ":99, " + before + ":1"));
    Experiments.Assignment again = experiments.assign(journey, contact, runs + 1).orElseThrow();

    assertThat(again).isEqualTo(new Experiments.Assignment(experiment, before));
    assertThat(jdbc.queryForList("SELECT variant FROM experiment_entry WHERE experiment_id = ? ORDER BY journey_run_id",
        String.class, experiment)).containsExactly(before, before);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM experiment_assignment WHERE experiment_id = ?",
        Long.class, experiment)).isOne();
  }

  @Test
  void settlesTwoEntriesAtOnceOnOneAssignment() throws Exception {
    for (int attempt = 0; attempt < 20; attempt++) {
      String journey = journey();
      experiments.register(journey, Map.of("experiment", journey + "-x", "variants", "a:50, b:50"));
      long contact = LedgerSeed.newKey();
      CyclicBarrier start = new CyclicBarrier(2);
      CompletableFuture<Optional<Experiments.Assignment>> one = CompletableFuture.supplyAsync(() -> {
        await(start);
        return experiments.assign(journey, contact, contact * 10);
      });
      CompletableFuture<Optional<Experiments.Assignment>> two = CompletableFuture.supplyAsync(() -> {
        await(start);
        return experiments.assign(journey, contact, contact * 10 + 1);
      });

      assertThat(one.get()).isEqualTo(two.get()).isPresent();
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM experiment_assignment WHERE experiment_id = ?",
          Long.class, journey + "-x")).isOne();
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM experiment_entry WHERE experiment_id = ?",
          Long.class, journey + "-x")).isEqualTo(2);
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void assignsNothingWithoutAnActiveExperimentAndRefusesBadDefinitions() {
    String journey = journey();
    assertThat(experiments.assign(journey, 1, 1)).isEmpty();
    experiments.register(journey, Map.of("experiment", journey + "-x", "variants", "a:50, holdout:50"));
    experiments.register(journey, Map.of());
    assertThat(experiments.assign(journey, 1, 1)).isEmpty();

    assertThatThrownBy(() -> experiments.register(journey, Map.of("experiment", journey + "-y", "variants", "a:60")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("variants");
    assertThatThrownBy(() -> experiments.register(journey(), Map.of("experiment", journey + "-x",
        "variants", "a:50, holdout:50"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("belongs to the journey " + journey);
  }

  /**
   * Newcombe's example as an experiment: treatment 56 of 70 converted, holdout 48 of 80 (Statistics in Medicine 17,
   * 873-890, 1998: difference 0.2000, method 10 interval 0.0524 to 0.3339; R prop.test(c(56, 48), c(70, 80),
   * correct = FALSE): p-value 0.008045; Wilson 56/70: 0.6918 to 0.8770).
   */
  @Test
  void reportsEachVariantWithWilsonIntervalsAndLiftOverTheHoldout() {
    String journey = journey();
    String experiment = journey + "-x";
    LedgerSeed seed = new LedgerSeed(jdbc);
    LocalDate day = LocalDate.of(2030, 1, 1).plusDays(LedgerSeed.newKey() % 3000);
    Instant entered = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(12));
    long base = LedgerSeed.newKey() * 1000;
    for (int i = 0; i < 150; i++) {
      long contact = base + i;
      boolean treated = i < 70;
      long run = seed.run(journey, contact, null, entered, null);
      seed.assignment(experiment, contact, treated ? "discount" : "holdout", journey, run, entered);
      boolean converted = treated ? i < 56 : i < 70 + 48;
      if (converted) {
        seed.conversion(contact, "order.completed", new BigDecimal("10.50"), entered.plus(Duration.ofDays(3)));
      }
    }
    seed.conversion(base, "order.completed", new BigDecimal("99"), entered.plus(Duration.ofDays(31))); // too late
    seed.conversion(base + 1, "newsletter.opened", new BigDecimal("5"), entered.plus(Duration.ofDays(1)));

    List<ExperimentReport> reports = experiments.reports(new MetricFilter(
        new Period(day, day, ZoneOffset.UTC), journey, null));

    assertThat(reports).hasSize(1);
    ExperimentReport report = reports.getFirst();
    assertThat(report.experiment()).isEqualTo(experiment);
    assertThat(report.journey()).isEqualTo(journey);
    VariantResult discount = report.variants().get(0);
    VariantResult holdout = report.variants().get(1);
    assertThat(discount.variant()).isEqualTo("discount");
    assertThat(discount.entered()).isEqualTo(70);
    assertThat(discount.converted()).isEqualTo(56);
    assertThat(discount.revenue()).isEqualByComparingTo("588.00");
    assertThat(discount.conversionRate().low()).isCloseTo(0.6918, within(0.00005));
    assertThat(discount.conversionRate().high()).isCloseTo(0.8770, within(0.00005));
    assertThat(discount.lift().absolute().estimate()).isCloseTo(0.2, within(1e-9));
    assertThat(discount.lift().absolute().low()).isCloseTo(0.0524, within(0.00005));
    assertThat(discount.lift().absolute().high()).isCloseTo(0.3339, within(0.00005));
    assertThat(discount.lift().relative()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(discount.lift().pValue()).isCloseTo(0.008045, within(0.0000005));
    assertThat(holdout.holdout()).isTrue();
    assertThat(holdout.entered()).isEqualTo(80);
    assertThat(holdout.converted()).isEqualTo(48);
    assertThat(holdout.revenue()).isEqualByComparingTo("504.00");
    assertThat(holdout.lift()).isNull();
    assertThat(report.warning()).contains("discount: 70 entered, fewer than the minimum sample of 100")
        .contains("holdout: 80 entered").doesNotContain("fewer than 10");
  }
}
