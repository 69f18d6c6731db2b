package io.waymark.ui.leads;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import io.waymark.platform.crm.LeadAccepted;
import io.waymark.platform.crm.LeadTaskCreated;
import jakarta.annotation.PreDestroy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the open lead inboxes that a task was created or accepted, once its transaction committed, so that they
 * refresh without a page reload (server push, {@code AppShell}). The event is handed to each UI with
 * {@link UI#access} from a thread of its own: the committing thread (a job worker, another rep's request) never waits
 * for a UI, and a UI's refresh never runs inside the finished transaction. A UI that is gone is forgotten.
 */
@Component
class LeadBroadcaster {

  private static final Logger LOG = LoggerFactory.getLogger(LeadBroadcaster.class);

  /** What happened to which task; {@code ownerId} is null for an acceptance (the inbox refreshes whoever owns it). */
  record Change(long taskId, String ownerId, String kind) {
  }

  private record Listener(UI ui, Consumer<Change> onChange) {
  }

  private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
  private final ExecutorService dispatch = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "lead-inbox-push");
    thread.setDaemon(true);
    return thread;
  });

  /** {@code onChange} runs in {@code ui}'s session lock for every change until the registration is removed. */
  Registration register(UI ui, Consumer<Change> onChange) {
    Listener listener = new Listener(ui, onChange);
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(LeadTaskCreated created) {
    broadcast(new Change(created.taskId(), created.ownerId(), "CREATED"));
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(LeadAccepted accepted) {
    broadcast(new Change(accepted.taskId(), null, "ACCEPTED"));
  }

  private void broadcast(Change change) {
    if (listeners.isEmpty()) {
      return;
    }
    try {
      dispatch.execute(() -> {
        for (Listener listener : listeners) {
          try {
            listener.ui().access(() -> listener.onChange().accept(change));
          } catch (UIDetachedException gone) {
            listeners.remove(listener);
          } catch (RuntimeException e) {
            LOG.warn("Could not tell an open lead inbox of {}: {}", change, e.toString());
          }
        }
      });
    } catch (RuntimeException e) {
      // never fail the publisher: its change is committed, the inbox shows it on its next refresh
      LOG.warn("Could not tell the open lead inboxes of {}: {}", change, e.toString());
    }
  }

  @PreDestroy
  void stop() {
    dispatch.shutdownNow();
  }
}
