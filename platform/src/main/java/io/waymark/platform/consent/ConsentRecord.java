package io.waymark.platform.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One line of the ledger. Never updated: {@link Immutable} makes Hibernate refuse. */
@Entity
@Immutable
@Table(name = "consent_record")
class ConsentRecord {

  enum Kind { OPT_IN, OPT_OUT }

  /** The topic of a revocation that covers every topic. */
  static final String ALL_TOPICS = "*";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private long contactId;

  @Column(nullable = false)
  private String phone;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  @Column(nullable = false)
  private String topic;

  @Column(nullable = false)
  private String brand;

  @Column(nullable = false)
  private String channel;

  private String disclosureText;
  private String disclosureVersion;
  private String sourceUrl;
  private String sourceIp;
  private String userAgent;
  private String keywordMessageId;
  private String agentId;
  private String sourceRef;
  private String rawText;
  private Instant receivedAt;
  private String confirmationText;

  @Column(nullable = false)
  private Instant occurredAt;

  @Column(nullable = false)
  private Instant recordedAt;

  protected ConsentRecord() {
  }

  static ConsentRecord optIn(OptIn optIn, String topic, Instant now) {
    ConsentRecord record = new ConsentRecord();
    record.contactId = optIn.contactId().value();
    record.phone = optIn.phone();
    record.kind = Kind.OPT_IN;
    record.topic = topic;
    record.brand = optIn.brand();
    record.channel = optIn.channel();
    record.disclosureText = optIn.disclosureText().strip();
    record.disclosureVersion = optIn.disclosureVersion();
    ConsentSource source = optIn.source() == null ? ConsentSource.NONE : optIn.source();
    record.sourceUrl = source.url();
    record.sourceIp = source.ip();
    record.userAgent = source.userAgent();
    record.keywordMessageId = source.keywordMessageId();
    record.agentId = source.agentId();
    record.sourceRef = optIn.sourceRef();
    record.occurredAt = optIn.occurredAt();
    record.recordedAt = now;
    return record;
  }

  static ConsentRecord optOut(Revocation revocation, String topic, Instant now) {
    ConsentRecord record = new ConsentRecord();
    record.contactId = revocation.contactId().value();
    record.phone = revocation.phone();
    record.kind = Kind.OPT_OUT;
    record.topic = topic;
    record.brand = revocation.brand();
    record.channel = revocation.channel();
    record.rawText = revocation.rawText();
    record.sourceRef = revocation.sourceRef();
    record.receivedAt = revocation.receivedAt();
    record.occurredAt = revocation.receivedAt();
    record.confirmationText = revocation.confirmationText();
    record.recordedAt = now;
    return record;
  }

  Long id() {
    return id;
  }

  Kind kind() {
    return kind;
  }

  String topic() {
    return topic;
  }

  Instant occurredAt() {
    return occurredAt;
  }

  ConsentEntry toEntry() {
    return new ConsentEntry(id, kind.name(), topic, brand, channel, disclosureText, disclosureVersion,
        new ConsentSource(sourceUrl, sourceIp, userAgent, keywordMessageId, agentId), sourceRef, rawText,
        occurredAt, receivedAt, recordedAt, confirmationText);
  }
}
