package io.waymark.platform.messaging;

import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.consent.SuppressionList;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.contact.PhoneNumbers;
import io.waymark.platform.messaging.provider.OutboundSms;
import io.waymark.platform.messaging.provider.SmsProviderException;
import io.waymark.platform.messaging.provider.SmsRouter;
import io.waymark.platform.messaging.provider.SmsRoutingProperties;
import io.waymark.platform.policy.SendDecision;
import io.waymark.platform.policy.SendPolicy;
import io.waymark.platform.policy.SendRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one SMS at most once per idempotency key. Asks the {@link SendPolicy} at the moment of sending (every
 * time, retries included): DEFER writes nothing and tells the caller when to try again, SUPPRESS is recorded; writes
 * the ledger row before the provider call, and on a repeated key returns the first
 * outcome; a row left QUEUED by an interrupted attempt is reconciled with the provider before anything is resent.
 * A QUEUED row whose attempt began less than the longest possible send ago may still be sending: a second attempt
 * (redelivered or duplicated job) stands back with {@link SendInFlightException} instead of racing it; an older one is
 * taken over by exactly one attempt (the row's version decides).
 *
 * <p>Provider answers: an opt-out at the provider (Twilio 21610) puts the number on the {@link SuppressionList} and
 * the row becomes SUPPRESSED ({@code PROVIDER_OPT_OUT}), never retried; an invalid number or rejected message is
 * FAILED, final; an unconfirmed attempt (timeout after sending) leaves the row QUEUED with that provider and throws
 * {@link SendUnconfirmedException}, so the job is retried and the retry asks that provider first; when every
 * provider of the route failed retryably, the {@link SmsProviderException} fails the job for a later retry.
 */
@Service
public class SmsSender {

  /** Topic and message class of compliance answers. */
  public static final String COMPLIANCE = "compliance";

  /** Reason of a message suppressed because the provider reported the recipient unsubscribed. */
  public static final String PROVIDER_OPT_OUT = "PROVIDER_OPT_OUT";

  private static final Logger LOG = LoggerFactory.getLogger(SmsSender.class);

  private final OutboundMessageRepository ledger;
  private final ContactDirectory contacts;
  private final SendPolicy policy;
  private final SmsRouter router;
  private final SuppressionList suppressions;
  private final Clock clock;
  private final TransactionTemplate newTransaction;
  private final Duration attemptLease;

  SmsSender(OutboundMessageRepository ledger, ContactDirectory contacts, SendPolicy policy, SmsRouter router,
      SuppressionList suppressions, Clock clock, PlatformTransactionManager transactions,
      SmsRoutingProperties routing) {
    // an attempt can take at most the resilience's total time (every retry on every provider) plus the provider's
    // read timeout; until then a second attempt stands back
    this.attemptLease = routing.resilience().maxTotal().plusSeconds(15);
    this.ledger = ledger;
    this.contacts = contacts;
    this.policy = policy;
    this.router = router;
    this.suppressions = suppressions;
    this.clock = clock;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public SmsOutcome send(SmsRequest request) {
    Optional<OutboundMessage> existing = ledger.findByIdempotencyKey(request.idempotencyKey());
    Optional<SmsOutcome> earlier = earlierOutcome(existing, request.brandOrDefault(), request.notAfter());
    if (earlier.isPresent()) {
      return earlier.get();
    }
    Optional<ContactView> contact = contacts.find(request.contactId());
    if (contact.isEmpty()) {
      return new SmsOutcome(SmsOutcome.Status.SUPPRESSED, null, null, "UNKNOWN_CONTACT", false);
    }
    // a retry is judged as what the first attempt stored (the text and class a template rendered to)
    SendDecision decision = policy.decide(new SendRequest(request.contactId(),
        existing.map(OutboundMessage::topic).orElse(request.topic()),
        existing.map(OutboundMessage::messageClass).orElse(request.messageClass()), clock.instant(),
        request.notAfter()));
    if (decision.verdict() == SendDecision.Verdict.DEFER) {
      return new SmsOutcome(SmsOutcome.Status.DEFERRED, existing.map(OutboundMessage::id).orElse(null), null,
          decision.reason(), false, decision.until());
    }
    Instant decidedAt = clock.instant();
    OutboundMessage row = existing.isPresent() ? update(existing.get().id(), r -> r.decided(decision, decidedAt))
        : claim(request, contact.get().phone(), decision);
    if (!decision.allowsSending()) {
      LOG.info("SMS {} suppressed at the moment of sending: {}", row.id(), decision.reason());
      return update(row.id(), r -> r.markSuppressed(decision.reason())).toOutcome(false);
    }
    return dispatch(row, request.brandOrDefault(), request.notAfter());
  }

  /** Whether an attempt with this key was made already (its row holds the text it was rendered to). */
  public boolean attempted(String idempotencyKey) {
    return ledger.existsByIdempotencyKey(idempotencyKey);
  }

  /** Whether a message of this journey instance already reached the contact's provider (sent or later). */
  public boolean anySentInInstance(long processInstanceKey, ContactId contactId) {
    return ledger.countByProcessInstanceKeyAndContactIdAndStatusIn(processInstanceKey, contactId.value(),
        OutboundMessage.SENT_OR_LATER) > 0;
  }

  /**
   * The one kind of message that skips consent and policy: the compliance answer to an inbound text (opt-out
   * confirmation, help text, keyword sign-up prompt), sent once per key, with no marketing in it.
   */
  public SmsOutcome sendComplianceAnswer(String idempotencyKey, ContactId contactId, String body) {
    Optional<OutboundMessage> existing = ledger.findByIdempotencyKey(idempotencyKey);
    Optional<SmsOutcome> earlier = earlierOutcome(existing, ConsentLedger.DEFAULT_BRAND, null);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    ContactView contact = contacts.find(contactId)
        .orElseThrow(() -> new IllegalArgumentException("no contact " + contactId));
    OutboundMessage row = existing.orElseGet(() -> claim(new SmsRequest(idempotencyKey, contactId, COMPLIANCE,
        COMPLIANCE, body, null, null), contact.phone(), null));
    return dispatch(row, ConsentLedger.DEFAULT_BRAND, null);
  }

  /**
   * What an earlier attempt with the same key already reached: its final outcome, or, for a row left QUEUED, the
   * provider's acceptance found on reconciling. Empty when this attempt must (re)send.
   */
  private Optional<SmsOutcome> earlierOutcome(Optional<OutboundMessage> existing, String brand, Instant notAfter) {
    if (existing.isEmpty()) {
      return Optional.empty();
    }
    if (existing.get().status() != OutboundMessage.Status.QUEUED) {
      return Optional.of(existing.get().toOutcome(true));
    }
    OutboundMessage row = existing.get();
    if (row.inFlight(clock.instant(), attemptLease)) {
      throw new SendInFlightException(row.idempotencyKey());
    }
    try {
      Instant now = clock.instant();
      row = update(row.id(), r -> r.startAttempt(now));
    } catch (OptimisticLockingFailureException concurrent) {
      throw new SendInFlightException(row.idempotencyKey());
    }
    return reconcile(row, brand, notAfter);
  }

  private Optional<SmsOutcome> reconcile(OutboundMessage row, String brand, Instant notAfter) {
    return router.reconcile(brand, sms(row, notAfter), row.provider()).map(found -> {
      LOG.info("SMS {} was already accepted by {} as {}; not sending again", row.id(), found.provider(),
          found.messageId());
      return update(row.id(), r -> r.markSent(found.provider(), found.messageId(), clock.instant())).toOutcome(true);
    });
  }

  private SmsOutcome dispatch(OutboundMessage row, String brand, Instant notAfter) {
    try {
      SmsRouter.Sent sent = router.send(brand, sms(row, notAfter), row.provider());
      LOG.info("SMS {} to {} sent through {} as {}", row.id(), PhoneNumbers.mask(row.phone()), sent.provider(),
          sent.messageId());
      return update(row.id(), r -> r.markSent(sent.provider(), sent.messageId(), clock.instant())).toOutcome(false);
    } catch (SmsProviderException e) {
      return switch (e.kind()) {
        case OPTED_OUT -> {
          suppressions.suppress(row.phone(), "provider: recipient unsubscribed (" + label(e) + ")", "provider");
          LOG.info("SMS {}: {} reports the recipient unsubscribed; number suppressed", row.id(), e.provider());
          yield update(row.id(), r -> r.markSuppressed(PROVIDER_OPT_OUT)).toOutcome(false);
        }
        case INVALID_NUMBER, REJECTED -> {
          LOG.info("SMS {} failed for good: {}", row.id(), e.getMessage());
          yield update(row.id(), r -> r.markFailed(e.provider(), e.getMessage())).toOutcome(false);
        }
        case UNCONFIRMED -> {
          update(row.id(), r -> r.markUnconfirmed(e.provider(), e.getMessage()));
          throw new SendUnconfirmedException(row.idempotencyKey(), e);
        }
        case RETRYABLE -> {
          update(row.id(), OutboundMessage::releaseAttempt); // the next attempt need not wait for this one
          throw e;
        }
      };
    }
  }

  private static OutboundSms sms(OutboundMessage row, Instant notAfter) {
    return new OutboundSms(row.phone(), null, row.body(), row.idempotencyKey(), notAfter, row.createdAt());
  }

  private static String label(SmsProviderException e) {
    String name = e.provider();
    return Character.toUpperCase(name.charAt(0)) + name.substring(1) + (e.code() == null ? "" : " " + e.code());
  }

  private OutboundMessage claim(SmsRequest request, String phone, SendDecision decision) {
    try {
      return newTransaction.execute(status -> {
        OutboundMessage row = new OutboundMessage(request, phone, clock.instant());
        return ledger.saveAndFlush(decision == null ? row : row.decided(decision, clock.instant()));
      });
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

  /** A provider may have taken the message without saying so; the next attempt asks it before resending. */
  public static class SendUnconfirmedException extends RuntimeException {
    SendUnconfirmedException(String key, Throwable cause) {
      super("the send with key " + key + " is unconfirmed; the next attempt reconciles before resending", cause);
    }
  }

  /** Another attempt with the same key is sending right now; try again shortly. */
  public static class SendInFlightException extends RuntimeException {
    SendInFlightException(String key) {
      super("a send with key " + key + " is in flight; retry shortly");
    }
  }
}
