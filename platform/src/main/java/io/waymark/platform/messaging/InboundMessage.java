package io.waymark.platform.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import io.waymark.platform.consent.ReplyOutcome;
import org.hibernate.annotations.Immutable;

@Entity
@Immutable
@Table(name = "inbound_message")
class InboundMessage {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String provider;

  @Column(nullable = false)
  private String providerMessageId;

  @Column(nullable = false)
  private String fromPhone;

  @Column(nullable = false)
  private String body;

  private Long contactId;
  private String toPhone;
  private String replyClass;
  private String matchedRule;
  private String answerText;

  @Column(nullable = false)
  private Instant receivedAt;

  protected InboundMessage() {
  }

  InboundMessage(String provider, String providerMessageId, String fromPhone, String toPhone, String body,
      Long contactId, ReplyOutcome outcome, Instant receivedAt) {
    this.provider = provider;
    this.providerMessageId = providerMessageId;
    this.fromPhone = fromPhone;
    this.toPhone = toPhone;
    this.body = body;
    this.contactId = contactId;
    this.replyClass = outcome.replyClass().name();
    this.matchedRule = outcome.matchedRule();
    this.answerText = outcome.answer();
    this.receivedAt = receivedAt;
  }

  Long id() {
    return id;
  }

  Conversations.Line toLine() {
    return new Conversations.Line(receivedAt, Conversations.Direction.IN, body, replyClass);
  }

  InboundMessages.Inbound toView() {
    return new InboundMessages.Inbound(id, fromPhone, body, contactId, replyClass, matchedRule, answerText,
        receivedAt);
  }
}
