package io.waymark.workers.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Holdout buckets: stable per journey and contact, independent between journeys, near uniform over sequential ids. */
class HoldoutBucketTests {

  @Test
  void givesTheSameContactTheSameBucketInAJourneyAndOthersInOtherJourneys() {
    assertThat(HoldoutBuckets.bucket("win-back", 42)).isEqualTo(HoldoutBuckets.bucket("win-back", 42))
        .isBetween(0, 99);
    long differing = LongStream.range(1, 1_001)
        .filter(id -> HoldoutBuckets.bucket("win-back", id) != HoldoutBuckets.bucket("other", id))
        .count();
    assertThat(differing).isGreaterThan(950);
  }

  @Test
  void spreadsSequentialContactIdsEvenlyOverTheBuckets() {
    int[] counts = new int[100];
    LongStream.range(1, 100_001).forEach(id -> counts[HoldoutBuckets.bucket("win-back", id)]++);
    long inTenPercentHoldout = IntStream.range(0, 10).map(b -> counts[b]).sum();

    assertThat(inTenPercentHoldout).isBetween(9_500L, 10_500L);
    assertThat(IntStream.of(counts).min().orElseThrow()).isGreaterThan(850);
  }
}
