package io.waymark.platform.journey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** An event that steers running journeys, recorded once per event id until the engine has the message. */
@Entity
@Table(name = "journey_message")
class JourneyMessage {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String eventId;

  @Column(nullable = false)
  private String eventType;

  @Column(nullable = false)
  private String messageName;

  @Column(nullable = false)
  private long contactId;

  /** JSON array of the correlation keys, one message each. */
  @Column(nullable = false)
  private String correlationKeys;

  @Column(nullable = false)
  private String variables;

  /** Milliseconds the engine keeps the message for an instance that is about to wait for it. */
  @Column(nullable = false)
  private long timeToLive;

  @Column(nullable = false)
  private Instant receivedAt;

  private Instant publishedAt;

  protected JourneyMessage() {
  }

  JourneyMessage(String eventId, String eventType, String messageName, long contactId, String correlationKeys,
      String variables, Duration timeToLive, Instant now) {
    this.eventId = eventId;
    this.eventType = eventType;
    this.messageName = messageName;
    this.contactId = contactId;
    this.correlationKeys = correlationKeys;
    this.variables = variables;
    this.timeToLive = timeToLive.toMillis();
    this.receivedAt = now;
  }

  Long id() {
    return id;
  }

  void published(Instant now) {
    if (publishedAt == null) {
      publishedAt = now;
    }
  }

  JourneyMessages.Message toView(java.util.List<String> keys) {
    return new JourneyMessages.Message(id, eventId, eventType, messageName, contactId, keys, variables,
        Duration.ofMillis(timeToLive), receivedAt, publishedAt);
  }

  String correlationKeys() {
    return correlationKeys;
  }
}
