package io.waymark.platform.consent;

import io.waymark.platform.consent.ConsentRecord.Kind;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.support.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consent ledger: append-only lines of opt-ins and revocations with their evidence; the current state per
 * contact and topic is the latest line for the topic or for every topic ({@code *}). Joins the caller's transaction.
 */
@Service
public class ConsentLedger {

  public static final String DEFAULT_BRAND = "default";

  private final ConsentRecordRepository records;
  private final SuppressionList suppressions;
  private final ConsentValidation validation;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ConsentLedger(ConsentRecordRepository records, SuppressionList suppressions, ApplicationEventPublisher events,
      Clock clock) {
    this.records = records;
    this.suppressions = suppressions;
    this.validation = new ConsentValidation(clock);
    this.events = events;
    this.clock = clock;
  }

  /**
   * Appends one opt-in line per topic. Fails with an {@link InvalidInputException} naming the field ({@code topics},
   * {@code channel}, {@code text}, {@code occurredAt}, {@code brand}) before writing anything.
   */
  @Transactional
  public void recordOptIn(OptIn optIn) {
    Set<String> topics = validation.optIn(optIn);
    Instant now = clock.instant();
    for (String topic : topics) {
      records.save(ConsentRecord.optIn(optIn, topic, now));
    }
  }

  /**
   * Appends the revocation (one line per topic, or one line for every topic) and announces {@link ContactOptedOut},
   * so that every running journey of the contact stops. Returns the id of the (first) line.
   */
  @Transactional
  public long recordRevocation(Revocation revocation) {
    Set<String> topics = validation.revocation(revocation);
    Instant now = clock.instant();
    Long first = null;
    for (String topic : topics.isEmpty() ? Set.of(ConsentRecord.ALL_TOPICS) : topics) {
      ConsentRecord saved = records.save(ConsentRecord.optOut(revocation, topic, now));
      first = first == null ? saved.id() : first;
    }
    events.publishEvent(new ContactOptedOut(revocation.contactId(), first, topics.isEmpty()));
    return first;
  }

  /**
   * START after STOP: opts the contact in again to every topic it held before its latest revocation, with this
   * message as evidence. Returns the topics restored (empty when there was nothing to restore).
   */
  @Transactional
  public Set<String> resubscribe(ContactId contact, String phone, String brand, String rawText, String sourceRef,
      Instant receivedAt) {
    Set<String> restored = new LinkedHashSet<>();
    for (ConsentRecord record : records.findByContactIdOrderByOccurredAtAscIdAsc(contact.value())) {
      if (record.kind() == Kind.OPT_IN) {
        restored.add(record.topic());
      }
    }
    restored.removeIf(topic -> hasOptIn(contact, topic));
    if (!restored.isEmpty()) {
      recordOptIn(new OptIn(contact, phone, brand, List.copyOf(restored), "keyword", rawText, null,
          ConsentSource.NONE, sourceRef, receivedAt));
    }
    return restored;
  }

  /** Whether the latest line for this topic (or for every topic) is an opt-in. */
  @Transactional(readOnly = true)
  public boolean hasOptIn(ContactId contact, String topic) {
    return records.findFirstByContactIdAndTopicInOrderByOccurredAtDescIdDesc(contact.value(),
            List.of(topic, ConsentRecord.ALL_TOPICS))
        .map(record -> record.kind() == Kind.OPT_IN)
        .orElse(false);
  }

  /** Whether consent allows messages on this topic to the contact now: suppression first, then the ledger. */
  @Transactional(readOnly = true)
  public ConsentPermit permits(ContactView contact, String topic) {
    if (suppressions.active(contact.phone()).isPresent()) {
      return ConsentPermit.refused("SUPPRESSED");
    }
    return records.findFirstByContactIdAndTopicInOrderByOccurredAtDescIdDesc(contact.id().value(),
            List.of(topic, ConsentRecord.ALL_TOPICS))
        .map(record -> record.kind() == Kind.OPT_IN ? ConsentPermit.allowedBy(record.id())
            : ConsentPermit.refusedBy("OPTED_OUT", record.id()))
        .orElse(ConsentPermit.refused("NO_CONSENT"));
  }

  /** One ledger line with its evidence, e.g. the opt-in a message relied on. */
  @Transactional(readOnly = true)
  public Optional<ConsentEntry> entry(long recordId) {
    return records.findById(recordId).map(ConsentRecord::toEntry);
  }

  /** Whether a line with this source reference exists for the contact (makes repeated imports idempotent). */
  @Transactional(readOnly = true)
  public boolean hasRecord(ContactId contact, String sourceRef) {
    return records.existsByContactIdAndSourceRef(contact.value(), sourceRef);
  }

  /** The contact's current state per topic and its whole history, oldest first, with the suppression entries. */
  @Transactional(readOnly = true)
  public ConsentState state(ContactView contact) {
    List<ConsentEntry> history = records.findByContactIdOrderByOccurredAtAscIdAsc(contact.id().value()).stream()
        .map(ConsentRecord::toEntry).toList();
    Map<String, ConsentState.TopicState> topics = new LinkedHashMap<>();
    for (ConsentEntry entry : history) {
      if (entry.topic().equals(ConsentRecord.ALL_TOPICS)) {
        topics.replaceAll((topic, state) -> new ConsentState.TopicState("OPTED_OUT", entry.occurredAt(), entry.id()));
      } else {
        topics.put(entry.topic(), new ConsentState.TopicState(
            entry.kind().equals("OPT_IN") ? "OPTED_IN" : "OPTED_OUT", entry.occurredAt(), entry.id()));
      }
    }
    return new ConsentState(contact.id().value(), contact.phone(), topics,
        suppressions.active(contact.phone()).isPresent(), suppressions.history(contact.phone()), history);
  }

  @Transactional(readOnly = true)
  public long countRecords(ContactId contact) {
    return records.countByContactId(contact.value());
  }
}
