package io.waymark.platform.consent;

import io.waymark.platform.contact.ContactId;
import java.time.Instant;
import java.util.List;

/**
 * A contact withdrew consent: for the given topics, or for everything when {@code topics} is empty. Keeps the raw
 * text exactly as received, the channel (sms, api, agent, email, ...), when it was received, and the confirmation
 * text Waymark answers with (null when none is sent).
 */
public record Revocation(
    ContactId contactId,
    String phone,
    String brand,
    List<String> topics,
    String channel,
    String rawText,
    Instant receivedAt,
    String sourceRef,
    String confirmationText) {
}
