package io.waymark.platform.consent;

import io.waymark.platform.contact.ContactId;

/**
 * A contact withdrew consent (for {@code allTopics}, or some topics). Every running journey of the contact stops;
 * {@code revocationId} is the ledger line with the raw text.
 */
public record ContactOptedOut(ContactId contactId, long revocationId, boolean allTopics) {
}
