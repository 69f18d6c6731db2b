package io.waymark.platform.messaging;

import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.contact.ContactView;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends email at most once per idempotency key. In embedded mode the {@code email_message} table is the outbox
 * (status OUTBOX); SMTP delivery plugs in behind the same facade.
 */
@Service
public class EmailSender {

  private final EmailMessageRepository outbox;
  private final ContactDirectory contacts;
  private final Clock clock;

  EmailSender(EmailMessageRepository outbox, ContactDirectory contacts, Clock clock) {
    this.outbox = outbox;
    this.contacts = contacts;
    this.clock = clock;
  }

  public EmailOutcome send(String idempotencyKey, ContactId contactId, String subject, String body) {
    Optional<EmailMessage> existing = outbox.findByIdempotencyKey(idempotencyKey);
    if (existing.isPresent()) {
      return new EmailOutcome(EmailOutcome.Status.SENT, existing.get().toView().id(), true);
    }
    Optional<String> address = contacts.find(contactId).map(ContactView::email).filter(email -> !email.isBlank());
    if (address.isEmpty()) {
      return new EmailOutcome(EmailOutcome.Status.NO_ADDRESS, null, false);
    }
    try {
      EmailMessage stored = outbox.saveAndFlush(new EmailMessage(idempotencyKey, contactId.value(), address.get(),
          subject, body, "OUTBOX", clock.instant()));
      return new EmailOutcome(EmailOutcome.Status.SENT, stored.toView().id(), false);
    } catch (DataIntegrityViolationException concurrent) {
      return new EmailOutcome(EmailOutcome.Status.SENT,
          outbox.findByIdempotencyKey(idempotencyKey).orElseThrow().toView().id(), true);
    }
  }

  /** The newest emails first. */
  @Transactional(readOnly = true)
  public List<Email> outbox(int page, int size) {
    return outbox.findAllByOrderByIdDesc(PageRequest.of(page, size)).map(EmailMessage::toView).getContent();
  }

  /** What became of an email: SENT (written to the outbox), or NO_ADDRESS when the contact has no email. */
  public record EmailOutcome(Status status, Long emailId, boolean duplicate) {
    public enum Status { SENT, NO_ADDRESS }
  }

  /** One email in the outbox. */
  public record Email(long id, long contactId, String to, String subject, String body, String status,
      Instant createdAt) {
  }
}
