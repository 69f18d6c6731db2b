package io.waymark.platform.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.contact.ContactId;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.policy.SendDecision.Verdict;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/** Quiet hours and expiry with the shipped rules table, without Spring. Caps: {@link FrequencyCapTests}. */
class SendRuleEngineTests {

  static final SendRules RULES = SendRules.load(new ClassPathResource("policy/send-rules.tsv"));
  static final ContactId CONTACT = new ContactId(42);

  private final SendRuleEngine engine = new SendRuleEngine(RULES, List.of());
  private final InMemorySendHistory history = new InMemorySendHistory();

  static Recipient in(String country, String region, String zone) {
    return new Recipient(country, region, List.of(ZoneId.of(zone)));
  }

  static Instant local(String dateTime, String zone) {
    return LocalDateTime.parse(dateTime).atZone(ZoneId.of(zone)).toInstant();
  }

  private Ruling decide(Recipient recipient, String messageClass, Instant now, Instant notAfter) {
    return engine.decide(new SendRequest(CONTACT, "promotions", messageClass, now, notAfter),
        MessageClass.parse(messageClass), recipient, history);
  }

  @ParameterizedTest(name = "{4} {3} in {0}-{1} ({2}) -> {5} {6}")
  @CsvSource(nullValues = "", textBlock = """
      # country, region, zone,              class,         local now,           verdict, local until
      # state rules on top of the federal 08:00-21:00
      US, FL, America/New_York,    promotional,   2026-06-15T20:30,    DEFER,   2026-06-16T08:00
      US, FL, America/New_York,    promotional,   2026-06-15T19:59:59, SEND,
      US, WA, America/Los_Angeles, promotional,   2026-06-15T20:15,    DEFER,   2026-06-16T08:00
      US, CA, America/Los_Angeles, promotional,   2026-06-15T20:15,    SEND,
      US, CA, America/Los_Angeles, promotional,   2026-06-15T21:00,    DEFER,   2026-06-16T08:00
      US, OK, America/Chicago,     promotional,   2026-06-15T20:00,    DEFER,   2026-06-16T08:00
      US, MD, America/New_York,    promotional,   2026-06-15T07:59,    DEFER,   2026-06-15T08:00
      US, HI, Pacific/Honolulu,    promotional,   2026-06-15T21:30,    DEFER,   2026-06-16T08:00
      US,   , America/New_York,    promotional,   2026-06-15T20:30,    SEND,
      # midnight and just before it
      US, NY, America/New_York,    promotional,   2026-06-15T23:59:59, DEFER,   2026-06-16T08:00
      US, NY, America/New_York,    promotional,   2026-06-15T00:00,    DEFER,   2026-06-15T08:00
      # countries east and west of UTC
      IN,   , Asia/Kolkata,        promotional,   2026-06-15T08:30,    DEFER,   2026-06-15T09:00
      IN,   , Asia/Kolkata,        promotional,   2026-06-15T20:59,    SEND,
      IN,   , Asia/Kolkata,        promotional,   2026-06-15T21:00,    DEFER,   2026-06-16T09:00
      FR,   , Europe/Paris,        promotional,   2026-06-13T20:30,    DEFER,   2026-06-15T08:00
      FR,   , Europe/Paris,        promotional,   2026-06-14T12:00,    DEFER,   2026-06-15T08:00
      DE,   , Europe/Berlin,       promotional,   2026-06-15T20:00,    DEFER,   2026-06-16T08:00
      GB,   , Europe/London,       promotional,   2026-06-15T20:30,    SEND,
      NZ,   , Pacific/Auckland,    promotional,   2026-06-15T07:59:59, DEFER,   2026-06-15T08:00
      NZ,   , Pacific/Auckland,    promotional,   2026-06-15T00:00,    DEFER,   2026-06-15T08:00
      BR,   , America/Sao_Paulo,   promotional,   2026-06-15T21:30,    DEFER,   2026-06-16T08:00
        ,   , Pacific/Honolulu,    promotional,   2026-06-15T06:00,    DEFER,   2026-06-15T08:00
      # transactional goes at any hour; alerts keep out of the night, state promotion rules do not touch them
      US, FL, America/New_York,    transactional, 2026-06-15T03:00,    SEND,
      US, FL, America/New_York,    alert,         2026-06-15T21:30,    SEND,
      US, FL, America/New_York,    alert,         2026-06-15T22:00,    DEFER,   2026-06-16T07:00
      IN,   , Asia/Kolkata,        alert,         2026-06-15T06:59,    DEFER,   2026-06-15T07:00
      """)
  void appliesTheWindowOfTheRecipientsCountryAndState(String country, String region, String zone,
      String messageClass, String now, Verdict verdict, String until) {
    Ruling ruling = decide(in(country, region, zone), messageClass, local(now, zone), null);

    assertThat(ruling.decision().verdict()).as(ruling.detail()).isEqualTo(verdict);
    if (verdict == Verdict.DEFER) {
      assertThat(ruling.decision().until()).isEqualTo(local(until, zone));
      assertThat(ruling.decision().reason()).isEqualTo(SendDecision.QUIET_HOURS);
    }
  }

