package io.waymark.platform.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import io.waymark.platform.contact.PhoneNumbers;
import io.waymark.platform.policy.SendDecision;
import java.time.Instant;
import java.util.Map;

/** A line of the outbound ledger: one per idempotency key, written before the provider is called. */
@Entity
@Table(name = "outbound_message")
class OutboundMessage {

  /**
   * Status only moves forward: QUEUED, then SENT, SUPPRESSED or FAILED (a final provider refusal: never accepted);
   * a SENT message then takes its delivery receipt (DELIVERED, UNDELIVERED, FAILED), or UNKNOWN when none came in
   * time and the provider could not tell (a late receipt still moves UNKNOWN on).
   */
  enum Status { QUEUED, SENT, SUPPRESSED, DELIVERED, UNDELIVERED, FAILED, UNKNOWN }

  /** Statuses of a message a provider accepted. */
  static final java.util.Set<Status> SENT_OR_LATER = java.util.EnumSet.of(Status.SENT, Status.DELIVERED,
      Status.UNDELIVERED, Status.UNKNOWN);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String idempotencyKey;

  @Column(nullable = false)
  private long contactId;

  @Column(nullable = false)
  private String phone;

  @Column(nullable = false)
  private String body;

  @Column(nullable = false)
  private String topic;

  @Column(nullable = false)
  private String messageClass;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  private String provider;
  private String providerMessageId;
  private String failureReason;
  private Long processInstanceKey;
  private String elementId;

  @Column(nullable = false)
  private Instant createdAt;

  private Instant sentAt;
  private String errorCode;
  private Instant receiptAt;

  // what the message rested on (see Evidence)
  private String templateKey;
  private Integer templateVersion;
  private String brand;
  private Long consentRecordId;
  private String policyVerdict;
  private String policyReason;
  private Instant decidedAt;

  /** JSON object answer key -> reply class, when the message asks a question. */
  private String answers;

  /** When the latest attempt to send this QUEUED message began (its claim). */
  private Instant attemptStartedAt;

  /** The SMS segments the body is billed as (GSM-7 / UCS-2), for analytics' cost; null on rows from before V18. */
  private Integer segments;

  @Version
  private long version;

  protected OutboundMessage() {
  }

  OutboundMessage(SmsRequest request, String phone, Instant now) {
    this.idempotencyKey = request.idempotencyKey();
    this.contactId = request.contactId().value();
    this.phone = phone;
    this.body = request.body();
    this.topic = request.topic();
    this.messageClass = request.messageClass();
    this.processInstanceKey = request.processInstanceKey();
    this.elementId = request.elementId();
    this.status = Status.QUEUED;
    this.createdAt = now;
    this.attemptStartedAt = now;
    this.templateKey = request.templateKey();
    this.templateVersion = request.templateVersion();
    this.brand = request.brand();
    this.answers = PromptAnswers.write(request.answers());
    this.segments = io.waymark.platform.template.SmsEncoding.analyze(request.body()).segments();
  }

  /** Whether another attempt may still be sending this message: QUEUED, and its attempt began within {@code lease}. */
  boolean inFlight(Instant now, java.time.Duration lease) {
    return status == Status.QUEUED && attemptStartedAt != null && attemptStartedAt.isAfter(now.minus(lease));
  }

  /** The attempt ended without sending (every provider failed, or the answer is unconfirmed): the next may go on. */
  void releaseAttempt() {
    this.attemptStartedAt = null;
  }

  /** This attempt takes the message over (the version check makes sure only one attempt does). */
  void startAttempt(Instant now) {
    this.attemptStartedAt = now;
  }

  Map<String, String> answers() {
    return PromptAnswers.read(answers);
  }

  /** The policy's verdict at the moment of sending and the consent ledger line it rested on. */
  OutboundMessage decided(SendDecision decision, Instant now) {
    this.policyVerdict = decision.verdict().name();
    this.policyReason = decision.reason();
    this.consentRecordId = decision.consentRecordId();
    this.decidedAt = now;
    return this;
  }

  Evidence evidence() {
    return new Evidence(id, contactId, PhoneNumbers.mask(phone), body, topic, messageClass, status.name(), provider,
        createdAt, sentAt, failureReason, processInstanceKey, elementId, templateKey, templateVersion, brand,
        consentRecordId, policyVerdict, policyReason, decidedAt);
  }

