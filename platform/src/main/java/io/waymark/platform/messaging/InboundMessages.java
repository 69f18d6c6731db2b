package io.waymark.platform.messaging;

import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.contact.PhoneNumbers;
import io.waymark.platform.support.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every inbound SMS, from known and unknown senders: stored once per provider message id, then announced as
 * {@link SmsReceived} in the same transaction.
 */
@Service
public class InboundMessages {

  private final InboundMessageRepository messages;
  private final ContactDirectory contacts;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  InboundMessages(InboundMessageRepository messages, ContactDirectory contacts, ApplicationEventPublisher events,
      Clock clock) {
    this.messages = messages;
    this.contacts = contacts;
    this.events = events;
    this.clock = clock;
  }

  /** The E.164 sender, or an {@link InvalidInputException} naming {@code from} or {@code body}. */
  public String validate(String from, String body) {
    if (body == null) {
      throw new InvalidInputException("body", "is missing");
    }
    if (body.length() > 1600) {
      throw new InvalidInputException("body", "is longer than 1600 characters");
    }
    try {
      return PhoneNumbers.toE164(from, null);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("from", e.problem() + " (E.164, starting with +)");
    }
  }

  /** Stores the message (a replayed provider message id is recognised and stored once) and announces it. */
  @Transactional
  public Received receive(String provider, String providerMessageId, String from, String body) {
    Optional<InboundMessage> replay = messages.findByProviderAndProviderMessageId(provider, providerMessageId);
    if (replay.isPresent()) {
      return new Received(replay.get().id(), replay.get().toView().contactId(), true);
    }
    Long contactId = contacts.findByPhone(from).map(ContactView::id).map(id -> id.value()).orElse(null);
    InboundMessage stored = messages.save(
        new InboundMessage(provider, providerMessageId, from, body, contactId, clock.instant()));
    events.publishEvent(new SmsReceived(stored.id(), contactId));
    return new Received(stored.id(), contactId, false);
  }

  @Transactional(readOnly = true)
  public Optional<Inbound> find(long inboundMessageId) {
    return messages.findById(inboundMessageId).map(InboundMessage::toView);
  }

  /** The result of {@link #receive}: the stored id and whether it was a replay. */
  public record Received(long inboundMessageId, Long contactId, boolean replay) {
  }

  /** A stored inbound message. */
  public record Inbound(long id, String from, String body, Long contactId, Instant receivedAt) {
  }
}