  @ParameterizedTest(name = "{3} in {0} ({2}) at {4} -> {5}")
  @CsvSource(nullValues = "", textBlock = """
      # country, region, zone,           class,       now (UTC),            deferred until (UTC)
      # New York springs forward on 2026-03-08 and falls back on 2026-11-01
      US, NY, America/New_York,  promotional, 2026-03-08T02:30:00Z, 2026-03-08T12:00:00Z
      US, NY, America/New_York,  promotional, 2026-03-08T06:59:00Z, 2026-03-08T12:00:00Z
      US, NY, America/New_York,  promotional, 2026-11-01T01:30:00Z, 2026-11-01T13:00:00Z
      US, NY, America/New_York,  promotional, 2026-11-01T05:30:00Z, 2026-11-01T13:00:00Z
      US, NY, America/New_York,  promotional, 2026-11-01T06:30:00Z, 2026-11-01T13:00:00Z
      # Paris on 2026-03-29 and 2026-10-25, both Sundays: alerts open at 07:00, promotion waits for Monday
      FR,   , Europe/Paris,      alert,       2026-03-28T21:30:00Z, 2026-03-29T05:00:00Z
      FR,   , Europe/Paris,      promotional, 2026-03-28T19:30:00Z, 2026-03-30T06:00:00Z
      FR,   , Europe/Paris,      alert,       2026-10-24T20:30:00Z, 2026-10-25T06:00:00Z
      FR,   , Europe/Paris,      promotional, 2026-10-23T18:30:00Z, 2026-10-24T06:00:00Z
      FR,   , Europe/Paris,      promotional, 2026-10-24T18:30:00Z, 2026-10-26T07:00:00Z
      # Auckland falls back on 2026-04-05 and springs forward on 2026-09-27; Honolulu and Kolkata never change
      NZ,   , Pacific/Auckland,  promotional, 2026-04-04T09:00:00Z, 2026-04-04T20:00:00Z
      NZ,   , Pacific/Auckland,  promotional, 2026-09-26T09:30:00Z, 2026-09-26T19:00:00Z
      US, HI, Pacific/Honolulu,  promotional, 2026-03-08T07:30:00Z, 2026-03-08T18:00:00Z
      IN,   , Asia/Kolkata,      promotional, 2026-03-29T02:00:00Z, 2026-03-29T03:30:00Z
      """)
  void defersToTheNextLocalOpeningAcrossDaylightSavingChanges(String country, String region, String zone,
      String messageClass, Instant now, Instant expected) {
    Ruling ruling = decide(in(country, region, zone), messageClass, now, null);

    assertThat(ruling.decision()).as(ruling.detail())
        .isEqualTo(SendDecision.defer(expected, SendDecision.QUIET_HOURS));
  }

  @ParameterizedTest(name = "toll-free at {0} -> {1} {2}")
  @CsvSource(nullValues = "", textBlock = """
      # 08:00-21:00 is open in every North American zone, Guam (+10) to St. John's (-03:30), only 22:00Z-00:30Z
      2026-01-15T18:00:00Z, DEFER, 2026-01-15T22:00:00Z
      2026-01-15T23:00:00Z, SEND,
      2026-01-16T00:30:00Z, DEFER, 2026-01-16T22:00:00Z
      # in July St. John's is at -02:30: 22:00Z-23:30Z
      2026-07-15T23:30:00Z, DEFER, 2026-07-16T22:00:00Z
      """)
  void sendsToATollFreeNumberOnlyWhenTheWindowIsOpenInEveryZoneItMapsTo(Instant now, Verdict verdict,
      Instant until) {
    Recipient tollFree = Recipient.of(new ContactView(CONTACT, "+18005550100", null, null, null, null, null, null,
        null, null, List.of(),
        Map.of()));

    Ruling ruling = decide(tollFree, "promotional", now, null);

    assertThat(tollFree.zones()).contains(ZoneId.of("Pacific/Guam"), ZoneId.of("America/St_Johns"));
    assertThat(ruling.decision().verdict()).as(ruling.detail()).isEqualTo(verdict);
    assertThat(ruling.decision().until()).isEqualTo(until);
  }

