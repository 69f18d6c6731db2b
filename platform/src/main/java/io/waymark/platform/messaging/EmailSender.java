package io.waymark.platform.messaging;

import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.support.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends email at most once per idempotency key. The {@code email_message} row is written first (QUEUED), then the
 * {@link EmailTransport} is called (the outbox table itself by default, SMTP with
 * {@code waymark.email.transport=smtp}), then the row is marked (OUTBOX or SENT). A repeated key returns the first
 * outcome. A failed transport call marks the row FAILED and throws, so the job fails and its retry sends again.
 * A row left QUEUED by a crash between the SMTP call and the marking is sent again once it is older than two
 * minutes (younger, an attempt may still be under way: {@link SendInFlightException}); such a resend carries the
 * same Message-ID, derived from the key, so the receiving side can recognise it as the same email.
 */
@Service
public class EmailSender {

  static final String QUEUED = "QUEUED";
  static final String FAILED = "FAILED";
  static final Duration IN_FLIGHT = Duration.ofMinutes(2);

  private static final Logger LOG = LoggerFactory.getLogger(EmailSender.class);

  private final EmailMessageRepository outbox;
  private final ContactDirectory contacts;
  private final EmailTransport transport;
  private final EmailProperties properties;
  private final Clock clock;
  private final TransactionTemplate newTransaction;

  EmailSender(EmailMessageRepository outbox, ContactDirectory contacts, EmailTransport transport,
      EmailProperties properties, Clock clock, PlatformTransactionManager transactions) {
    this.outbox = outbox;
    this.contacts = contacts;
    this.transport = transport;
    this.properties = properties;
    this.clock = clock;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public EmailOutcome send(String idempotencyKey, ContactId contactId, String subject, String body) {
    Optional<EmailOutcome> earlier = earlierAttempt(idempotencyKey);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    validate(subject, body);
    Optional<String> address = contacts.find(contactId).map(ContactView::email).filter(email -> !email.isBlank());
    if (address.isEmpty()) {
      return new EmailOutcome(EmailOutcome.Status.NO_ADDRESS, null, false);
    }
    return deliver(claim(new EmailMessage(idempotencyKey, contactId.value(), address.get(), subject, body, QUEUED,
        messageId(idempotencyKey), clock.instant())));
  }

  /**
   * Sends a staff notification (not to a contact: no consent applies, e.g. an escalation to a sales manager) at most
   * once per idempotency key, on the same outbox and transport as every email.
   */
  public EmailOutcome sendToStaff(String idempotencyKey, String toAddress, String subject, String body) {
    Optional<EmailOutcome> earlier = earlierAttempt(idempotencyKey);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    validate(subject, body);
    if (toAddress == null || !toAddress.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new InvalidInputException("to", "is not an email address: " + toAddress);
    }
    return deliver(claim(new EmailMessage(idempotencyKey, null, toAddress, subject, body, QUEUED,
        messageId(idempotencyKey), clock.instant())));
  }

  /**
   * What an earlier attempt with this key came to: done (a duplicate), still in flight (throws), or left unconfirmed
   * (sent again now); empty when there was none.
   */
  private Optional<EmailOutcome> earlierAttempt(String idempotencyKey) {
    Optional<EmailMessage> existing = outbox.findByIdempotencyKey(idempotencyKey);
    if (existing.isEmpty()) {
      return Optional.empty();
    }
    if (existing.get().isDone()) {
      return Optional.of(new EmailOutcome(EmailOutcome.Status.SENT, existing.get().id(), true));
    }
    if (existing.get().mayBeInFlight(clock.instant(), IN_FLIGHT)) {
      throw new SendInFlightException(idempotencyKey);
    }
    LOG.info("Email {} was not confirmed by an earlier attempt; sending it again", existing.get().id());
    return Optional.of(deliver(existing.get()));
  }

  /** The newest emails first. */
  @Transactional(readOnly = true)
  public List<Email> outbox(int page, int size) {
    return outbox.findAllByOrderByIdDesc(PageRequest.of(page, size)).map(EmailMessage::toView).getContent();
  }

  private EmailOutcome deliver(EmailMessage row) {
    String status;
    try {
      status = transport.deliver(row.toOutgoing(properties.from()));
    } catch (RuntimeException e) {
      LOG.warn("Email {} could not be handed over: {}", row.id(), e.getMessage());
      update(row.id(), EmailMessage::markFailed);
      throw e;
    }
    update(row.id(), r -> r.markDone(status, clock.instant()));
    return new EmailOutcome(EmailOutcome.Status.SENT, row.id(), false);
  }

  private static void validate(String subject, String body) {
    if (subject == null || subject.isBlank()) {
      throw new InvalidInputException("subject", "is missing");
    }
    if (subject.length() > 255) {
      throw new InvalidInputException("subject", "is longer than 255 characters");
    }
    if (body == null) {
      throw new InvalidInputException("body", "is missing");
    }
    if (body.length() > 8000) {
      throw new InvalidInputException("body", "is longer than 8000 characters");
    }
  }

  /** {@code <hash of the key@the sender's domain>}: the same for every attempt with this key. */
  private String messageId(String idempotencyKey) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
      return "<" + HexFormat.of().formatHex(hash, 0, 20) + "@" + properties.fromDomain() + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private EmailMessage claim(EmailMessage row) {
    try {
      return newTransaction.execute(status -> outbox.saveAndFlush(row));
    } catch (DataIntegrityViolationException concurrent) {
      throw new SendInFlightException(row.idempotencyKey());
    }
  }

  private void update(long id, Consumer<EmailMessage> change) {
    newTransaction.executeWithoutResult(status -> {
      EmailMessage row = outbox.findById(id).orElseThrow();
      change.accept(row);
      outbox.saveAndFlush(row);
    });
  }

  /** What became of an email: SENT (handed over, or in the outbox), or NO_ADDRESS when the contact has none. */
  public record EmailOutcome(Status status, Long emailId, boolean duplicate) {
    public enum Status { SENT, NO_ADDRESS }
  }

  /** One email as stored ({@code contactId} null for a staff notification): status QUEUED, FAILED (the last attempt failed), SENT (SMTP) or OUTBOX (embedded). */
  public record Email(long id, Long contactId, String to, String subject, String body, String status,
      Instant createdAt) {
  }

  /** Another attempt with the same key is sending right now; try again shortly. */
  public static class SendInFlightException extends RuntimeException {
    SendInFlightException(String key) {
      super("an email with key " + key + " is in flight; retry shortly");
    }
  }
}
