package io.waymark.platform.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "email_message")
class EmailMessage {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String idempotencyKey;

  @Column(nullable = false)
  private long contactId;

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

  protected EmailMessage() {
  }

  EmailMessage(String idempotencyKey, long contactId, String toAddress, String subject, String body, String status,
      Instant createdAt) {
    this.idempotencyKey = idempotencyKey;
    this.contactId = contactId;
    this.toAddress = toAddress;
    this.subject = subject;
    this.body = body;
    this.status = status;
    this.createdAt = createdAt;
  }

  EmailSender.Email toView() {
    return new EmailSender.Email(id, contactId, toAddress, subject, body, status, createdAt);
  }
}