  @Test
  void sendsToASingleZoneNumberWhenItsOwnWindowIsOpen() {
    Ruling ruling = decide(in("US", "CA", "America/Los_Angeles"), "promotional",
        Instant.parse("2026-01-15T18:00:00Z"), null);

    assertThat(ruling.decision().verdict()).isEqualTo(Verdict.SEND);
  }

  @Test
  void namesTheRuleBehindADeferral() {
    Ruling ruling = decide(in("US", "FL", "America/New_York"), "promotional",
        local("2026-06-15T20:30", "America/New_York"), null);

    assertThat(ruling.detail()).contains("Fla. Stat. 501.616", "TCPA 47 CFR 64.1200(c)(1)", "America/New_York");
  }

  @Test
  void suppressesAMessageWhoseNotAfterHasPassed() {
    Instant noon = local("2026-06-15T12:00", "America/New_York");

    Ruling ruling = decide(in("US", "FL", "America/New_York"), "transactional", noon, noon.minusSeconds(1));

    assertThat(ruling.decision()).isEqualTo(SendDecision.suppress(SendDecision.EXPIRED));
  }

  @Test
  void suppressesAPromotionThatQuietHoursWouldHoldPastNotAfter() {
    Ruling ruling = decide(in("US", "FL", "America/New_York"), "promotional",
        local("2026-06-15T20:30", "America/New_York"), local("2026-06-15T23:00", "America/New_York"));

    assertThat(ruling.decision()).isEqualTo(SendDecision.suppress(SendDecision.EXPIRED));
  }

  @Test
  void defersWhenTheWindowOpensExactlyAtNotAfter() {
    Instant eight = local("2026-06-16T08:00", "America/New_York");

    Ruling ruling = decide(in("US", "FL", "America/New_York"), "promotional",
        local("2026-06-15T20:30", "America/New_York"), eight);

    assertThat(ruling.decision()).isEqualTo(SendDecision.defer(eight, SendDecision.QUIET_HOURS));
  }

  @Test
  void sendsAtNotAfterItself() {
    Instant noon = local("2026-06-15T12:00", "America/New_York");

    assertThat(decide(in("US", "FL", "America/New_York"), "promotional", noon, noon).decision().verdict())
        .isEqualTo(Verdict.SEND);
  }

  @Test
  void suppressesAWindowedMessageWhenNoTimeZoneIsKnown() {
    Recipient nowhere = new Recipient("US", "FL", List.of());
    Instant noon = Instant.parse("2026-06-15T16:00:00Z");

    assertThat(decide(nowhere, "promotional", noon, null).decision())
        .isEqualTo(SendDecision.suppress(SendDecision.UNKNOWN_TIME_ZONE));
    assertThat(decide(nowhere, "transactional", noon, null).decision().verdict()).isEqualTo(Verdict.SEND);
  }

  @Test
  void suppressesWhenTheWindowIsNeverOpenInAllZonesAtOnce() {
    SendRuleEngine narrow = new SendRuleEngine(SendRules.parse("*\tpromotional\t08:00-12:00\t*\t-\ttest", "test"),
        List.of());
    Recipient farApart = new Recipient(null, null, List.of(ZoneId.of("Asia/Tokyo"), ZoneId.of("America/New_York")));

    Ruling ruling = narrow.decide(new SendRequest(CONTACT, "promotions", "promotional",
        Instant.parse("2026-06-15T00:00:00Z"), null), MessageClass.PROMOTIONAL, farApart, history);

    assertThat(ruling.decision()).isEqualTo(SendDecision.suppress(SendDecision.QUIET_HOURS));
  }
}
