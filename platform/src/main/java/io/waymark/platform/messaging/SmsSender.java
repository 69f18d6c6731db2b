package io.waymark.platform.messaging;

import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.contact.PhoneNumbers;
import io.waymark.platform.policy.SendDecision;
import io.waymark.platform.policy.SendPolicy;
import io.waymark.platform.policy.SendRequest;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one SMS at most once per idempotency key. Asks the {@link SendPolicy} at the moment of sending (every
 * time, retries included): DEFER writes nothing and tells the caller when to try again, SUPPRESS is recorded; writes
 * the ledger row before the provider call, and on a repeated key returns the first
 * outcome; a row left QUEUED by an interrupted attempt is reconciled with the provider before anything is resent.
 */
@Service
public class SmsSender {

  /** Topic and message class of compliance answers. */
  public static final String COMPLIANCE = "compliance";

  private static final Logger LOG = LoggerFactory.getLogger(SmsSender.class);

  private final OutboundMessageRepository ledger;
  private final ContactDirectory contacts;
  private final SendPolicy policy;
  private final SmsProvider provider;
  private final Clock clock;
  private final TransactionTemplate newTransaction;

  SmsSender(OutboundMessageRepository ledger, ContactDirectory contacts, SendPolicy policy, SmsProvider provider,
      Clock clock, PlatformTransactionManager transactions) {
    this.ledger = ledger;
    this.contacts = contacts;
    this.policy = policy;
    this.provider = provider;
    this.clock = clock;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public SmsOutcome send(SmsRequest request) {
    Optional<OutboundMessage> existing = ledger.findByIdempotencyKey(request.idempotencyKey());
    if (existing.isPresent() && existing.get().status() != OutboundMessage.Status.QUEUED) {
      return existing.get().toOutcome(true);
    }
    if (existing.isPresent()) {
      Optional<String> delivered = provider.findSent(request.idempotencyKey());
      if (delivered.isPresent()) {
        LOG.info("SMS {} was already accepted by {} as {}; not sending again", existing.get().id(), provider.name(),
            delivered.get());
        return update(existing.get().id(), row -> row.markSent(provider.name(), delivered.get(), clock.instant()))
            .toOutcome(true);
      }
    }
    Optional<ContactView> contact = contacts.find(request.contactId());
    if (contact.isEmpty()) {
      return new SmsOutcome(SmsOutcome.Status.SUPPRESSED, null, null, "UNKNOWN_CONTACT", false);
    }
    SendDecision decision = policy.decide(new SendRequest(request.contactId(), request.topic(),
        request.messageClass(), clock.instant(), request.notAfter()));
    if (decision.verdict() == SendDecision.Verdict.DEFER) {
      return new SmsOutcome(SmsOutcome.Status.DEFERRED, existing.map(OutboundMessage::id).orElse(null), null,
          decision.reason(), false, decision.until());
    }
    OutboundMessage row = existing.orElseGet(() -> claim(request, contact.get().phone()));
    if (!decision.allowsSending()) {
      LOG.info("SMS {} suppressed at the moment of sending: {}", row.id(), decision.reason());
      return update(row.id(), r -> r.markSuppressed(decision.reason())).toOutcome(false);
    }
    String sid = provider.send(row.phone(), row.body(), row.idempotencyKey());
    LOG.info("SMS {} to {} sent through {} as {}", row.id(), PhoneNumbers.mask(row.phone()), provider.name(), sid);
    return update(row.id(), r -> r.markSent(provider.name(), sid, clock.instant())).toOutcome(false);
  }

  /**
   * The one kind of message that skips consent and policy: the compliance answer to an inbound text (opt-out
   * confirmation, help text, keyword sign-up prompt), sent once per key, with no marketing in it.
   */
  public SmsOutcome sendComplianceAnswer(String idempotencyKey, ContactId contactId, String body) {
    Optional<OutboundMessage> existing = ledger.findByIdempotencyKey(idempotencyKey);
    if (existing.isPresent() && existing.get().status() != OutboundMessage.Status.QUEUED) {
      return existing.get().toOutcome(true);
    }
    ContactView contact = contacts.find(contactId)
        .orElseThrow(() -> new IllegalArgumentException("no contact " + contactId));
    OutboundMessage row = existing.orElseGet(() -> claim(new SmsRequest(idempotencyKey, contactId, COMPLIANCE,
        COMPLIANCE, body, null, null), contact.phone()));
    String sid = provider.findSent(idempotencyKey)
        .orElseGet(() -> provider.send(row.phone(), row.body(), row.idempotencyKey()));
    LOG.info("Compliance answer {} to {} sent through {} as {}", row.id(), PhoneNumbers.mask(row.phone()),
        provider.name(), sid);
    return update(row.id(), r -> r.markSent(provider.name(), sid, clock.instant())).toOutcome(false);
  }

  private OutboundMessage claim(SmsRequest request, String phone) {
    try {
      return newTransaction.execute(status ->
          ledger.saveAndFlush(new OutboundMessage(request, phone, clock.instant())));
    } catch (DataIntegrityViolationException concurrent) {
      throw new SendInFlightException(request.idempotencyKey());
    }
  }

  private OutboundMessage update(long id, Consumer<OutboundMessage> change) {
    return newTransaction.execute(status -> {
      OutboundMessage row = ledger.findById(id).orElseThrow();
      change.accept(row);
      return ledger.saveAndFlush(row);
    });
  }

  /** Another attempt with the same key is sending right now; try again shortly. */
  public static class SendInFlightException extends RuntimeException {
    SendInFlightException(String key) {
      super("a send with key " + key + " is in flight; retry shortly");
    }
  }
}