  /** A message with what it rested on, for "why is this person getting this message?". */
  record Evidence(long id, long contactId, String phone, String body, String topic, String messageClass,
      String status, String provider, Instant createdAt, Instant sentAt, String failureReason,
      Long processInstanceKey, String elementId, String templateKey, Integer templateVersion, String brand,
      Long consentRecordId, String policyVerdict, String policyReason, Instant decidedAt) {
  }

  void markSent(String provider, String providerMessageId, Instant now) {
    if (providerMessageId.equals(this.providerMessageId) && provider.equals(this.provider)) {
      return; // a concurrent attempt with the same key found the same acceptance and recorded it first
    }
    if (status != Status.QUEUED) {
      throw new IllegalStateException("message " + id + " is " + status + ", cannot become SENT");
    }
    this.status = Status.SENT;
    this.provider = provider;
    this.providerMessageId = providerMessageId;
    this.sentAt = now;
  }

  void markSuppressed(String reason) {
    if (status != Status.QUEUED) {
      throw new IllegalStateException("message " + id + " is " + status + ", cannot become SUPPRESSED");
    }
    this.status = Status.SUPPRESSED;
    this.failureReason = reason;
  }

  void markFailed(String provider, String reason) {
    if (status != Status.QUEUED) {
      throw new IllegalStateException("message " + id + " is " + status + ", cannot become FAILED");
    }
    this.status = Status.FAILED;
    this.provider = provider;
    this.failureReason = truncate(reason);
  }

  /**
   * An attempt at {@code provider} ended without an answer: the message stays QUEUED but remembers the provider, so
   * the next attempt asks it first and never resends elsewhere before it has answered.
   */
  void markUnconfirmed(String provider, String reason) {
    if (status != Status.QUEUED) {
      throw new IllegalStateException("message " + id + " is " + status + ", cannot be unconfirmed");
    }
    this.provider = provider;
    this.failureReason = truncate(reason);
    this.attemptStartedAt = null;
  }

  /**
   * Takes a delivery status reported by the provider (or concluded by reconciliation) when it moves this message
   * forward: SENT, then UNKNOWN, then one of DELIVERED, UNDELIVERED, FAILED. Returns whether anything changed.
   */
  boolean applyReceipt(Status reported, String errorCode, Instant at) {
    if (deliveryRank(status) == 0 || deliveryRank(reported) <= deliveryRank(status)) {
      return false;
    }
    this.status = reported;
    this.errorCode = errorCode;
    this.receiptAt = at;
    return true;
  }

  /** 0: takes no receipt (QUEUED, SUPPRESSED); then SENT, UNKNOWN, and the final statuses. */
  private static int deliveryRank(Status status) {
    return switch (status) {
      case QUEUED, SUPPRESSED -> 0;
      case SENT -> 1;
      case UNKNOWN -> 2;
      case DELIVERED, UNDELIVERED, FAILED -> 3;
    };
  }

  /** The provider of an unconfirmed attempt while QUEUED, else the one that took the message. */
  String provider() {
    return provider;
  }

  Instant createdAt() {
    return createdAt;
  }

  Conversations.Line toLine() {
    return new Conversations.Line(sentAt != null ? sentAt : createdAt, Conversations.Direction.OUT, body,
        status.name());
  }

  private static String truncate(String reason) {
    return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
  }

  String providerMessageId() {
    return providerMessageId;
  }

  String errorCode() {
    return errorCode;
  }

  Long id() {
    return id;
  }

  Status status() {
    return status;
  }

  String phone() {
    return phone;
  }

  String body() {
    return body;
  }

  String topic() {
    return topic;
  }

  String messageClass() {
    return messageClass;
  }

  String idempotencyKey() {
    return idempotencyKey;
  }

  SmsOutcome toOutcome(boolean duplicate) {
    return switch (status) {
      case SENT, DELIVERED, UNDELIVERED, UNKNOWN ->
          new SmsOutcome(SmsOutcome.Status.SENT, id, providerMessageId, null, duplicate);
      // FAILED before acceptance (no provider message id) is the provider's final refusal; after it, a receipt
      case FAILED -> providerMessageId != null
          ? new SmsOutcome(SmsOutcome.Status.SENT, id, providerMessageId, null, duplicate)
          : new SmsOutcome(SmsOutcome.Status.FAILED, id, null, failureReason, duplicate);
      case SUPPRESSED -> new SmsOutcome(SmsOutcome.Status.SUPPRESSED, id, null, failureReason, duplicate);
      case QUEUED -> throw new IllegalStateException("message " + id + " is still queued");
    };
  }
}
