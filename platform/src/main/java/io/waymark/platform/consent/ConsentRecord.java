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
  private String channel;

  private String disclosureText;
  private String sourceRef;

  @Column(nullable = false)
  private Instant occurredAt;

  @Column(nullable = false)
  private Instant recordedAt;

  protected ConsentRecord() {
  }

  ConsentRecord(long contactId, String phone, Kind kind, String topic, String channel, String disclosureText,
      String sourceRef, Instant occurredAt, Instant recordedAt) {
    this.contactId = contactId;
    this.phone = phone;
    this.kind = kind;
    this.topic = topic;
    this.channel = channel;
    this.disclosureText = disclosureText;
    this.sourceRef = sourceRef;
    this.occurredAt = occurredAt;
    this.recordedAt = recordedAt;
  }

  Kind kind() {
    return kind;
  }
}
