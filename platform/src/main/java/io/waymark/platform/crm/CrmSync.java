package io.waymark.platform.crm;

import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.crm.connector.CrmConnector;
import io.waymark.platform.crm.connector.CrmContact;
import io.waymark.platform.crm.connector.CrmPriority;
import io.waymark.platform.crm.connector.CrmRejectedException;
import io.waymark.platform.crm.connector.CrmTaskRef;
import io.waymark.platform.crm.connector.CrmTaskRequest;
import io.waymark.platform.support.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The CRM copy of each task: attempted right after the task is committed, retried with a doubling back-off while the
 * CRM is unavailable ({@code waymark.crm.sync.*}), given up (REJECTED, with the CRM's reason) when the CRM refuses it
 * for good. The inbox task exists whatever the CRM does, and the journey never waits for it. With no CRM configured,
 * tasks stay in the inbox only (sync NONE). The connectors are idempotent per task, so an attempt repeated after a lost
 * answer finds the copy instead of making a second.
 */
@Component
class CrmSync {

  private static final Logger LOG = LoggerFactory.getLogger(CrmSync.class);
  /** Longer than any attempt can take (connect and read timeouts, a few retries). */
  private static final java.time.Duration CLAIM = java.time.Duration.ofMinutes(2);


  private final Optional<CrmConnector> connector;
  private final CrmProperties properties;
  private final LeadTaskRepository tasks;
  private final LeadTaskEventRepository history;
  private final ContactDirectory contacts;
  private final Routing routing;
  private final Clock clock;
  private final TransactionTemplate transaction;

  CrmSync(List<CrmConnector> connectors, CrmProperties properties, LeadTaskRepository tasks,
      LeadTaskEventRepository history, ContactDirectory contacts, Routing routing, Clock clock,
      PlatformTransactionManager transactions) {
    this.connector = choose(connectors, properties.target());
    this.properties = properties;
    this.tasks = tasks;
    this.history = history;
    this.contacts = contacts;
    this.routing = routing;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
    connector.ifPresent(c -> LOG.info("Hot-lead tasks are copied to {}", c.system()));
  }

  private static Optional<CrmConnector> choose(List<CrmConnector> connectors, String target) {
    if (target != null && !target.isBlank()) {
      return Optional.of(connectors.stream().filter(c -> c.system().equals(target)).findFirst()
          .orElseThrow(() -> new IllegalStateException("waymark.crm.target is " + target + ", which is not configured"
              + " (configured: " + connectors.stream().map(CrmConnector::system).toList() + ")")));
    }
    if (connectors.size() > 1) {
      throw new IllegalStateException("both " + connectors.stream().map(CrmConnector::system).toList()
          + " are configured: set waymark.crm.target to the one that takes hot-lead tasks");
    }
    return connectors.stream().findFirst();
  }

  /** The CRM new tasks are copied to; empty when none is configured. */
  Optional<String> targetSystem() {
    return connector.map(CrmConnector::system);
  }

  /** The first attempt, right after the task is committed (the retry poll covers a crash before it). */
  @Async
  @TransactionalEventListener
  void on(LeadTaskCreated created) {
    if (connector.isPresent()) {
      attempt(created.taskId(), false);
    }
  }

  @Scheduled(initialDelayString = "${waymark.crm.sync.poll:PT15S}", fixedDelayString = "${waymark.crm.sync.poll:PT15S}")
  void retryDue() {
    if (connector.isEmpty()) {
      return;
    }
    List<Long> due = transaction.execute(status -> tasks.dueForSync(clock.instant(), PageRequest.of(0, 50)));
    due.forEach(id -> attempt(id, true));
  }

  /**
   * One attempt to copy task {@code taskId} to the CRM (a retry only when due); records the outcome on the task,
   * never throws. The attempt first claims the task (row version), so no two attempts call the CRM for it at once.
   */
  void attempt(long taskId, boolean retry) {
    CrmConnector crm = connector.orElseThrow();
    Optional<CrmTaskRequest> request;
    try {
      request = transaction.execute(status -> tasks.findById(taskId)
          .filter(t -> t.claimCrmAttempt(clock.instant(), clock.instant().plus(CLAIM), retry))
          .map(t -> request(t, crm.system())));
    } catch (OptimisticLockingFailureException concurrent) {
      return; // another attempt claimed it
    } catch (InvalidInputException e) {
      String reason = "cannot be sent to " + crm.system() + ": " + e.getMessage();
      record(taskId, task -> {
        task.syncFailed(reason, null);
        return new LeadTaskEvent(taskId, clock.instant(), "CRM_REJECTED", "system", reason);
      });
      return;
    }
    if (request.isEmpty()) {
      return;
    }
    try {
      CrmTaskRef ref = crm.upsertTask(request.get());
      record(taskId, task -> {
        task.synced(ref.externalId());
        return new LeadTaskEvent(taskId, clock.instant(), "CRM_SYNCED", crm.system(),
            (ref.created() ? "created " : "found ") + ref.externalId());
      });
    } catch (CrmRejectedException e) {
      LOG.warn("{} refused task {}: {}", crm.system(), taskId, e.getMessage());
      record(taskId, task -> {
        task.syncFailed(e.getMessage(), null);
        return new LeadTaskEvent(taskId, clock.instant(), "CRM_REJECTED", crm.system(), e.getMessage());
      });
    } catch (RuntimeException e) {
      record(taskId, task -> {
        boolean giveUp = task.crmAttempts() + 1 >= properties.sync().maxAttempts();
        Instant next = giveUp ? null : clock.instant().plus(properties.sync().backoff(task.crmAttempts() + 1));
        String reason = e.getMessage() + (giveUp ? " (gave up after " + (task.crmAttempts() + 1) + " attempts)" : "");
        task.syncFailed(reason, next);
        LOG.info("{} unavailable for task {} ({}); next attempt {}", crm.system(), taskId, e.getMessage(), next);
        return new LeadTaskEvent(taskId, clock.instant(), giveUp ? "CRM_REJECTED" : "CRM_FAILED", crm.system(),
            reason + (next == null ? "" : "; next attempt " + LeadInbox.TIME.format(next)));
      });
    }
  }

  private void record(long taskId, java.util.function.Function<LeadTask, LeadTaskEvent> change) {
    try {
      transaction.executeWithoutResult(status -> tasks.findById(taskId)
          .filter(t -> t.crmSync() == LeadTask.Sync.PENDING)
          .ifPresent(task -> history.save(change.apply(task))));
    } catch (OptimisticLockingFailureException concurrent) {
      LOG.debug("Task {} was synced by a concurrent attempt", taskId);
    }
  }

  private CrmTaskRequest request(LeadTask task, String system) {
    LeadInbox.Task view = task.toView();
    ContactView contact = contacts.find(new ContactId(task.contactId()))
        .orElseThrow(() -> new IllegalStateException("task " + task.id() + ": no contact " + task.contactId()));
    String name = ((contact.firstName() == null ? "" : contact.firstName()) + " "
        + (contact.lastName() == null ? "" : contact.lastName())).strip();
    String subject = "Call back " + (name.isEmpty() ? contact.phone() : name);
    String body = "Hot lead: " + LeadInbox.signal(view.signal()) + "\nSLA: " + task.sla() + "\nRouted: "
        + view.routedBy() + "\n\nConversation so far:\n"
        + (view.conversation() == null || view.conversation().isEmpty() ? "(none)" : view.conversation());
    String owner = routing.ownerCrmId(task.ownerId(), system);
    Map<String, String> attributes = contact.attributes() == null ? Map.of() : contact.attributes();
    return new CrmTaskRequest(task.id(), subject, body, task.dueAt(),
        CrmPriority.valueOf(view.priority().name()), view.tags(), owner,
        new CrmContact(task.contactId(), contact.phone(), contact.email(), contact.firstName(), contact.lastName(),
            attributes.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                Map.Entry::getValue))));
  }
}
