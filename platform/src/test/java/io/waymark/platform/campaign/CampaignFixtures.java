package io.waymark.platform.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.consent.OptIn;
import io.waymark.platform.consent.Revocation;
import io.waymark.platform.consent.SuppressionList;
import io.waymark.platform.contact.ContactDetails;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.segment.NewSegment;
import io.waymark.platform.segment.SegmentId;
import io.waymark.platform.segment.Segments;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Contacts, consent and segments for campaign tests, through the owning modules' facades. Every test gets its own
 * cohort (a contact attribute) and a segment of exactly that cohort, so tests sharing a database never meet.
 */
class CampaignFixtures {

  /** The bundled approved promotional SMS template the tests send. */
  static final String TEMPLATE = "lead-follow-up.first-text";
  private static final AtomicLong PHONES = new AtomicLong(ThreadLocalRandom.current().nextLong(10_000));

  private final ContactDirectory contacts;
  private final ConsentLedger consent;
  private final SuppressionList suppressions;
  private final Segments segments;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  CampaignFixtures(ContactDirectory contacts, ConsentLedger consent, SuppressionList suppressions, Segments segments,
      JdbcTemplate jdbc, Clock clock) {
    this.contacts = contacts;
    this.consent = consent;
    this.suppressions = suppressions;
    this.segments = segments;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A cohort of {@code members} contacts opted in to {@code topic}, and the segment holding exactly them. */
  Cohort cohort(int members, String topic) {
    String cohort = UUID.randomUUID().toString();
    List<ContactView> contacts = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      contacts.add(member(cohort, "Member" + i, topic));
    }
    SegmentId segment = segments.create(new NewSegment("cohort " + cohort, null,
        json.valueToTree(Map.of("attribute", "cohort", "op", "eq", "value", cohort)))).id();
    return new Cohort(cohort, segment, contacts);
  }

  /** A contact of the cohort, opted in to {@code topic} (none: no consent at all). */
  ContactView member(String cohort, String firstName, String topic) {
    String phone = "+1415555" + String.format("%04d", PHONES.incrementAndGet() % 10_000);
    ContactView contact = contacts.upsert(new ContactDetails(phone, null, firstName, null, null, null, "US-CA", null,
        Map.of("cohort", cohort)));
    if (topic != null) {
      consent.recordOptIn(new OptIn(contact.id(), contact.phone(), List.of(topic), "web-form", "Yes, text me.", null,
          clock.instant().minus(Duration.ofDays(1))));
    }
    return contact;
  }

  void optOut(ContactView contact) {
    consent.recordRevocation(new Revocation(contact.id(), contact.phone(), ConsentLedger.DEFAULT_BRAND, List.of(),
        "sms", "STOP", clock.instant(), null, null));
  }

  void suppress(ContactView contact) {
    suppressions.suppress(contact.phone(), "complaint", "test");
  }

  /** The snapshot's rows of a run: contact id to batch number. */
  Map<Long, Integer> snapshot(CampaignRunId run) {
    Map<Long, Integer> rows = new java.util.LinkedHashMap<>();
    jdbc.query("select contact_id, batch_number from campaign_audience where run_id = ? order by contact_id",
        rs -> {
          rows.put(rs.getLong(1), rs.getInt(2));
        }, run.value());
    return rows;
  }

  /** The outbound SMS sent to a contact (status SENT or later), any key. */
  int smsTo(ContactView contact) {
    return jdbc.queryForObject("select count(*) from outbound_message where contact_id = ? and status <> 'SUPPRESSED'"
        + " and status <> 'FAILED'", Integer.class, contact.id().value());
  }

  JdbcTemplate jdbc() {
    return jdbc;
  }

  /** A test's contacts and their segment. */
  record Cohort(String name, SegmentId segment, List<ContactView> members) {

    ContactView member(int index) {
      return members.get(index);
    }

    List<Long> ids() {
      return members.stream().map(ContactView::id).map(ContactId::value).sorted().toList();
    }
  }
}
