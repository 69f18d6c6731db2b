package io.waymark.platform.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

@Entity
@Table(name = "contact")
class Contact {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 16)
  private String phone;

  private String firstName;
  private String lastName;
  private String email;
  private String locale;
  private String region;
  private String timeZone;

  @Convert(converter = AttributesConverter.class)
  private Map<String, String> attributes = new LinkedHashMap<>();

  @Column(nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private Instant updatedAt;

  @Version
  private long version;

  protected Contact() {
  }

  Contact(String phone, Instant now) {
    this.phone = phone;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Takes every non-blank value of {@code details}; what it does not mention stays as it was. */
  void merge(ContactDetails details, String timeZone, Instant now) {
    firstName = pick(details.firstName(), firstName);
    lastName = pick(details.lastName(), lastName);
    email = pick(details.email(), email);
    locale = pick(details.locale(), locale);
    region = pick(details.region(), region);
    this.timeZone = pick(timeZone, this.timeZone);
    if (details.attributes() != null) {
      attributes.putAll(details.attributes());
    }
    updatedAt = now;
  }

  private static String pick(String value, String current) {
    return value == null || value.isBlank() ? current : value.trim();
  }

  ContactView toView() {
    return new ContactView(new ContactId(id), phone, firstName, lastName, email, locale, region, timeZone,
        Map.copyOf(attributes));
  }
}
