package io.waymark.platform.policy;

import static io.waymark.platform.policy.SendRuleEngineTests.CONTACT;
import static io.waymark.platform.policy.SendRuleEngineTests.RULES;
import static io.waymark.platform.policy.SendRuleEngineTests.in;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.contact.ContactId;
import io.waymark.platform.policy.SendDecision.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rolling frequency caps: the states' from the rules table and the configured ones, counted through SendHistory. */
class FrequencyCapTests {

  private static final Recipient FLORIDA = in("US", "FL", "America/New_York");
  private static final Recipient CALIFORNIA = in("US", "CA", "America/Los_Angeles");

  private final InMemorySendHistory history = new InMemorySendHistory();

  private Ruling decide(SendRuleEngine engine, Recipient recipient, String messageClass, String topic, String now,
      String notAfter) {
    return engine.decide(new SendRequest(CONTACT, topic, messageClass, Instant.parse(now),
        notAfter == null ? null : Instant.parse(notAfter)), MessageClass.parse(messageClass), recipient, history);
  }

  private static SendRuleEngine engine(PolicyProperties.Cap... caps) {
    return new SendRuleEngine(RULES, Arrays.stream(caps).map(cap -> FrequencyCap.of(cap, "test")).toList());
  }

  private void sent(String messageClass, String topic, String... instants) {
    for (String at : instants) {
      history.sent(CONTACT, messageClass, topic, Instant.parse(at));
    }
  }

  @Test
  void defersTheFourthFloridaPromotionIn24HoursUntilTheFirstLeavesTheWindow() {
    sent("promotional", "promotions", "2026-06-14T19:00:00Z", "2026-06-15T16:00:00Z");
    sent("promotional", "flash-sale", "2026-06-15T13:00:00Z");

    Ruling ruling = decide(engine(), FLORIDA, "promotional", "promotions", "2026-06-15T18:00:00Z", null);

    assertThat(ruling.decision()).as(ruling.detail())
        .isEqualTo(SendDecision.defer(Instant.parse("2026-06-15T19:00:00Z"), SendDecision.CAP_REACHED));
    assertThat(ruling.detail()).contains("Fla. Stat. 501.616");
  }

  @Test
  void suppressesTheFourthFloridaPromotionWhenTheCapFreesAfterNotAfter() {
    sent("promotional", "promotions", "2026-06-14T19:00:00Z", "2026-06-15T13:00:00Z", "2026-06-15T16:00:00Z");

    Ruling ruling = decide(engine(), FLORIDA, "promotional", "promotions", "2026-06-15T18:00:00Z",
        "2026-06-15T18:30:00Z");

    assertThat(ruling.decision()).isEqualTo(SendDecision.suppress(SendDecision.CAP_REACHED));
  }

  @Test
  void sendsTheThirdFloridaPromotionIn24Hours() {
    sent("promotional", "promotions", "2026-06-14T19:00:00Z", "2026-06-15T16:00:00Z");

    assertThat(decide(engine(), FLORIDA, "promotional", "promotions", "2026-06-15T18:00:00Z", null)
        .decision().verdict()).isEqualTo(Verdict.SEND);
  }

  @Test
  void leavesCaliforniaWithoutAStateCap() {
    sent("promotional", "promotions", "2026-06-14T19:00:00Z", "2026-06-15T13:00:00Z", "2026-06-15T16:00:00Z");

    assertThat(decide(engine(), CALIFORNIA, "promotional", "promotions", "2026-06-15T18:00:00Z", null)
        .decision().verdict()).isEqualTo(Verdict.SEND);
  }

  @Test
  void defersUnderTheDefaultWeeklyCapUntilTheOldestIsAWeekOld() {
    sent("promotional", "promotions", "2026-06-09T19:00:00Z", "2026-06-12T19:00:00Z");
    sent("promotional", "new-arrivals", "2026-06-14T19:00:00Z");

    Ruling ruling = decide(engine(PolicyProperties.DEFAULT_CAP), CALIFORNIA, "promotional", "promotions",
        "2026-06-15T19:00:00Z", null);

    assertThat(ruling.decision())
        .isEqualTo(SendDecision.defer(Instant.parse("2026-06-16T19:00:00Z"), SendDecision.CAP_REACHED));
  }

