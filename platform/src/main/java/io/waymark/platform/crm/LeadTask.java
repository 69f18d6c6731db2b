package io.waymark.platform.crm;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One hot-lead task in Waymark's inbox, with its CRM copy's state. */
@Entity
@Table(name = "crm_lead_task")
class LeadTask {

  enum Status { OPEN, ACCEPTED, CONTACTED }

  enum Sync { NONE, PENDING, SYNCED, REJECTED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String sourceKey;
  private long contactId;
  private Long journeyRunId;
  private Long processInstanceKey;
  private String signalType;
  private String signalText;
  private Long signalMessageId;
  private String signalEventType;
  private String conversation;
  private String tags;

  @Enumerated(EnumType.STRING)
  private LeadPriority priority;

  private String productLine;
  private String ownerId;
  private String teamId;
  private String routedBy;

  @Enumerated(EnumType.STRING)
  private Status status;

  private String sla;
  private Instant dueAt;
  private int escalationLevel;
  private Instant createdAt;
  private Instant acceptedAt;
  private String acceptedBy;
  private String acceptedVia;
  private Long timeToAcceptMs;
  private Instant contactedAt;
  private Instant contactOptedOutAt;
  private String crmSystem;
  private String crmExternalId;

  @Enumerated(EnumType.STRING)
  private Sync crmSync;

  private int crmAttempts;
  private Instant crmNextAttemptAt;
  private Instant crmClaimedUntil;
  private String crmLastError;

  @Version
  private long version;

  protected LeadTask() {
  }

  LeadTask(LeadInbox.NewLead lead, String conversation, List<String> tags, LeadPriority priority,
      Routing.Assignment assignment, Duration sla, Instant dueAt, String crmSystem, Instant retryAt, Instant now) {
    this.sourceKey = lead.sourceKey();
    this.contactId = lead.contactId();
    this.journeyRunId = lead.journeyRunId();
    this.processInstanceKey = lead.processInstanceKey();
    this.signalType = lead.signal().type();
    this.signalText = truncate(lead.signal().text(), 1000);
    this.signalMessageId = lead.signal().messageId();
    this.signalEventType = lead.signal().eventType();
    this.conversation = truncate(conversation, 8000);
    this.tags = String.join(",", tags);
    this.priority = priority;
    this.productLine = lead.productLine();
    this.ownerId = assignment.owner().id();
    this.teamId = assignment.team();
    this.routedBy = assignment.explanation();
    this.status = Status.OPEN;
    this.sla = sla.toString();
    this.dueAt = dueAt;
    this.createdAt = now;
    this.crmSystem = crmSystem;
    this.crmSync = crmSystem == null ? Sync.NONE : Sync.PENDING;
    this.crmNextAttemptAt = crmSystem == null ? null : retryAt;
  }

  static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  Long id() {
    return id;
  }

  String ownerId() {
    return ownerId;
  }

  String teamId() {
    return teamId;
  }

  Status status() {
    return status;
  }

  Instant dueAt() {
    return dueAt;
  }

  Duration sla() {
    return Duration.parse(sla);
  }

  int escalationLevel() {
    return escalationLevel;
  }

  long contactId() {
    return contactId;
  }

  String acceptedBy() {
    return acceptedBy;
  }

  Instant acceptedAt() {
    return acceptedAt;
  }

  String crmSystem() {
    return crmSystem;
  }

  String crmExternalId() {
    return crmExternalId;
  }

  Sync crmSync() {
    return crmSync;
  }

  int crmAttempts() {
    return crmAttempts;
  }

  void accepted(String by, String via, Instant now) {
    status = Status.ACCEPTED;
    acceptedAt = now;
    acceptedBy = by;
    acceptedVia = via;
    timeToAcceptMs = Duration.between(createdAt, now).toMillis();
  }

  void contacted(Instant now) {
    status = Status.CONTACTED;
    contactedAt = now;
  }

  void reassigned(String owner) {
    ownerId = owner;
  }

  void escalated(int level, String owner, Instant due) {
    escalationLevel = level;
    ownerId = owner;
    dueAt = due;
  }

  void contactOptedOut(Instant at) {
    contactOptedOutAt = at;
  }

  /**
   * Claims the next CRM attempt until {@code until}; false while another attempt holds it, or (for a retry,
   * {@code dueOnly}) before the retry is due.
   */
  boolean claimCrmAttempt(Instant now, Instant until, boolean dueOnly) {
    if (crmSync != Sync.PENDING || (crmClaimedUntil != null && crmClaimedUntil.isAfter(now))
        || (dueOnly && crmNextAttemptAt != null && crmNextAttemptAt.isAfter(now))) {
      return false;
    }
    crmClaimedUntil = until;
    return true;
  }

  void synced(String externalId) {
    crmClaimedUntil = null;
    crmSync = Sync.SYNCED;
    crmExternalId = externalId;
    crmAttempts++;
    crmNextAttemptAt = null;
    crmLastError = null;
  }

  void syncFailed(String error, Instant next) {
    crmClaimedUntil = null;
    crmAttempts++;
    crmLastError = truncate(error, 1000);
    crmNextAttemptAt = next;
    if (next == null) {
      crmSync = Sync.REJECTED;
    }
  }

  LeadInbox.Task toView() {
    return new LeadInbox.Task(id, contactId, journeyRunId, processInstanceKey,
        new LeadInbox.Signal(signalType, signalText, signalMessageId, signalEventType),
        tags.isEmpty() ? List.of() : Arrays.asList(tags.split(",")), priority, productLine, ownerId, teamId,
        routedBy, status.name(), sla, dueAt, escalationLevel, createdAt, acceptedAt, acceptedBy, acceptedVia,
        timeToAcceptMs, contactedAt, contactOptedOutAt, conversation, crmSystem, crmExternalId, crmSync.name(),
        crmAttempts, crmNextAttemptAt, crmLastError);
  }
}
