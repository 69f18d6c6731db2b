package io.waymark.platform.contact;

import io.waymark.platform.support.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Finds and upserts contacts; the E.164 phone number is the natural key. */
@Service
@EnableConfigurationProperties(ContactProperties.class)
public class ContactDirectory {

  /** The lifecycle stages a contact can be in, in order. */
  public static final List<String> LIFECYCLE_STAGES = ContactRules.LIFECYCLE_STAGES;

  private final ContactRepository contacts;
  private final ContactProperties properties;
  private final Clock clock;

  ContactDirectory(ContactRepository contacts, ContactProperties properties, Clock clock) {
    this.contacts = contacts;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Checks {@code details} as {@link #upsert} would, without writing: the E.164 number, or an
   * {@link InvalidInputException} naming the first bad field.
   */
  public String validate(ContactDetails details) {
    return ContactRules.check(details, properties.defaultCountry(), ContactRules.STRICT).phone();
  }

  /**
   * Creates the contact for the number or merges {@code details} into the existing one. Joins the caller's
   * transaction, so that a failure later in the caller's work leaves no contact behind.
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public ContactView upsert(ContactDetails details) {
    return save(details).contact();
  }

  /**
   * {@link #upsert}, telling whether the contact was created or changed. Fails with an
   * {@link InvalidInputException} naming the first bad field before writing anything.
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public Upserted save(ContactDetails details) {
    ContactInput input = ContactRules.check(details, properties.defaultCountry(), ContactRules.STRICT);
    Instant now = clock.instant();
    Optional<Contact> existing = contacts.findByPhone(input.phone());
    Contact contact = existing.orElseGet(() -> new Contact(input.phone(), now));
    boolean changed = contact.apply(contact.fields().merge(input), now);
    try {
      return new Upserted(contacts.saveAndFlush(contact).toView(), existing.isEmpty(), changed || existing.isEmpty());
    } catch (DataIntegrityViolationException raced) {
      // another request created the same number a moment ago; the caller's transaction retries as a whole
      throw new ConcurrentContactCreationException(PhoneNumbers.mask(input.phone()), raced);
    }
  }

  @Transactional(readOnly = true)
  public Optional<ContactView> find(ContactId id) {
    return contacts.findById(id.value()).map(Contact::toView);
  }

  /** The contact for a number in any format; empty for unknown or unreadable numbers. */
  @Transactional(readOnly = true)
  public Optional<ContactView> findByPhone(String phone) {
    try {
      return contacts.findByPhone(PhoneNumbers.toE164(phone, properties.defaultCountry())).map(Contact::toView);
    } catch (InvalidInputException unreadable) {
      return Optional.empty();
    }
  }

  @Transactional(readOnly = true)
  public long count() {
    return contacts.count();
  }

  /** The stored contact after an upsert; {@code created} for a new number, {@code changed} if anything was written. */
  public record Upserted(ContactView contact, boolean created, boolean changed) {
  }

  /** Two requests created the same contact at once; retrying the whole request succeeds. */
  public static class ConcurrentContactCreationException extends RuntimeException {
    ConcurrentContactCreationException(String maskedPhone, Throwable cause) {
      super("contact " + maskedPhone + " was created concurrently; retry", cause);
    }
  }
}