  @Test
  void defersToTheMorningWhenACapFreesAtNight() {
    sent("promotional", "promotions", "2026-06-15T02:00:00Z");

    Ruling ruling = decide(engine(new PolicyProperties.Cap("promotional", "*", 1, Duration.ofHours(30))), CALIFORNIA,
        "promotional", "promotions", "2026-06-15T20:00:00Z", null);

    // frees at 2026-06-16T08:00Z, 01:00 in Los Angeles; the window opens at 08:00 PDT
    assertThat(ruling.decision())
        .isEqualTo(SendDecision.defer(Instant.parse("2026-06-16T15:00:00Z"), SendDecision.QUIET_HOURS));
  }

  @Test
  void capsOnlyTheConfiguredTopic() {
    SendRuleEngine flashSaleOncePerDay = engine(new PolicyProperties.Cap("promotional", "flash-sale", 1,
        Duration.ofDays(1)));
    sent("promotional", "flash-sale", "2026-06-15T17:00:00Z");

    assertThat(decide(flashSaleOncePerDay, CALIFORNIA, "promotional", "flash-sale", "2026-06-15T19:00:00Z", null)
        .decision()).isEqualTo(SendDecision.defer(Instant.parse("2026-06-16T17:00:00Z"), SendDecision.CAP_REACHED));
    assertThat(decide(flashSaleOncePerDay, CALIFORNIA, "promotional", "promotions", "2026-06-15T19:00:00Z", null)
        .decision().verdict()).isEqualTo(Verdict.SEND);
  }

  @Test
  void neverCapsTransactionalMessagesByDefault() {
    for (int hour = 10; hour < 20; hour++) {
      sent("transactional", "orders", "2026-06-15T" + hour + ":00:00Z");
    }

    assertThat(decide(engine(PolicyProperties.DEFAULT_CAP), FLORIDA, "transactional", "orders",
        "2026-06-15T20:30:00Z", null).decision().verdict()).isEqualTo(Verdict.SEND);
  }

  @Test
  void countsOnlyThisContactsMessagesOfTheSameClass() {
    for (String at : List.of("2026-06-15T13:00:00Z", "2026-06-15T14:00:00Z", "2026-06-15T15:00:00Z")) {
      history.sent(new ContactId(7), "promotional", "promotions", Instant.parse(at));
      history.sent(CONTACT, "alert", "promotions", Instant.parse(at));
    }

    assertThat(decide(engine(), FLORIDA, "promotional", "promotions", "2026-06-15T18:00:00Z", null)
        .decision().verdict()).isEqualTo(Verdict.SEND);
  }

  @Test
  void freesWhenEnoughMessagesHaveLeftTheWindowCountingTiesTogether() {
    FrequencyCap twoPerDay = new FrequencyCap(MessageClass.PROMOTIONAL, null, 2, Duration.ofDays(1), "test");
    sent("promotional", "promotions", "2026-06-15T08:00:00Z", "2026-06-15T10:00:00Z", "2026-06-15T10:00:00Z");

    assertThat(twoPerDay.freeAt(history, CONTACT, Instant.parse("2026-06-15T12:00:00Z")))
        .contains(Instant.parse("2026-06-16T10:00:00Z"));
    assertThat(twoPerDay.freeAt(history, CONTACT, Instant.parse("2026-06-16T10:00:00Z")))
        .contains(Instant.parse("2026-06-16T10:00:00Z"));
  }

  @Test
  void suppressesWhenTheHistoryCountsMessagesItCannotDate() {
    SendHistory contradictory = new SendHistory() {
      @Override
      public long countSent(ContactId contact, String messageClass, String topic, Instant since) {
        return 5;
      }

      @Override
      public Optional<Instant> oldestSentSince(ContactId contact, String messageClass, String topic, Instant since) {
        return Optional.empty();
      }
    };

    Ruling ruling = engine(PolicyProperties.DEFAULT_CAP).decide(new SendRequest(CONTACT, "promotions", "promotional",
        Instant.parse("2026-06-15T18:00:00Z"), null), MessageClass.PROMOTIONAL, CALIFORNIA, contradictory);

    assertThat(ruling.decision()).isEqualTo(SendDecision.suppress(SendDecision.CAP_REACHED));
  }
}
