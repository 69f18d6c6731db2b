package io.waymark.platform.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One delivery receipt as the provider reported it (or reconciliation learned it), kept for the audit trail. */
@Entity
@Immutable
@Table(name = "delivery_receipt")
class DeliveryReceipt {

  /**
   * Where a receipt came from: the provider's callback; reconciliation asking the provider (LOOKUP); or
   * reconciliation concluding UNKNOWN with no provider to ask (TIMEOUT).
   */
  enum Source { CALLBACK, LOOKUP, TIMEOUT }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String provider;

  @Column(nullable = false)
  private String providerMessageId;

  @Column(nullable = false)
  private String status;

  private String errorCode;

  /** Null for an orphan: a receipt for a message id the ledger does not (yet) know. */
  private Long outboundMessageId;

  @Column(nullable = false)
  private String source;

  @Column(nullable = false)
  private Instant receivedAt;

  protected DeliveryReceipt() {
  }

  DeliveryReceipt(String provider, String providerMessageId, String status, String errorCode, Long outboundMessageId,
      Source source, Instant receivedAt) {
    this.provider = provider;
    this.providerMessageId = providerMessageId;
    this.status = status;
    this.errorCode = errorCode;
    this.outboundMessageId = outboundMessageId;
    this.source = source.name();
    this.receivedAt = receivedAt;
  }

  String status() {
    return status;
  }

  String errorCode() {
    return errorCode;
  }

  Long outboundMessageId() {
    return outboundMessageId;
  }
}
