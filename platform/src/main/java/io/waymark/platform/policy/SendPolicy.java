package io.waymark.platform.policy;

import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactId;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides whether a message may go out now. Today: the contact must exist and hold an opt-in for the topic.
 * Quiet hours, state and country rules and frequency caps plug in here.
 */
@Service
public class SendPolicy {

  private final ContactDirectory contacts;
  private final ConsentLedger consent;

  SendPolicy(ContactDirectory contacts, ConsentLedger consent) {
    this.contacts = contacts;
    this.consent = consent;
  }

  @Transactional(readOnly = true)
  public SendDecision decide(ContactId contact, String topic, String messageClass, Instant now) {
    if (contacts.find(contact).isEmpty()) {
      return SendDecision.suppress("UNKNOWN_CONTACT");
    }
    if (!consent.hasOptIn(contact, topic)) {
      return SendDecision.suppress("NO_CONSENT");
    }
    return SendDecision.send();
  }
}
