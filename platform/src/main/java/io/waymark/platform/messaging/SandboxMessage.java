package io.waymark.platform.messaging;

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

@Entity
@Immutable
@Table(name = "sandbox_message")
class SandboxMessage {

  enum Direction { OUT, IN }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Direction direction;

  @Column(nullable = false)
  private String phone;

  @Column(nullable = false)
  private String body;

  private String clientRef;

  @Column(nullable = false)
  private String providerMessageId;

  @Column(nullable = false)
  private Instant recordedAt;

  protected SandboxMessage() {
  }

  SandboxMessage(Direction direction, String phone, String body, String clientRef, String providerMessageId,
      Instant recordedAt) {
    this.direction = direction;
    this.phone = phone;
    this.body = body;
    this.clientRef = clientRef;
    this.providerMessageId = providerMessageId;
    this.recordedAt = recordedAt;
  }

  String providerMessageId() {
    return providerMessageId;
  }

  SmsSandbox.RecordedMessage toRecord() {
    return new SmsSandbox.RecordedMessage(id, direction.name(), phone, body, providerMessageId, recordedAt);
  }
}
