package io.waymark.ui.leads;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.crm.LeadInbox;
import io.waymark.platform.crm.Routing;
import io.waymark.platform.crm.RoutingDocument;
import io.waymark.platform.governance.Role;
import io.waymark.platform.messaging.Conversations;
import io.waymark.ui.layout.MainLayout;
import io.waymark.ui.layout.PagedRows;
import io.waymark.ui.security.SignedIn;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The lead inbox, the first screen of a sales rep: their live hot-lead tasks (OPEN and ACCEPTED; the signed-in
 * username is the rep id of the routing), soonest due first with the time left until the SLA runs out, and the selected
 * task's detail ({@link LeadDetail}: signal, conversation, contact, consent, history; accept, mark contacted,
 * reassign). New and accepted tasks appear without a page reload ({@link LeadBroadcaster}, server push); the grid also
 * refreshes every {@link #REFRESH_MILLIS} for changes no event announces (escalations, reassignments by others). An
 * ADMIN, who is no rep, sees every owner's tasks and may pick one owner ({@code lead-owner}).
 *
 * <p>Component ids: {@code lead-inbox} (the view), {@code lead-tasks} (the grid; column keys {@code time-left},
 * {@code priority}, {@code tags}, {@code signal}, {@code contact}, {@code status}, {@code owner}), {@code lead-owner},
 * and those of {@link LeadDetail}.
 */
@Route(value = "leads", layout = MainLayout.class)
@PageTitle("Lead inbox · Waymark")
@RolesAllowed({"SALES_REP", "ADMIN"})
public class LeadInboxView extends Main {

  static final int REFRESH_MILLIS = 30_000;

  /** A task as the grid shows it, with its contact's name. */
  record Row(LeadInbox.Task task, String contact) {
  }

  final Grid<Row> tasks = new Grid<>();
  final ComboBox<RoutingDocument.Person> owner = new ComboBox<>("Owner");
  final LeadDetail detail;

  private final LeadInbox inbox;
  private final ContactDirectory contacts;
  private final LeadBroadcaster broadcaster;
  private final Clock clock;
  private final String username;
  private final boolean seesEveryOwner;
  private Registration broadcast;
  private Registration poll;

  public LeadInboxView(LeadInbox inbox, Routing routing, ContactDirectory contacts, Conversations conversations,
      ConsentLedger consent, LeadBroadcaster broadcaster, AuthenticationContext authentication, Clock clock) {
    this.inbox = inbox;
    this.contacts = contacts;
    this.broadcaster = broadcaster;
    this.clock = clock;
    this.username = authentication.getPrincipalName().orElseThrow();
    Set<Role> roles = SignedIn.roles();
    this.seesEveryOwner = roles.contains(Role.ADMIN) && !roles.contains(Role.SALES_REP);
    setId("lead-inbox");
    getStyle().set("padding", "var(--lumo-space-m)");

    List<RoutingDocument.Person> people = routingPeople(routing);
    detail = new LeadDetail(inbox, contacts, conversations, consent, username, people, clock, this::changed);

    owner.setId("lead-owner");
    owner.setItems(people);
    owner.setItemLabelGenerator(LeadDetail::label);
    owner.setClearButtonVisible(true);
    owner.setPlaceholder("every owner");
    owner.setVisible(seesEveryOwner);
    owner.addValueChangeListener(e -> tasks.getDataProvider().refreshAll());

    tasks.setId("lead-tasks");
    tasks.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    tasks.addComponentColumn(row -> timeLeft(row.task())).setKey("time-left").setHeader("Time left")
        .setAutoWidth(true);
    tasks.addColumn(row -> row.task().priority()).setKey("priority").setHeader("Priority").setAutoWidth(true);
    tasks.addColumn(row -> String.join(", ", row.task().tags())).setKey("tags").setHeader("Tags").setAutoWidth(true);
    tasks.addColumn(row -> LeadDetail.signal(row.task().signal())).setKey("signal").setHeader("Signal")
        .setFlexGrow(1);
    tasks.addColumn(Row::contact).setKey("contact").setHeader("Contact").setAutoWidth(true);
    tasks.addColumn(row -> row.task().status()).setKey("status").setHeader("Status").setAutoWidth(true);
    tasks.addColumn(row -> row.task().ownerId()).setKey("owner").setHeader("Owner").setAutoWidth(true)
        .setVisible(seesEveryOwner);
    tasks.setItems(query -> PagedRows.rows(query.getOffset(), query.getLimit(), this::page).stream())
        .setIdentifierProvider(row -> row.task().id());
    tasks.addSelectionListener(e -> detail.show(e.getFirstSelectedItem().map(row -> row.task().id()).orElse(null)));
    tasks.setSizeFull();

    SplitLayout split = new SplitLayout(tasks, detail);
    split.setSplitterPosition(55);
    split.setSizeFull();
    split.setHeight("640px");
    add(new H1("Lead inbox"), new Paragraph(seesEveryOwner
        ? "Live hot-lead tasks of every owner, soonest due first."
        : "Your live hot-lead tasks, soonest due first: accept each before its time runs out, or it goes to the "
            + "next rep and your manager hears of it."), owner, split);
  }

  private List<Row> page(int page, int size) {
    String ownerId = !seesEveryOwner ? username : owner.isEmpty() ? null : owner.getValue().id();
    List<Row> rows = new ArrayList<>();
    for (LeadInbox.Task task : inbox.inbox(ownerId, Set.of(), page, size)) {
      rows.add(new Row(task, contacts.find(new ContactId(task.contactId()))
          .map(c -> Stream.of(c.firstName(), c.lastName()).filter(Objects::nonNull)
              .reduce((a, b) -> a + " " + b).orElse("contact " + c.id().value()))
          .orElse("contact " + task.contactId())));
    }
    return rows;
  }

  private Component timeLeft(LeadInbox.Task task) {
    if ("OPEN".equals(task.status())) {
      return new Countdown(task.dueAt(), clock.instant());
    }
    return new Span("accepted by " + task.acceptedBy());
  }

  /** After an action here: the grid and the detail again. */
  private void changed() {
    tasks.getDataProvider().refreshAll();
    detail.refresh();
  }

  /** A task was created or accepted somewhere (runs in this UI's lock). */
  void onChange(LeadBroadcaster.Change change) {
    tasks.getDataProvider().refreshAll();
    if (detail.showing(change.taskId())) {
      detail.refresh();
    }
    if ("CREATED".equals(change.kind()) && username.equals(change.ownerId())) {
      Notification.show("New hot lead #" + change.taskId(), 5000, Notification.Position.TOP_END);
    }
  }

  private static List<RoutingDocument.Person> routingPeople(Routing routing) {
    return routing.current().map(document -> Stream.concat(
        document.reps() == null ? Stream.<RoutingDocument.Person>empty() : document.reps().stream(),
        document.managers() == null ? Stream.<RoutingDocument.Person>empty() : document.managers().stream())
        .toList()).orElse(List.of());
  }

  @Override
  protected void onAttach(AttachEvent attach) {
    broadcast = broadcaster.register(attach.getUI(), this::onChange);
    attach.getUI().setPollInterval(REFRESH_MILLIS);
    poll = attach.getUI().addPollListener(e -> tasks.getDataProvider().refreshAll());
  }

  @Override
  protected void onDetach(DetachEvent detach) {
    broadcast.remove();
    poll.remove();
    detach.getUI().setPollInterval(-1);
  }
}
