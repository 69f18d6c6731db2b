package io.waymark.platform.messaging;

import io.waymark.platform.consent.ReplyClass;
import io.waymark.platform.consent.ReplyHandling;
import io.waymark.platform.consent.ReplyOutcome;
import io.waymark.platform.contact.ContactDetails;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.contact.PhoneNumbers;
import io.waymark.platform.support.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every inbound SMS, from known and unknown senders (an unknown sender becomes a phone-only contact, so that a STOP
 * is on record and a HELP is answered). In one transaction: stored once per provider message id, read by consent
 * (opt-outs take effect here, at once), and announced as {@link SmsReceived}.
 */
@Service
public class InboundMessages {

  private final InboundMessageRepository messages;
  private final ContactDirectory contacts;
  private final ReplyHandling replies;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final OutboundMessageRepository outbound;
  private final Duration answerWindow;

  InboundMessages(InboundMessageRepository messages, OutboundMessageRepository outbound, ContactDirectory contacts,
      ReplyHandling replies, ApplicationEventPublisher events, Clock clock,
      @Value("${waymark.sms.answer-window:P3D}") Duration answerWindow) {
    this.messages = messages;
    this.outbound = outbound;
    this.answerWindow = answerWindow;
    this.contacts = contacts;
    this.replies = replies;
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

  /** Stores, reads and announces the message; a replayed provider message id is recognised and changes nothing. */
  @Transactional
  public Received receive(String provider, String providerMessageId, String from, String to, String body) {
    Optional<InboundMessage> replay = messages.findByProviderAndProviderMessageId(provider, providerMessageId);
    if (replay.isPresent()) {
      Inbound earlier = replay.get().toView();
      return new Received(earlier.id(), earlier.contactId(), earlier.replyClass(), earlier.answer(), true);
    }
    Instant now = clock.instant();
    ContactView contact = contacts.findByPhone(from).orElseGet(() -> contacts.upsert(ContactDetails.ofPhone(from)));
    ReplyOutcome outcome = replies.handle(contact, body, providerMessageId, to, openQuestion(contact, now), now);
    InboundMessage stored = messages.save(new InboundMessage(provider, providerMessageId, from, to, body,
        contact.id().value(), outcome, now));
    events.publishEvent(new SmsReceived(stored.id(), contact.id().value(), outcome.replyClass().name(),
        outcome.answer() != null));
    return new Received(stored.id(), contact.id().value(), outcome.replyClass().name(), outcome.answer(), false);
  }

  /**
   * The answers of the question the contact was last asked ({@code waymark.sms.answer-window}, default 3 days), so
   * that "1" reads as the class it stands for; empty when no question is open.
   */
  private Map<String, ReplyClass> openQuestion(ContactView contact, Instant now) {
    return outbound.findFirstByContactIdAndAnswersIsNotNullAndStatusInAndCreatedAtAfterOrderByIdDesc(
            contact.id().value(), OutboundMessage.SENT_OR_LATER, now.minus(answerWindow))
        .map(message -> PromptAnswers.classes(message.answers()))
        .orElse(Map.of());
  }

  @Transactional(readOnly = true)
  public Optional<Inbound> find(long inboundMessageId) {
    return messages.findById(inboundMessageId).map(InboundMessage::toView);
  }

  /** The result of {@link #receive}: the stored id, the contact, the class, the answer going back, replay or not. */
  public record Received(long inboundMessageId, Long contactId, String replyClass, String answer, boolean replay) {
  }

  /** A stored inbound message with its classification and the compliance answer sent back (null for none). */
  public record Inbound(long id, String from, String body, Long contactId, String replyClass, String matchedRule,
      String answer, Instant receivedAt) {
  }
}
