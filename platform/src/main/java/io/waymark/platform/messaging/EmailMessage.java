package io.waymark.platform.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

@Entity
@Table(name = "email_message")
class EmailMessage {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String idempotencyKey;

  /** Null for a staff notification (e.g. an escalation to a sales manager). */
  private Long contactId;

  @Column(nullable = false)
  private String toAddress;

  @Column(nullable = false)
  private String subject;

  @Column(nullable = false)
  private String body;

  @Column(nullable = false)
  private String status;

  @Column(nullable = false)
  private Instant createdAt;

  private String messageId;
  private Instant sentAt;

  protected EmailMessage() {
  }

  EmailMessage(String idempotencyKey, Long contactId, String toAddress, String subject, String body, String status,
      String messageId, Instant createdAt) {
    this.idempotencyKey = idempotencyKey;
    this.messageId = messageId;
    this.contactId = contactId;
    this.toAddress = toAddress;
    this.subject = subject;
    this.body = body;
    this.status = status;
    this.createdAt = createdAt;
  }

  /** Whether the email has left (SMTP accepted it, or it sits in the outbox): never to be sent again. */
  boolean isDone() {
    return !status.equals(EmailSender.QUEUED) && !status.equals(EmailSender.FAILED);
  }

  /** Whether an attempt may be under way right now: written, neither done nor failed, and younger than that. */
  boolean mayBeInFlight(Instant now, Duration window) {
    return status.equals(EmailSender.QUEUED) && createdAt.plus(window).isAfter(now);
  }

  void markDone(String status, Instant now) {
    this.status = status;
    this.sentAt = now;
  }

  void markFailed() {
    this.status = EmailSender.FAILED;
  }

  Long id() {
    return id;
  }

  String idempotencyKey() {
    return idempotencyKey;
  }

  EmailTransport.OutgoingEmail toOutgoing(String from) {
    return new EmailTransport.OutgoingEmail(from, toAddress, subject, body, messageId);
  }

  EmailSender.Email toView() {
    return new EmailSender.Email(id, contactId, toAddress, subject, body, status, createdAt);
  }
}
