package io.waymark.platform.messaging;

import io.waymark.platform.contact.ContactId;

/**
 * One SMS to send. {@code idempotencyKey} identifies the send for ever: the same key never reaches a phone twice.
 * {@code processInstanceKey} and {@code elementId} say which journey step asked (may be null outside journeys).
 */
public record SmsRequest(
    String idempotencyKey,
    ContactId contactId,
    String topic,
    String messageClass,
    String body,
    Long processInstanceKey,
    String elementId) {
}
