package io.waymark.platform.consent;

import java.time.Instant;

/** One line of a contact's consent history, as an auditor reads it. {@code topic} "*" means every topic. */
public record ConsentEntry(
    long id,
    String kind,
    String topic,
    String brand,
    String channel,
    String disclosureText,
    String disclosureVersion,
    ConsentSource source,
    String sourceRef,
    String rawText,
    Instant occurredAt,
    Instant receivedAt,
    Instant processedAt,
    String confirmationText) {
}
