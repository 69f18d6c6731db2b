package io.waymark.platform.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.consent.ConsentPermit;
import io.waymark.platform.contact.ContactImports;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.segment.AudienceSql.Verdict;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Consent and suppression on top of every evaluation, and the SQL verdict held against
 * {@link ConsentLedger#permits} for awkward histories so that the two can never drift apart.
 */
@SpringBootTest(properties = "waymark.test.database=segments")
@Import(SegmentFixtures.class)
class SegmentConsentTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EVERYONE = "{\"all\": []}";

  @Autowired Segments segments;
  @Autowired AudienceSql audience;
  @Autowired SegmentFixtures fixtures;
  @Autowired ConsentLedger ledger;
  @Autowired ContactDirectory contacts;
  @Autowired ContactImports imports;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void emptyDatabase() {
    fixtures.emptyDatabase();
  }

  /** Contacts whose consent for promotions went every way it can, named after how it ended. */
  private void awkwardHistories() {
    Instant t = fixtures.daysAgo(30);
    fixtures.optIn(fixtures.contact("opted-in"), t, "promotions");
    ContactView optedOut = fixtures.contact("opted-out");
    fixtures.optIn(optedOut, t, "promotions");
    fixtures.optOut(optedOut, t.plusSeconds(60), "promotions");
    ContactView suppressed = fixtures.contact("suppressed");
    fixtures.optIn(suppressed, t, "promotions");
    fixtures.suppress(suppressed);
    fixtures.contact("never-opted-in");
    fixtures.optIn(fixtures.contact("other-topic"), t, "alerts");
    ContactView resubscribed = fixtures.contact("resubscribed");
    fixtures.optIn(resubscribed, t, "promotions");
    fixtures.optOut(resubscribed, t.plusSeconds(60));
    ledger.resubscribe(resubscribed.id(), resubscribed.phone(), ConsentLedger.DEFAULT_BRAND, "START", null,
        t.plusSeconds(120));
    ContactView stopAll = fixtures.contact("stop-all");
    fixtures.optIn(stopAll, t, "promotions", "alerts");
    fixtures.optOut(stopAll, t.plusSeconds(60));
    ContactView optInAfterStopAll = fixtures.contact("opt-in-after-stop-all");
    fixtures.optOut(optInAfterStopAll, t);
    fixtures.optIn(optInAfterStopAll, t.plusSeconds(60), "promotions");
    ContactView lifted = fixtures.contact("suppression-lifted");
    fixtures.optIn(lifted, t, "promotions");
    fixtures.suppress(lifted);
    fixtures.lift(lifted);
    ContactView sameInstant = fixtures.contact("opt-out-at-the-same-instant");
    fixtures.optIn(sameInstant, t, "promotions");
    fixtures.optOut(sameInstant, t, "promotions");
    ContactView backdated = fixtures.contact("backdated-opt-in");
    fixtures.optOut(backdated, t, "promotions");
    fixtures.optIn(backdated, t.minusSeconds(3600), "promotions");
    ContactView otherTopicOut = fixtures.contact("opted-out-of-another-topic");
    fixtures.optIn(otherTopicOut, t, "promotions", "alerts");
    fixtures.optOut(otherTopicOut, t.plusSeconds(60), "alerts");
    ContactView suppressedNeverIn = fixtures.contact("suppressed-never-opted-in");
    fixtures.suppress(suppressedNeverIn);
  }

  @Test
  void keepsOnlyContactsWithACurrentOptInForTheTopicAndNoSuppression() throws Exception {
    awkwardHistories();

    AudiencePage page = segments.members(create(EVERYONE), "promotions", null, 100);

    assertThat(page.members()).extracting(fixtures::name).containsExactly("opted-in", "resubscribed",
        "opt-in-after-stop-all", "suppression-lifted", "opted-out-of-another-topic");
    assertThat(page.last()).isTrue();
  }

  @Test
  void countsWhoIsExcludedAndWhy() throws Exception {
    awkwardHistories();

    AudiencePreview preview = segments.preview(create(EVERYONE), "promotions", 3);

    assertThat(preview.matching()).isEqualTo(13);
    assertThat(preview.eligible()).isEqualTo(5);
    assertThat(preview.excluded()).isEqualTo(new AudiencePreview.Excluded(2, 4, 2));
    assertThat(preview.sample()).extracting(member -> fixtures.name(member.id()))
        .containsExactly("opted-in", "resubscribed", "opt-in-after-stop-all");
    assertThat(preview.sample()).extracting(AudiencePreview.Member::maskedPhone)
        .allSatisfy(phone -> assertThat(phone).matches("\\+1\\d{4}\\*{4}\\d{2}"));

    AudiencePreview alerts = segments.preview(create("{\"topic\": \"alerts\"}"), "alerts", 3);
    assertThat(alerts.matching()).isZero();
    assertThat(alerts.sample()).isEmpty();
  }

  @Test
  void appliesConsentOnTopOfTheRule() throws Exception {
    ContactView lead = fixtures.contact("lead", "lead", null, null, Map.of());
    ContactView leadOut = fixtures.contact("lead-opted-out", "lead", null, null, Map.of());
    fixtures.contact("customer", "customer", null, null, Map.of());
    fixtures.optIn(lead, fixtures.daysAgo(1), "promotions");
    fixtures.optIn(leadOut, fixtures.daysAgo(1), "promotions");
    fixtures.optOut(leadOut, fixtures.now().minusSeconds(10));

    SegmentId leads = create("{\"field\": \"lifecycleStage\", \"op\": \"eq\", \"value\": \"lead\"}");
    AudiencePreview preview = segments.preview(leads, "promotions", 10);

    assertThat(preview.matching()).isEqualTo(2);
    assertThat(preview.eligible()).isEqualTo(1);
    assertThat(preview.excluded()).isEqualTo(new AudiencePreview.Excluded(0, 1, 0));
    assertThat(segments.members(leads, "promotions", null, 10).members()).extracting(fixtures::name)
        .containsExactly("lead");
  }

  @Test
  void decidesEveryContactAsConsentLedgerPermitsDoes() throws Exception {
    try (InputStream csv = getClass().getResourceAsStream("/fixtures/contacts-awkward.csv")) {
      imports.importNow(csv);
    }
    awkwardHistories();
    List<ContactView> imported = jdbc.queryForList("select phone from contact", String.class).stream()
        .map(phone -> contacts.findByPhone(phone).orElseThrow()).toList();
    ContactView first = imported.getFirst();
    fixtures.optOut(first, fixtures.daysAgo(1), "order-updates");
    fixtures.optIn(first, fixtures.daysAgo(1), "alerts");
    fixtures.suppress(imported.get(3));

    for (String topic : List.of("promotions", "order-updates", "alerts", "news")) {
      Rule everyone = segments.parse(JSON.readTree(EVERYONE), fixtures.now());
      Map<Long, Verdict> sql = audience.verdicts(everyone, topic, 0, 10_000);
      Map<Long, Verdict> ledgerSays = new LinkedHashMap<>();
      for (ContactView contact : imported) {
        ConsentPermit permit = ledger.permits(contact, topic);
        ledgerSays.put(contact.id().value(), permit.allowed() ? Verdict.ALLOWED : Verdict.valueOf(permit.reason()));
      }
      assertThat(sql).as(topic).containsExactlyInAnyOrderEntriesOf(ledgerSays);
      assertThat(Set.copyOf(sql.values())).as(topic + " covers more than one verdict").hasSizeGreaterThan(1);
    }
  }

  private SegmentId create(String rule) throws Exception {
    return segments.create(new NewSegment("segment " + System.nanoTime(), null, JSON.readTree(rule))).id();
  }
}
