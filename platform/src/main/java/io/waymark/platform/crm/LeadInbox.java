package io.waymark.platform.crm;

import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.contact.PhoneNumbers;
import io.waymark.platform.crm.connector.CrmTaskCompletions;
import io.waymark.platform.messaging.Conversations;
import io.waymark.platform.messaging.EmailSender;
import io.waymark.platform.support.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Waymark's lead inbox: hot-lead tasks created from a journey's signal (routed to an owner, due by the SLA counted in
 * the owner's working hours, with the conversation so far), accepted, contacted, reassigned and escalated. Every change
 * is a line in the task's history. Accepting publishes {@link LeadAccepted} for the waiting journey.
 */
@Service
public class LeadInbox implements CrmTaskCompletions {

  /** Signal types that make a hot lead. */
  public static final Set<String> SIGNAL_TYPES = Set.of("REPLY", "LINK_CLICK", "INTENT_EVENT");

  private static final Logger LOG = LoggerFactory.getLogger(LeadInbox.class);
  private static final Set<LeadTask.Status> LIVE = EnumSet.of(LeadTask.Status.OPEN, LeadTask.Status.ACCEPTED);
  /** How the inbox, its history and its emails write an instant. */
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
      .withZone(java.time.ZoneOffset.UTC);

  private final LeadTaskRepository tasks;
  private final LeadTaskEventRepository history;
  private final Routing routing;
  private final ContactDirectory contacts;
  private final Conversations conversations;
  private final EmailSender email;
  private final CrmProperties properties;
  private final CrmSync sync;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TransactionTemplate transaction;

  LeadInbox(LeadTaskRepository tasks, LeadTaskEventRepository history, Routing routing, ContactDirectory contacts,
      Conversations conversations, EmailSender email, CrmProperties properties, CrmSync sync,
      ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
    this.tasks = tasks;
    this.history = history;
    this.routing = routing;
    this.contacts = contacts;
    this.conversations = conversations;
    this.email = email;
    this.properties = properties;
    this.sync = sync;
    this.events = events;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Creates the task for a hot-lead signal, or returns the one {@code sourceKey} already made (a redelivered job).
   * Bad input (unknown signal type or tag, a non-positive SLA, an unknown contact) is an
   * {@link InvalidInputException} naming it; nothing is written then.
   */
  public Created create(NewLead lead) {
    validate(lead);
    Optional<Created> existing = existing(lead.sourceKey());
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      return transaction.execute(status -> insert(lead));
    } catch (DataIntegrityViolationException concurrent) {
      // another delivery of the same job inserted it first
      return existing(lead.sourceKey()).orElseThrow(() -> concurrent);
    }
  }

  private Optional<Created> existing(String sourceKey) {
    return transaction.execute(status -> tasks.findBySourceKey(sourceKey)
        .map(t -> new Created(t.id(), t.ownerId(), t.dueAt(), false)));
  }

  private void validate(NewLead lead) {
    List<InvalidInputException.Problem> problems = new ArrayList<>();
    if (lead.sourceKey() == null || lead.sourceKey().isBlank() || lead.sourceKey().length() > 100) {
      problems.add(new InvalidInputException.Problem("sourceKey", "must be 1 to 100 characters"));
    }
    if (lead.signal() == null || lead.signal().type() == null || !SIGNAL_TYPES.contains(lead.signal().type())) {
      problems.add(new InvalidInputException.Problem("leadSignal.type", "must be one of "
          + SIGNAL_TYPES.stream().sorted().toList() + ", not " + (lead.signal() == null ? null : lead.signal().type())));
    }
    List<String> known = properties.tagNames();
    for (String tag : lead.tags() == null ? List.<String>of() : lead.tags()) {
      if (known.stream().noneMatch(k -> k.equalsIgnoreCase(tag))) {
        problems.add(new InvalidInputException.Problem("tags", "unknown tag '" + tag + "' (tags: "
            + String.join(", ", known) + ")"));
      }
    }
    if (lead.sla() != null && (lead.sla().isZero() || lead.sla().isNegative())) {
      problems.add(new InvalidInputException.Problem("sla", "must be a positive duration, not " + lead.sla()));
    }
    if (lead.productLine() != null && lead.productLine().length() > 64) {
      problems.add(new InvalidInputException.Problem("productLine", "is longer than 64 characters"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  private Created insert(NewLead lead) {
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as the database keeps it
    ContactView contact = contacts.find(new ContactId(lead.contactId()))
        .orElseThrow(() -> new InvalidInputException("contactId", "no contact " + lead.contactId()));
    List<String> tags = canonicalTags(lead.tags());
    CrmRule.LeadFacts facts = new CrmRule.LeadFacts(blankToNull(contact.owner()), blankToNull(contact.region()),
        PhoneNumbers.regionOf(contact.phone()).orElse(null), CrmRule.LeadFacts.languageOf(contact.locale()),
        lead.productLine(), tags);
    Routing.Assignment assignment = routing.route(facts, now);
    Duration sla = lead.sla() != null ? lead.sla() : slaOf(tags);
    Instant due = assignment.owner().hours().plusWorkingTime(now, sla);
    LeadTask task = tasks.saveAndFlush(new LeadTask(lead, conversation(contact.id().value()), tags, priorityOf(tags),
        assignment, sla, due, sync.targetSystem().orElse(null),
        now.plus(properties.sync().initialBackoff()), now));
    history.save(new LeadTaskEvent(task.id(), now, "CREATED", "system", assignment.owner().id(),
        lead.signal().type() + " signal; "
        + "owner " + assignment.owner().id() + " by " + assignment.explanation() + "; due " + TIME.format(due)
        + " (SLA " + sla + (assignment.owner().hours().isAlways() ? ")" : " in working hours "
        + assignment.owner().hours() + ")")));
    events.publishEvent(new LeadTaskCreated(task.id(), assignment.owner().id()));
    LOG.info("Hot lead task {} for contact {} to {} ({}), due {}", task.id(), lead.contactId(),
        assignment.owner().id(), assignment.rule(), due);
    return new Created(task.id(), assignment.owner().id(), due, true);
  }

  private List<String> canonicalTags(List<String> requested) {
    List<String> names = properties.tagNames();
    Set<String> tags = new LinkedHashSet<>();
    for (String tag : requested == null || requested.isEmpty() ? List.of(CrmProperties.HOT_LEAD) : requested) {
      names.stream().filter(n -> n.equalsIgnoreCase(tag)).findFirst().ifPresent(tags::add);
    }
    return List.copyOf(tags);
  }

  private Duration slaOf(List<String> tags) {
    return properties.tags().stream().filter(t -> tags.contains(t.name())).map(CrmProperties.Tag::sla)
        .min(Comparator.naturalOrder()).orElse(Duration.ofMinutes(15));
  }

  private LeadPriority priorityOf(List<String> tags) {
    return properties.tags().stream().filter(t -> tags.contains(t.name())).map(CrmProperties.Tag::priority)
        .max(Comparator.naturalOrder()).orElse(LeadPriority.HIGH);
  }

  private String conversation(long contactId) {
    return conversations.recent(contactId, properties.conversationSize()).stream()
        .map(line -> TIME.format(line.at()) + (line.direction() == Conversations.Direction.IN ? " contact: "
            : " us: ") + line.body())
        .collect(Collectors.joining("\n"));
  }

  /**
   * {@code by} accepts the task: its owner, or the team's manager or team lead. Accepting twice by the same person
   * is harmless; a task accepted by someone else is a conflict.
   */
  public Task accept(long taskId, String by) {
    return write(status -> {
      LeadTask task = load(taskId);
      requireAllowed(task, by);
      acceptTask(task, by, "INBOX");
      return task.toView();
    });
  }

  /** {@code by} reached the contact (accepting the task first when it was still open). */
  public Task markContacted(long taskId, String by) {
    return write(status -> {
      LeadTask task = load(taskId);
      requireAllowed(task, by);
      if (task.status() == LeadTask.Status.CONTACTED) {
        return task.toView();
      }
      acceptTask(task, by, "INBOX");
      task.contacted(clock.instant());
      history.save(new LeadTaskEvent(task.id(), clock.instant(), "CONTACTED", by, null));
      return task.toView();
    });
  }

  /** Hands a task that is not yet contacted to another rep or manager of the routing. */
  public Task reassign(long taskId, String to, String by, String reason) {
    return write(status -> {
      LeadTask task = load(taskId);
      requireAllowed(task, by);
      if (task.status() == LeadTask.Status.CONTACTED) {
        throw new ConflictException("lead " + taskId + " was contacted already");
      }
      if (to == null || routing.ref(to).isEmpty()) {
        throw new InvalidInputException("to", "unknown owner '" + to + "': not a rep or manager of the routing");
      }
      String from = task.ownerId();
      task.reassigned(to);
      history.save(new LeadTaskEvent(task.id(), clock.instant(), "REASSIGNED", by, to, "from " + from + " to " + to
          + (reason == null || reason.isBlank() ? "" : ": " + reason)));
      return task.toView();
    });
  }

  /**
   * The SLA of a task ran out: reassigns it (level 1: the next available rep of its team, else its manager; level 2:
   * the team lead) with a new deadline in the new owner's working hours, and emails the manager (level 1) or the
   * team lead and the manager (level 2). Idempotent per level: a repeated call returns what the first did (and
   * sends no second email); a task accepted meanwhile is not reassigned.
   */
  public Escalation escalate(long taskId, int level, String managerEmail, Duration slaOverride) {
    if (level < 1 || level > 2) {
      throw new InvalidInputException("escalationLevel", "a lead is escalated at most twice; level " + level);
    }
    if (slaOverride != null && (slaOverride.isZero() || slaOverride.isNegative())) {
      throw new InvalidInputException("sla", "must be a positive duration, not " + slaOverride);
    }
    Escalation escalation = write(status -> {
      LeadTask task = load(taskId);
      Instant now = clock.instant();
      if (task.escalationLevel() >= level || task.status() != LeadTask.Status.OPEN) {
        return new Escalation(taskId, task.ownerId(), task.dueAt(), Math.max(level, task.escalationLevel()),
            task.status() != LeadTask.Status.OPEN ? List.of() : notices(task, level, managerEmail), false);
      }
      Set<String> tried = history.findByTaskIdOrderById(task.id()).stream().map(LeadTaskEvent::ownerId)
          .filter(java.util.Objects::nonNull).collect(Collectors.toCollection(HashSet::new));
      tried.add(task.ownerId());
      String before = task.ownerId();
      Routing.Assignment next = routing.escalate(task.teamId(), level, tried, now);
      Duration sla = slaOverride != null ? slaOverride : task.sla();
      Instant due = next.owner().hours().plusWorkingTime(now, sla);
      task.escalated(level, next.owner().id(), due);
      history.save(new LeadTaskEvent(task.id(), now, "ESCALATED", "system", next.owner().id(), "level " + level + ": not accepted by "
          + before + " in time; owner " + next.owner().id() + " (" + next.rule() + "), due " + TIME.format(due)));
      return new Escalation(taskId, next.owner().id(), due, level, notices(task, level, managerEmail), true);
    });
    for (Notice notice : escalation.notices()) {
      email.sendToStaff("crm-escalation:" + taskId + ":" + level + ":" + notice.to(), notice.to(), notice.subject(),
          notice.body());
    }
    return escalation;
  }

  private List<Notice> notices(LeadTask task, int level, String managerEmail) {
    Routing.PersonRef manager = routing.manager(task.teamId());
    String managerAddress = managerEmail != null && !managerEmail.isBlank() ? managerEmail : manager.email();
    Optional<ContactView> contact = contacts.find(new ContactId(task.contactId()));
    String who = contact.map(c -> (c.firstName() == null ? "" : c.firstName() + " ") + c.phone()).orElse("contact "
        + task.contactId());
    String owner = routing.ref(task.ownerId()).map(p -> p.name() + " (" + p.id() + ")").orElse(task.ownerId());
    String subject = (level == 1 ? "Hot lead not accepted in time: " : "Hot lead escalated to you (second breach): ")
        + who;
    String body = "Hot lead task " + task.id() + " for " + who + " was not accepted within its SLA of "
        + task.sla() + ".\nIt is now with " + owner + ", due " + TIME.format(task.dueAt()) + ".\n\n"
        + "Signal: " + signal(task.toView().signal()) + "\nConversation so far:\n"
        + Optional.ofNullable(task.toView().conversation()).filter(c -> !c.isBlank()).orElse("(none)") + "\n";
    List<Notice> notices = new ArrayList<>();
    notices.add(new Notice(managerAddress, subject, body));
    if (level >= 2) {
      routing.ref(task.ownerId()).map(Routing.PersonRef::email).filter(e -> !e.equalsIgnoreCase(managerAddress))
          .ifPresent(lead -> notices.add(new Notice(lead, subject, body)));
    }
    return notices;
  }

  static String signal(Signal signal) {
    return signal.type() + (signal.eventType() == null ? "" : " " + signal.eventType())
        + (signal.text() == null ? "" : ": " + signal.text());
  }

  /** A CRM reports the task done: it counts as accepted (and contacted) by {@code completedBy}. */
  @Override
  public void completedInCrm(String system, String externalId, String completedBy) {
    write(status -> {
      Optional<LeadTask> found = tasks.findByCrmSystemAndCrmExternalId(system, externalId);
      if (found.isEmpty()) {
        LOG.info("{} reported task {} done, which is not a Waymark lead task", system, externalId);
        return null;
      }
      LeadTask task = found.get();
      if (task.status() == LeadTask.Status.CONTACTED) {
        return null;
      }
      String by = completedBy == null || completedBy.isBlank() ? system : completedBy;
      acceptTask(task, by, system.toUpperCase(Locale.ROOT));
      task.contacted(clock.instant());
      history.save(new LeadTaskEvent(task.id(), clock.instant(), "CONTACTED", by, "done in " + system));
      return null;
    });
  }

  /** Marks the live tasks of a contact who opted out of SMS (the journey stopped; a call may still be wanted). */
  void contactOptedOut(long contactId, Instant at) {
    write(status -> {
      tasks.findByContactIdAndStatusIn(contactId, LIVE).forEach(task -> {
        task.contactOptedOut(at);
        history.save(new LeadTaskEvent(task.id(), at, "CONTACT_OPTED_OUT", "system",
            "the contact opted out of SMS; the journey stopped, no escalation follows"));
      });
      return null;
    });
  }

  private void acceptTask(LeadTask task, String by, String via) {
    if (task.status() != LeadTask.Status.OPEN) {
      if (by.equals(task.acceptedBy())) {
        return;
      }
      throw new ConflictException("lead " + task.id() + " was accepted by " + task.acceptedBy() + " at "
          + task.acceptedAt());
    }
    Instant now = clock.instant();
    task.accepted(by, via, now);
    history.save(new LeadTaskEvent(task.id(), now, "ACCEPTED", by, "via " + via));
    events.publishEvent(new LeadAccepted(task.id(), by, via));
  }

  private void requireAllowed(LeadTask task, String by) {
    if (by == null || by.isBlank()) {
      throw new InvalidInputException("by", "is missing: who acts on the lead");
    }
    if (by.equals(task.ownerId())) {
      return;
    }
    if (task.teamId() != null && routing.leads(task.teamId(), by)) {
      return;
    }
    throw new ForbiddenException("lead " + task.id() + " is assigned to " + task.ownerId()
        + "; only they, their manager or team lead may act on it (reassign it first)");
  }

  /**
   * A change in its own transaction, tried again (up to three times) when a concurrent change of the same task won
   * (the CRM copy records its attempts on the task, an acceptance may meet an escalation).
   */
  private <T> T write(org.springframework.transaction.support.TransactionCallback<T> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(change);
      } catch (org.springframework.dao.OptimisticLockingFailureException concurrent) {
        if (attempt == 3) {
          throw concurrent;
        }
      }
    }
  }

  private LeadTask load(long taskId) {
    return tasks.findById(taskId).orElseThrow(() -> new NotFoundException("no lead task " + taskId));
  }

  /** One task with its history. */
  public Optional<Detail> find(long taskId) {
    return transaction.execute(status -> tasks.findById(taskId).map(task -> new Detail(task.toView(),
        history.findByTaskIdOrderById(taskId).stream().map(LeadTaskEvent::toView).toList())));
  }

  /** The inbox: tasks of {@code owner} (all owners when null) in the given statuses, soonest due first. */
  public List<Task> inbox(String owner, Set<String> statuses, int page, int size) {
    Set<LeadTask.Status> wanted = statuses == null || statuses.isEmpty() ? LIVE
        : statuses.stream().map(s -> {
          try {
            return LeadTask.Status.valueOf(s);
          } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "must be OPEN, ACCEPTED or CONTACTED, not " + s);
          }
        }).collect(Collectors.toCollection(() -> EnumSet.noneOf(LeadTask.Status.class)));
    return transaction.execute(status -> tasks.inbox(owner, wanted, PageRequest.of(page, size)).stream()
        .map(LeadTask::toView).toList());
  }

  /** Times to accept of the tasks accepted in [from, to), in milliseconds. */
  public List<Long> timesToAccept(Instant from, Instant to) {
    return transaction.execute(status -> tasks.timesToAccept(from, to));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** A hot-lead signal to turn into a task; {@code sourceKey} identifies the request (e.g. "job:" + job key). */
  public record NewLead(String sourceKey, long contactId, Long journeyRunId, Long processInstanceKey, Signal signal,
      List<String> tags, String productLine, Duration sla) {
  }

  /** What made the lead hot: type REPLY, LINK_CLICK or INTENT_EVENT. */
  public record Signal(String type, String text, Long messageId, String eventType) {
  }

  /** The task a signal made ({@code created} false when an earlier request had made it). */
  public record Created(long taskId, String ownerId, Instant dueAt, boolean created) {
  }

  /** What an escalation did: the owner now and their deadline; {@code reassigned} false for a repeat or no-op. */
  public record Escalation(long taskId, String ownerId, Instant dueAt, int level, List<Notice> notices,
      boolean reassigned) {
  }

  /** An email an escalation sends. */
  public record Notice(String to, String subject, String body) {
  }

  /** A task as the inbox and the API show it. */
  public record Task(long id, long contactId, Long journeyRunId, Long processInstanceKey, Signal signal,
      List<String> tags, LeadPriority priority, String productLine, String ownerId, String teamId, String routedBy,
      String status, String sla, Instant dueAt, int escalationLevel, Instant createdAt, Instant acceptedAt,
      String acceptedBy, String acceptedVia, Long timeToAcceptMs, Instant contactedAt, Instant contactOptedOutAt,
      String conversation, String crmSystem, String crmExternalId, String crmSync, int crmAttempts,
      Instant crmNextAttemptAt, String crmLastError) {
  }

  /** A task and its history. */
  public record Detail(Task task, List<HistoryLine> history) {
  }

  /** One line of a task's history. */
  public record HistoryLine(Instant at, String kind, String actor, String detail) {
  }

  /** No such task or person. */
  public static class NotFoundException extends RuntimeException {
    NotFoundException(String message) {
      super(message);
    }
  }

  /** The task is not in a state that allows this. */
  public static class ConflictException extends RuntimeException {
    ConflictException(String message) {
      super(message);
    }
  }

  /** The person may not act on this task. */
  public static class ForbiddenException extends RuntimeException {
    ForbiddenException(String message) {
      super(message);
    }
  }
}
