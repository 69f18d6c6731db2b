package io.waymark.platform.link;

import io.waymark.platform.contact.ContactId;
import java.util.Objects;

/**
 * The message whose links are being minted: what every link of it records and what its UTM parameters say.
 *
 * @param messageKey the outbound ledger's idempotency key of the SMS (links are minted once per key and position)
 * @param contactId the recipient
 * @param processId the journey's BPMN process id ({@code utm_campaign}), null outside journeys
 * @param processInstanceKey the journey instance, null outside journeys
 * @param variant the contact's experiment variant ({@code utm_content}), null when none
 */
public record MessageLinks(String messageKey, ContactId contactId, String processId, Long processInstanceKey,
    String variant) {

  public MessageLinks {
    Objects.requireNonNull(messageKey, "messageKey");
    Objects.requireNonNull(contactId, "contactId");
  }
}
