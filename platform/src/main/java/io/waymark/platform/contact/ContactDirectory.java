package io.waymark.platform.contact;

import io.waymark.platform.support.InvalidInputException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Finds and upserts contacts; the E.164 phone number is the natural key. */
@Service
@EnableConfigurationProperties(ContactProperties.class)
public class ContactDirectory {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

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
    String phone = PhoneNumbers.toE164(details.phone(), country(details));
    if (details.email() != null && !details.email().isBlank() && !EMAIL.matcher(details.email().trim()).matches()) {
      throw new InvalidInputException("email", "'" + details.email() + "' is not an email address");
    }
    timeZone(details, phone);
    return phone;
  }

  /**
   * Creates the contact for the number or merges {@code details} into the existing one. Joins the caller's
   * transaction, so that a failure later in the caller's work leaves no contact behind.
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public ContactView upsert(ContactDetails details) {
    String phone = validate(details);
    Contact contact = contacts.findByPhone(phone).orElseGet(() -> new Contact(phone, clock.instant()));
    contact.merge(details, timeZone(details, phone), clock.instant());
    try {
      return contacts.saveAndFlush(contact).toView();
    } catch (DataIntegrityViolationException raced) {
      // another request created the same number a moment ago; the caller's transaction retries as a whole
      throw new ConcurrentContactCreationException(PhoneNumbers.mask(phone), raced);
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

  private String country(ContactDetails details) {
    return details.country() == null || details.country().isBlank() ? properties.defaultCountry() : details.country();
  }

  /** Explicit zone if valid, else the number's zone where libphonenumber knows exactly one. */
  private static String timeZone(ContactDetails details, String phone) {
    if (details.timeZone() != null && !details.timeZone().isBlank()) {
      try {
        return ZoneId.of(details.timeZone().trim()).getId();
      } catch (DateTimeException e) {
        throw new InvalidInputException("timeZone", "'" + details.timeZone() + "' is not an IANA time zone");
      }
    }
    List<String> zones = PhoneNumbers.timeZones(phone);
    return zones.size() == 1 ? zones.getFirst() : null;
  }

  /** Two requests created the same contact at once; retrying the whole request succeeds. */
  public static class ConcurrentContactCreationException extends RuntimeException {
    ConcurrentContactCreationException(String maskedPhone, Throwable cause) {
      super("contact " + maskedPhone + " was created concurrently; retry", cause);
    }
  }
}
