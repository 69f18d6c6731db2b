package io.waymark.platform.messaging.provider;

import java.time.Instant;

/**
 * One SMS as a provider sees it. {@code from} is the route's sender (null: the provider's configured default);
 * {@code clientRef} is the ledger's idempotency key; {@code notAfter} (nullable) bounds the provider's validity period;
 * {@code queuedAt} is when the ledger row was written, before any attempt, so a lookup never matches older messages.
 */
public record OutboundSms(String to, String from, String body, String clientRef, Instant notAfter, Instant queuedAt) {

  public OutboundSms withFrom(String sender) {
    return new OutboundSms(to, sender, body, clientRef, notAfter, queuedAt);
  }
}
