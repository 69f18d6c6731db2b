package io.waymark.platform.contact;

import io.waymark.platform.support.InvalidInputException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
  private final EntityManager entityManager;

  ContactDirectory(ContactRepository contacts, ContactProperties properties, Clock clock,
      EntityManager entityManager) {
    this.contacts = contacts;
    this.properties = properties;
    this.clock = clock;
    this.entityManager = entityManager;
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

  /**
   * Contacts whose number contains the digits of {@code text} or whose first name, last name or both ("Maya Lopez")
   * contain {@code text}, case-insensitively; every contact for a blank text. Newest first, {@code limit} (1 to 500)
   * from {@code offset}, for a lazily paged list.
   */
  @Transactional(readOnly = true)
  public List<ContactView> search(String text, int offset, int limit) {
    if (offset < 0) {
      throw new InvalidInputException("offset", "is negative");
    }
    if (limit < 1 || limit > 500) {
      throw new InvalidInputException("limit", "is " + limit + ": 1 to 500");
    }
    return searchQuery(text, "select c", Contact.class).setFirstResult(offset).setMaxResults(limit)
        .getResultList().stream().map(Contact::toView).toList();
  }

  /** How many contacts {@link #search} finds for {@code text}. */
  @Transactional(readOnly = true)
  public long countMatching(String text) {
    return searchQuery(text, "select count(c)", Long.class).getSingleResult();
  }

  private <T> TypedQuery<T> searchQuery(String text, String select, Class<T> type) {
    String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    boolean count = type == Long.class;
    if (wanted.isEmpty()) {
      return entityManager.createQuery(select + " from Contact c" + (count ? "" : " order by c.id desc"), type);
    }
    String digits = wanted.replaceAll("[^0-9]", "");
    String name = "%" + like(wanted) + "%";
    TypedQuery<T> query = entityManager.createQuery(select + " from Contact c where "
        + (digits.isEmpty() ? "" : "c.phone like :digits escape '!' or ")
        + "lower(c.firstName) like :name escape '!' or lower(c.lastName) like :name escape '!' "
        + "or lower(concat(coalesce(c.firstName, ''), ' ', coalesce(c.lastName, ''))) like :name escape '!'"
        + (count ? "" : " order by c.id desc"), type);
    if (!digits.isEmpty()) {
      query.setParameter("digits", "%" + digits + "%");
    }
    return query.setParameter("name", name);
  }

  private static String like(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
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
