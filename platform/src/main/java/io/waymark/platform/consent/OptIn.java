package io.waymark.platform.consent;

import io.waymark.platform.contact.ContactId;
import java.time.Instant;
import java.util.List;

/**
 * Evidence of an opt-in: who (contact and E.164 phone), to what (topics), how (channel and the exact disclosure
 * text shown), where from ({@code sourceRef}, e.g. the event id of the web form post) and when (UTC).
 */
public record OptIn(
    ContactId contactId,
    String phone,
    List<String> topics,
    String channel,
    String disclosureText,
    String sourceRef,
    Instant occurredAt) {
}
