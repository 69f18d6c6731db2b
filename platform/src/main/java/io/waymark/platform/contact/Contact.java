package io.waymark.platform.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A contact, one per E.164 number. The CSV import writes the same table in batches ({@link ContactRows}). */
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

  @Enumerated(EnumType.STRING)
  private TimeZones.Source timeZoneSource;

  private String lifecycleStage;
  private String owner;

  @Convert(converter = TopicsConverter.class)
  private List<String> topics = new ArrayList<>();

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

  ContactFields fields() {
    return new ContactFields(firstName, lastName, email, locale, region, timeZone, timeZoneSource, lifecycleStage,
        owner, List.copyOf(topics), new LinkedHashMap<>(attributes));
  }

  /** Takes {@code fields} over; returns whether anything changed (only then is {@code updatedAt} moved). */
  boolean apply(ContactFields fields, Instant now) {
    if (fields.equals(fields())) {
      return false;
    }
    firstName = fields.firstName();
    lastName = fields.lastName();
    email = fields.email();
    locale = fields.locale();
    region = fields.region();
    timeZone = fields.timeZone();
    timeZoneSource = fields.timeZoneSource();
    lifecycleStage = fields.lifecycleStage();
    owner = fields.owner();
    topics = new ArrayList<>(fields.topics());
    attributes = new LinkedHashMap<>(fields.attributes());
    updatedAt = now;
    return true;
  }

  ContactView toView() {
    return fields().toView(id, phone);
  }
}
