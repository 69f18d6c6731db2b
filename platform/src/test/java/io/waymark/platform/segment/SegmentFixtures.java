package io.waymark.platform.segment;

import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.consent.OptIn;
import io.waymark.platform.consent.Revocation;
import io.waymark.platform.consent.SuppressionList;
import io.waymark.platform.contact.ContactDetails;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.journey.JourneyCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Builds contacts and their history for segment tests: contacts, consent and suppression through the owning modules'
 * facades (so the stored formats are the real ones), inbound and outbound messages and journey runs as rows.
 * Tests {@code @Import} it.
 */
class SegmentFixtures {

  private static final List<String> TABLES = List.of("link_click", "contact", "consent_record", "suppression_entry",
      "inbound_message", "outbound_message", "journey_run", "journey_message", "journey_definition", "segment");
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final ContactDirectory contacts;
  private final ConsentLedger ledger;
  private final SuppressionList suppressions;
  private final JourneyCatalog journeys;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Map<Long, String> names = new LinkedHashMap<>();

  SegmentFixtures(ContactDirectory contacts, ConsentLedger ledger, SuppressionList suppressions,
      JourneyCatalog journeys, JdbcTemplate jdbc, Clock clock) {
    this.contacts = contacts;
    this.ledger = ledger;
    this.suppressions = suppressions;
    this.journeys = journeys;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void emptyDatabase() {
    TABLES.forEach(table -> jdbc.update("delete from " + table));
    names.clear();
  }

  Instant now() {
    return clock.instant();
  }

  Instant daysAgo(double days) {
    return now().minus(Duration.ofMinutes(Math.round(days * 24 * 60)));
  }

  /** A contact created long ago (400 days), named for the test's assertions. */
  ContactView contact(String name, String stage, String region, List<String> topics, Map<String, String> attributes) {
    String phone = "+1415555" + String.format("%04d", SEQUENCE.incrementAndGet() % 10_000);
    ContactView contact = contacts.upsert(new ContactDetails(phone, null, name, null, null, null, region, null,
        stage, null, topics, attributes));
    names.put(contact.id().value(), name);
    createdAt(contact, daysAgo(400));
    return contact;
  }

  ContactView contact(String name) {
    return contact(name, null, null, null, Map.of());
  }

  void createdAt(ContactView contact, Instant at) {
    jdbc.update("update contact set created_at = ? where id = ?", utc(at), contact.id().value());
  }

  /** The names of these contact ids, in their order. */
  List<String> names(Iterable<Long> ids) {
    List<String> found = new ArrayList<>();
    ids.forEach(id -> found.add(names.getOrDefault(id, "#" + id)));
    return found;
  }

  String name(ContactId id) {
    return names.getOrDefault(id.value(), "#" + id);
  }

  void optIn(ContactView contact, Instant at, String... topics) {
    ledger.recordOptIn(new OptIn(contact.id(), contact.phone(), List.of(topics), "web-form", "Yes, text me.",
        null, at));
  }

  /** A revocation of these topics, or of every topic when none are given. */
  void optOut(ContactView contact, Instant at, String... topics) {
    ledger.recordRevocation(new Revocation(contact.id(), contact.phone(), ConsentLedger.DEFAULT_BRAND,
        List.of(topics), "sms", "STOP", at, null, null));
  }

  void suppress(ContactView contact) {
    suppressions.suppress(contact.phone(), "complaint", "test");
  }

  void lift(ContactView contact) {
    suppressions.lift(contact.phone(), "resolved");
  }

  void inbound(ContactView contact, Instant at, String replyClass) {
    jdbc.update("insert into inbound_message (provider, provider_message_id, from_phone, body, contact_id, "
            + "received_at, reply_class) values ('sandbox', ?, ?, 'hello', ?, ?, ?)",
        "in-" + SEQUENCE.incrementAndGet(), contact.phone(), contact.id().value(), utc(at), replyClass);
  }

  /** A conversion event for the contact (as EventIntake records {@code order.completed}). */
  void conversion(ContactView contact, Instant at) {
    jdbc.update("insert into journey_message (event_id, event_type, message_name, contact_id, correlation_keys, "
            + "variables, time_to_live, received_at) values (?, 'order.completed', 'conversion', ?, '[]', '{}', 0, ?)",
        "order-" + SEQUENCE.incrementAndGet(), contact.id().value(), utc(at));
  }

  /** A visit of one of the contact's short links ({@code CLICK} or {@code PREVIEW}), as the link module records it. */
  void click(ContactView contact, Instant at, String kind) {
    jdbc.update("insert into link_click (link_id, code, contact_id, kind, user_agent, clicked_at) "
        + "values (0, ?, ?, ?, 'test', ?)", "c" + SEQUENCE.incrementAndGet(), contact.id().value(), kind, utc(at));
  }

  /** An outbound SMS on the topic; {@code sentAt} null for one never accepted by a provider. */
  void outbound(ContactView contact, Instant createdAt, Instant sentAt, String topic, String status) {
    jdbc.update("insert into outbound_message (idempotency_key, contact_id, phone, body, topic, message_class, status,"
            + " created_at, sent_at) values (?, ?, ?, 'Hi', ?, 'PROMOTIONAL', ?, ?, ?)",
        "out-" + SEQUENCE.incrementAndGet(), contact.id().value(), contact.phone(), topic, status, utc(createdAt),
        sentAt == null ? null : utc(sentAt));
  }

  void deployed(String processId) {
    long key = SEQUENCE.incrementAndGet();
    journeys.recordDeployment(new JourneyCatalog.Deployed(processId, processId, 1, key, processId + ".bpmn"));
  }

  /** A run of the journey: requested at {@code startedAt} (or now), started then (if not null), ended (if not null). */
  void run(ContactView contact, String processId, Instant startedAt, Instant endedAt, String outcome) {
    String status = endedAt != null ? "ENDED" : startedAt != null ? "RUNNING" : "REQUESTED";
    jdbc.update("insert into journey_run (event_id, event_type, process_id, contact_id, status, variables, "
            + "requested_at, started_at, ended_at, outcome) values (?, 'test', ?, ?, ?, '{}', ?, ?, ?, ?)",
        "ev-" + SEQUENCE.incrementAndGet(), processId, contact.id().value(), status,
        utc(startedAt == null ? now() : startedAt), startedAt == null ? null : utc(startedAt),
        endedAt == null ? null : utc(endedAt), outcome);
  }

  /**
   * {@code count} contacts written as rows (for volume), each with an opt-in to {@code topic} unless it is null;
   * returns their ids, ascending.
   */
  List<Long> bulkContacts(int count, String topic) {
    LocalDateTime created = utc(daysAgo(400));
    List<String> phones = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      phones.add("+1999" + String.format("%07d", SEQUENCE.incrementAndGet() % 10_000_000));
    }
    jdbc.batchUpdate("insert into contact (phone, attributes, created_at, updated_at, version) "
        + "values (?, '{}', ?, ?, 0)", phones, 500, (ps, phone) -> {
          ps.setString(1, phone);
          ps.setObject(2, created);
          ps.setObject(3, created);
        });
    List<Long> ids = new ArrayList<>();
    for (String phone : phones) {
      ids.add(jdbc.queryForObject("select id from contact where phone = ?", Long.class, phone));
    }
    if (topic != null) {
      jdbc.batchUpdate("insert into consent_record (contact_id, phone, kind, topic, channel, disclosure_text, "
              + "occurred_at, recorded_at) values (?, ?, 'OPT_IN', ?, 'import', 'Yes', ?, ?)",
          IntStream.range(0, count).boxed().toList(), 500, (ps, i) -> {
            ps.setLong(1, ids.get(i));
            ps.setString(2, phones.get(i));
            ps.setString(3, topic);
            ps.setObject(4, created);
            ps.setObject(5, created);
          });
    }
    return ids.stream().sorted().toList();
  }

  /** An opt-out of every topic for the contact, written as a ledger row now. */
  void optOutRow(long contactId) {
    LocalDateTime at = utc(now());
    jdbc.update("insert into consent_record (contact_id, phone, kind, topic, channel, occurred_at, recorded_at) "
        + "select id, phone, 'OPT_OUT', '*', 'sms', ?, ? from contact where id = ?", at, at, contactId);
  }

  private static LocalDateTime utc(Instant at) {
    return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
