package io.waymark.platform.messaging;

import io.waymark.platform.contact.ContactId;
import io.waymark.platform.policy.SendHistory;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The policy's frequency caps count what the outbound ledger shows as sent (accepted by a provider). */
@Component
class OutboundSendHistory implements SendHistory {

  private final OutboundMessageRepository ledger;

  OutboundSendHistory(OutboundMessageRepository ledger) {
    this.ledger = ledger;
  }

  @Override
  @Transactional(readOnly = true)
  public long countSent(ContactId contact, String messageClass, String topic, Instant since) {
    return ledger.countSent(contact.value(), messageClass, topic, since);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Instant> oldestSentSince(ContactId contact, String messageClass, String topic, Instant since) {
    return Optional.ofNullable(ledger.oldestSentSince(contact.value(), messageClass, topic, since));
  }
}
