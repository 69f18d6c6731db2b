package io.waymark.platform.messaging;

import io.waymark.platform.contact.ContactId;
import java.time.Instant;
import java.util.Map;

/**
 * One SMS to send. {@code idempotencyKey} identifies the send for ever: the same key never reaches a phone twice.
 * {@code processInstanceKey} and {@code elementId} say which journey step asked (may be null outside journeys);
 * {@code notAfter} is when the message stops making sense (null: never), so it is suppressed rather than sent late.
 * {@code brand} picks the sender route (null: {@code default}). {@code templateKey} and {@code templateVersion} name
 * the approved template version {@code body} was rendered from (null for a compliance answer). {@code answers} maps
 * the answer keys of a question the message asks to reply classes ({@code "1" -> "HOT"}), empty when it asks none.
 */
public record SmsRequest(
    String idempotencyKey,
    ContactId contactId,
    String topic,
    String messageClass,
    String body,
    Long processInstanceKey,
    String elementId,
    Instant notAfter,
    String brand,
    String templateKey,
    Integer templateVersion,
    Map<String, String> answers) {

  public SmsRequest {
    answers = answers == null ? Map.of() : Map.copyOf(answers);
  }

  public SmsRequest(String idempotencyKey, ContactId contactId, String topic, String messageClass, String body,
      Long processInstanceKey, String elementId, Instant notAfter, String brand, String templateKey,
      Integer templateVersion) {
    this(idempotencyKey, contactId, topic, messageClass, body, processInstanceKey, elementId, notAfter, brand,
        templateKey, templateVersion, Map.of());
  }

  public SmsRequest(String idempotencyKey, ContactId contactId, String topic, String messageClass, String body,
      Long processInstanceKey, String elementId, Instant notAfter, String brand) {
    this(idempotencyKey, contactId, topic, messageClass, body, processInstanceKey, elementId, notAfter, brand, null,
        null, Map.of());
  }

  public SmsRequest(String idempotencyKey, ContactId contactId, String topic, String messageClass, String body,
      Long processInstanceKey, String elementId, Instant notAfter) {
    this(idempotencyKey, contactId, topic, messageClass, body, processInstanceKey, elementId, notAfter, null);
  }

  public SmsRequest(String idempotencyKey, ContactId contactId, String topic, String messageClass, String body,
      Long processInstanceKey, String elementId) {
    this(idempotencyKey, contactId, topic, messageClass, body, processInstanceKey, elementId, null, null);
  }

  /** The brand whose route carries the message. */
  public String brandOrDefault() {
    return brand == null || brand.isBlank() ? "default" : brand;
  }
}
