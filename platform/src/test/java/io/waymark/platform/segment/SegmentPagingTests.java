package io.waymark.platform.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.support.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** Resolving an audience in keyset batches: every member once, in id order, whatever is inserted meanwhile. */
@SpringBootTest(properties = "waymark.test.database=segments")
@Import(SegmentFixtures.class)
class SegmentPagingTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired Segments segments;
  @Autowired SegmentFixtures fixtures;

  private SegmentId everyone;

  @BeforeEach
  void emptyDatabase() throws Exception {
    fixtures.emptyDatabase();
    everyone = segments.create(new NewSegment("Everyone", null, JSON.readTree("{\"all\": []}"))).id();
  }

  /** Members with consent for promotions, interleaved with contacts without. */
  private List<Long> audience(int members) {
    List<Long> expected = new ArrayList<>();
    for (int i = 0; i < members / 50; i++) {
      expected.addAll(fixtures.bulkContacts(50, "promotions"));
      fixtures.bulkContacts(20, null);
      fixtures.bulkContacts(5, "alerts");
    }
    return expected;
  }

  private List<List<Long>> resolve(int batchSize) {
    List<List<Long>> batches = new ArrayList<>();
    ContactId after = null;
    AudiencePage page;
    do {
      page = segments.members(everyone, "promotions", after, batchSize);
      batches.add(page.members().stream().map(ContactId::value).toList());
      after = page.next();
    } while (!page.last());
    return batches;
  }

  @ParameterizedTest(name = "batches of {0}")
  @ValueSource(ints = {1, 7, 50, 100, 10_000})
  void visitsEveryMemberExactlyOnceInIdOrder(int batchSize) {
    List<Long> expected = audience(200);

    List<List<Long>> batches = resolve(batchSize);

    assertThat(batches.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(expected);
    assertThat(batches.subList(0, batches.size() - 1)).allSatisfy(batch -> assertThat(batch).hasSize(batchSize));
    assertThat(batches).hasSize(200 / batchSize + 1);
  }

  /**
   * New members beyond the cursor are picked up (so the inserts are bounded: a resolution ends once it has caught
   * up); members opted out before their batch is read are left out; nobody is seen twice or skipped.
   */
  @Test
  void staysExactWhileContactsAreInsertedAndOthersOptOut() throws Exception {
    List<Long> before = audience(300);
    long leftBeforeResolution = before.getLast();
    fixtures.optOutRow(leftBeforeResolution);
    AtomicBoolean done = new AtomicBoolean();
    CompletableFuture<List<List<Long>>> changes = CompletableFuture.supplyAsync(() -> {
      List<Long> added = new ArrayList<>();
      List<Long> optedOut = new ArrayList<>();
      for (int i = 1; !done.get() && i <= 60; i++) {
        pause(3);
        added.addAll(fixtures.bulkContacts(3, "promotions"));
        fixtures.bulkContacts(2, null);
        if (i % 3 == 0 && optedOut.size() < 30) {
          long leaving = before.get(before.size() - 2 - optedOut.size() * 3);
          fixtures.optOutRow(leaving);
          optedOut.add(leaving);
        }
      }
      return List.of(added, optedOut);
    });

    List<Long> seen = new ArrayList<>();
    ContactId after = null;
    AudiencePage page;
    do {
      page = segments.members(everyone, "promotions", after, 10);
      page.members().forEach(id -> seen.add(id.value()));
      after = page.next();
      pause(2);
    } while (!page.last());
    done.set(true);
    List<Long> added = changes.get().get(0);
    List<Long> optedOut = changes.get().get(1);

    assertThat(seen).doesNotHaveDuplicates().isSorted();
    assertThat(seen).containsAll(before.stream()
        .filter(id -> !optedOut.contains(id) && id != leftBeforeResolution).toList());
    Set<Long> everyMember = new HashSet<>(before);
    everyMember.addAll(added);
    assertThat(everyMember).containsAll(seen);
    assertThat(added).isNotEmpty();
    assertThat(optedOut).isNotEmpty();
    assertThat(seen).doesNotContain(leftBeforeResolution);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void refusesBatchSizesOutOfRangeAndUnknownSegments() {
    assertThatThrownBy(() -> segments.members(everyone, "promotions", null, 0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("batchSize"));
    assertThatThrownBy(() -> segments.members(everyone, "promotions", null, 10_001))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> segments.members(everyone, null, null, 10))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("topic"));
    assertThatThrownBy(() -> segments.members(new SegmentId(987_654), "promotions", null, 10))
        .isInstanceOf(SegmentNotFoundException.class);
  }
}
