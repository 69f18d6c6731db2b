package io.waymark.platform.messaging;

/**
 * An inbound SMS was stored. {@code contactId} is null for unknown senders. Published through the event
 * publication registry, so a listener that fails (the engine briefly unreachable) is retried, not lost.
 */
public record SmsReceived(long inboundMessageId, Long contactId) {
}
