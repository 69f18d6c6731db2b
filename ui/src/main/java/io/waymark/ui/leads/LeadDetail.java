package io.waymark.ui.leads;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.crm.LeadInbox;
import io.waymark.platform.crm.RoutingDocument;
import io.waymark.platform.messaging.Conversations;
import io.waymark.platform.support.InvalidInputException;
import io.waymark.ui.security.SignedIn;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * One lead task in the inbox: what made the lead hot, the time left, the conversation, the contact (full phone number
 * for reps, masked for roles that need none) and their consent per topic, the task's history; and what the signed-in
 * user may do with it through {@link LeadInbox}: accept, mark contacted, reassign to another person of the routing with
 * a reason. The facade decides who may act (the owner, their manager or team lead); its refusals show as notifications.
 *
 * <p>Component ids: {@code lead-detail}, {@code lead-title}, {@code lead-time-left}, {@code lead-signal},
 * {@code lead-conversation}, {@code lead-contact}, {@code lead-consent}, {@code lead-history}, {@code lead-accept},
 * {@code lead-contacted}, {@code lead-reassign-to}, {@code lead-reassign-reason}, {@code lead-reassign}.
 */
class LeadDetail extends VerticalLayout {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);

  /** The reassign form's values. */
  static final class Reassignment {
    RoutingDocument.Person to;
    String reason = "";
  }

  final H3 title = new H3();
  final Div timeLeft = new Div();
  final Paragraph signal = new Paragraph();
  final Div conversation = new Div();
  final Div contact;
  final Div consent;
  final Div history = new Div();
  final Button accept = new Button("Accept");
  final Button contacted = new Button("Mark contacted");
  final ComboBox<RoutingDocument.Person> reassignTo = new ComboBox<>("Reassign to");
  final TextField reason = new TextField("Reason");
  final Button reassign = new Button("Reassign");
  final Binder<Reassignment> form = new Binder<>();

  private final LeadInbox inbox;
  private final ContactDirectory contacts;
  private final Conversations conversations;
  private final ContactCard card;
  private final String username;
  private final Clock clock;
  private final Runnable changed;
  private final VerticalLayout body = new VerticalLayout();
  private final Paragraph empty = new Paragraph("Select a lead to see the conversation and act on it.");
  private Long taskId;

  LeadDetail(LeadInbox inbox, ContactDirectory contacts, Conversations conversations, ConsentLedger ledger,
      String username, List<RoutingDocument.Person> people, Clock clock, Runnable changed) {
    this.inbox = inbox;
    this.contacts = contacts;
    this.conversations = conversations;
    this.username = username;
    this.clock = clock;
    this.changed = changed;
    this.card = new ContactCard(ledger, SignedIn.seesFullPhoneNumbers());
    this.contact = card.contact;
    this.consent = card.consent;
    setId("lead-detail");
    title.setId("lead-title");
    timeLeft.setId("lead-time-left");
    signal.setId("lead-signal");
    conversation.setId("lead-conversation");
    history.setId("lead-history");
    accept.setId("lead-accept");
    accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    accept.addClickListener(e -> act(() -> inbox.accept(taskId, username), "Accepted"));
    contacted.setId("lead-contacted");
    contacted.addClickListener(e -> act(() -> inbox.markContacted(taskId, username), "Marked contacted"));
    reassignTo.setId("lead-reassign-to");
    reassignTo.setItems(people);
    reassignTo.setItemLabelGenerator(LeadDetail::label);
    reason.setId("lead-reassign-reason");
    reason.setMaxLength(200);
    reassign.setId("lead-reassign");
    reassign.addClickListener(e -> reassign());
    form.forField(reassignTo).asRequired("Choose who takes the lead").bind(r -> r.to, (r, to) -> r.to = to);
    form.forField(reason).bind(r -> r.reason, (r, text) -> r.reason = text);
    form.setBean(new Reassignment());

    HorizontalLayout actions = new HorizontalLayout(accept, contacted);
    HorizontalLayout handOver = new HorizontalLayout(reassignTo, reason, reassign);
    handOver.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    body.setPadding(false);
    body.add(title, timeLeft, signal, actions, handOver, new H2("Conversation"), conversation, new H2("Contact"),
        contact, new H2("Consent"), consent, new H2("History"), history);
    add(empty, body);
    show(null);
  }

  static String label(RoutingDocument.Person person) {
    return person.name() + " (" + person.id() + ")";
  }

  static String signal(LeadInbox.Signal signal) {
    return signal.type() + (signal.eventType() == null ? "" : " " + signal.eventType())
        + (signal.text() == null ? "" : ": " + signal.text());
  }

  boolean showing(long id) {
    return taskId != null && taskId == id;
  }

  /** Shows task {@code id} (nothing for null). */
  void show(Long id) {
    taskId = id;
    form.setBean(new Reassignment());
    refresh();
  }

  /** Reads the shown task again. */
  void refresh() {
    LeadInbox.Detail detail = taskId == null ? null : inbox.find(taskId).orElse(null);
    empty.setVisible(detail == null);
    body.setVisible(detail != null);
    if (detail == null) {
      return;
    }
    LeadInbox.Task task = detail.task();
    title.setText("Lead #" + task.id() + " · " + task.status() + " · " + task.priority() + " · "
        + String.join(", ", task.tags()));
    timeLeft.removeAll();
    timeLeft.add(new Span("Owner " + task.ownerId() + (task.escalationLevel() > 0 ? " (escalated "
        + task.escalationLevel() + "×)" : "") + ", due " + TIME.format(task.dueAt()) + ": "));
    timeLeft.add(task.status().equals("OPEN") ? new Countdown(task.dueAt(), clock.instant())
        : new Span(task.status().toLowerCase() + (task.acceptedBy() == null ? "" : " by " + task.acceptedBy())));
    signal.setText("Signal: " + signal(task.signal()));
    accept.setEnabled(task.status().equals("OPEN"));
    contacted.setEnabled(!task.status().equals("CONTACTED"));
    reassign.setEnabled(!task.status().equals("CONTACTED"));
    reassignTo.setEnabled(reassign.isEnabled());
    reason.setEnabled(reassign.isEnabled());
    showConversation(task);
    contacts.find(new ContactId(task.contactId())).ifPresentOrElse(card::show, () -> card.gone(task.contactId()));
    history.removeAll();
    detail.history().forEach(line -> history.add(new Paragraph(TIME.format(line.at()) + " " + line.kind() + " by "
        + line.actor() + (line.detail() == null ? "" : ": " + line.detail()))));
  }

  private void showConversation(LeadInbox.Task task) {
    conversation.removeAll();
    List<Conversations.Line> lines = conversations.recent(task.contactId(), 20);
    if (lines.isEmpty()) {
      conversation.add(new Paragraph(task.conversation() == null || task.conversation().isBlank()
          ? "No messages." : task.conversation()));
    }
    for (Conversations.Line line : lines) {
      Paragraph text = new Paragraph(TIME.format(line.at()) + (line.direction() == Conversations.Direction.IN
          ? " contact: " : " us: ") + line.body() + (line.note() == null ? "" : " (" + line.note() + ")"));
      if (line.direction() == Conversations.Direction.IN) {
        text.getStyle().set("font-weight", "600");
      }
      conversation.add(text);
    }
  }

  private void reassign() {
    if (!form.validate().isOk()) {
      return;
    }
    Reassignment values = form.getBean();
    act(() -> inbox.reassign(taskId, values.to.id(), username, values.reason), "Reassigned to " + label(values.to));
  }

  private void act(Supplier<LeadInbox.Task> action, String done) {
    if (taskId == null) {
      return;
    }
    try {
      action.get();
      form.setBean(new Reassignment());
      Notification.show(done + ": lead #" + taskId, 3000, Notification.Position.BOTTOM_START);
    } catch (LeadInbox.ForbiddenException | LeadInbox.ConflictException | LeadInbox.NotFoundException e) {
      error(e.getMessage());
    } catch (OptimisticLockingFailureException e) {
      error("Someone else changed lead #" + taskId + " at the same moment: it is shown again as it is now");
    } catch (InvalidInputException e) {
      for (InvalidInputException.Problem problem : e.problems()) {
        if (problem.field().equals("to")) {
          reassignTo.setInvalid(true);
          reassignTo.setErrorMessage(problem.message());
        } else {
          error(problem.field() + ": " + problem.message());
        }
      }
      return;
    }
    changed.run();
  }

  private static void error(String message) {
    Notification notification = Notification.show(message, 6000, Notification.Position.MIDDLE);
    notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
  }
}
