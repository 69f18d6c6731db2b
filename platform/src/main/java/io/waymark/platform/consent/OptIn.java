package io.waymark.platform.consent;

import io.waymark.platform.contact.ContactId;
import java.time.Instant;
import java.util.List;

/**
 * Evidence of an opt-in: who (contact and E.164 phone), for which brand and topics, how (channel and the exact
 * disclosure text shown, with its version), where from ({@code source}, and {@code sourceRef} such as the event id of
 * the web form post) and when (UTC).
 */
public record OptIn(
    ContactId contactId,
    String phone,
    String brand,
    List<String> topics,
    String channel,
    String disclosureText,
    String disclosureVersion,
    ConsentSource source,
    String sourceRef,
    Instant occurredAt) {

  /** An opt-in for the default brand without source details. */
  public OptIn(ContactId contactId, String phone, List<String> topics, String channel, String disclosureText,
      String sourceRef, Instant occurredAt) {
    this(contactId, phone, ConsentLedger.DEFAULT_BRAND, topics, channel, disclosureText, null, ConsentSource.NONE,
        sourceRef, occurredAt);
  }
}
