package io.waymark.platform.consent;

import io.waymark.platform.consent.ConsentRecord.Kind;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.support.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records consent evidence and answers whether a contact has opted in to a topic. */
@Service
public class ConsentLedger {

  /** How an opt-in was captured. */
  public static final Set<String> CHANNELS = Set.of("web-form", "checkout", "keyword", "agent", "import", "api");

  private static final Pattern TOPIC = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final ConsentRecordRepository records;
  private final Clock clock;

  ConsentLedger(ConsentRecordRepository records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  /**
   * Appends one opt-in line per topic. Joins the caller's transaction. Fails with an {@link InvalidInputException}
   * naming the field ({@code topics}, {@code channel}, {@code text}, {@code occurredAt}) before writing anything.
   */
  @Transactional
  public void recordOptIn(OptIn optIn) {
    Set<String> topics = validate(optIn);
    Instant now = clock.instant();
    for (String topic : topics) {
      records.save(new ConsentRecord(optIn.contactId().value(), optIn.phone(), Kind.OPT_IN, topic, optIn.channel(),
          optIn.disclosureText().strip(), optIn.sourceRef(), optIn.occurredAt(), now));
    }
  }

  /** Whether the latest ledger line for this contact and topic is an opt-in. */
  @Transactional(readOnly = true)
  public boolean hasOptIn(ContactId contact, String topic) {
    return records.findFirstByContactIdAndTopicOrderByOccurredAtDescIdDesc(contact.value(), topic)
        .map(record -> record.kind() == Kind.OPT_IN)
        .orElse(false);
  }

  /** Whether a line with this source reference exists for the contact (makes repeated imports idempotent). */
  @Transactional(readOnly = true)
  public boolean hasRecord(ContactId contact, String sourceRef) {
    return records.existsByContactIdAndSourceRef(contact.value(), sourceRef);
  }

  @Transactional(readOnly = true)
  public long countRecords(ContactId contact) {
    return records.countByContactId(contact.value());
  }

  private Set<String> validate(OptIn optIn) {
    if (optIn.topics() == null || optIn.topics().isEmpty()) {
      throw new InvalidInputException("topics", "at least one topic is required");
    }
    Set<String> topics = new LinkedHashSet<>();
    for (String topic : optIn.topics()) {
      if (topic == null || !TOPIC.matcher(topic).matches()) {
        throw new InvalidInputException("topics", "'" + topic + "' is not a topic (lower-case letters, digits, '-')");
      }
      topics.add(topic);
    }
    if (optIn.channel() == null || !CHANNELS.contains(optIn.channel())) {
      throw new InvalidInputException("channel", "'" + optIn.channel() + "' is not one of " + CHANNELS);
    }
    if (optIn.disclosureText() == null || optIn.disclosureText().isBlank()) {
      throw new InvalidInputException("text", "the disclosure text the contact agreed to is required");
    }
    if (optIn.disclosureText().length() > 2000) {
      throw new InvalidInputException("text", "is longer than 2000 characters");
    }
    if (optIn.occurredAt() == null) {
      throw new InvalidInputException("occurredAt", "is missing");
    }
    if (optIn.occurredAt().isAfter(clock.instant().plus(CLOCK_SKEW))) {
      throw new InvalidInputException("occurredAt", "lies in the future");
    }
    return topics;
  }
}
