package io.waymark.platform.crm;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;

/** A rep or manager of the current routing document, with the round-robin mark of their last assignment. */
@Entity
@Table(name = "crm_person")
class CrmPerson {

  enum Kind { REP, MANAGER }

  @Id
  private String id;
  private String name;
  private String email;

  @Enumerated(EnumType.STRING)
  private Kind kind;

  private String teamId;
  private String timeZone;
  private String workingHours;
  private boolean available;
  private String hubspotOwnerId;
  private String salesforceUserId;
  private Instant lastAssignedAt;
  private Long lastAssignedSeq;
  private int position;

  @Version
  private Long version;

  @Transient
  private WorkingHours hours;

  protected CrmPerson() {
  }

  CrmPerson(RoutingDocument.Person person, Kind kind, int position, Instant lastAssignedAt, Long lastAssignedSeq) {
    this.lastAssignedSeq = lastAssignedSeq;
    this.id = person.id();
    this.name = person.name();
    this.email = person.email();
    this.kind = kind;
    this.teamId = kind == Kind.REP ? person.team() : null;
    this.timeZone = blankToNull(person.timeZone());
    this.workingHours = blankToNull(person.workingHours());
    this.available = person.available() == null || person.available();
    this.hubspotOwnerId = person.hubspotOwnerId();
    this.salesforceUserId = person.salesforceUserId();
    this.position = position;
    this.lastAssignedAt = lastAssignedAt;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  String id() {
    return id;
  }

  String name() {
    return name;
  }

  String email() {
    return email;
  }

  Kind kind() {
    return kind;
  }

  String teamId() {
    return teamId;
  }

  boolean flaggedAvailable() {
    return available;
  }

  Instant lastAssignedAt() {
    return lastAssignedAt;
  }

  WorkingHours hours() {
    if (hours == null) {
      hours = WorkingHours.parse(workingHours, timeZone);
    }
    return hours;
  }

  /** A rep takes a lead when flagged available and at work. */
  boolean takesLeadsAt(Instant at) {
    return kind == Kind.REP && available && hours().isOpen(at);
  }

  Routing.PersonRef ref() {
    return new Routing.PersonRef(id, name, email, hours(), hubspotOwnerId, salesforceUserId);
  }

  Long lastAssignedSeq() {
    return lastAssignedSeq;
  }

  /** Takes a lead: {@code seq} is the team's next assignment number (round robin goes by it, not by the clock). */
  void assigned(Instant at, long seq) {
    lastAssignedAt = at;
    lastAssignedSeq = seq;
  }

  void availability(boolean available) {
    this.available = available;
  }

  RoutingDocument.Person toDocument() {
    return new RoutingDocument.Person(id, name, email, teamId, timeZone, workingHours, available, hubspotOwnerId,
        salesforceUserId);
  }
}
