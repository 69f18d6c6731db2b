package io.waymark.platform.link;

import io.waymark.platform.contact.ContactId;

/** A recipient clicked short link {@code code} (not a preview); {@code processInstanceKey} null outside journeys. */
public record LinkClicked(long clickId, String code, ContactId contactId, Long processInstanceKey) {
}
