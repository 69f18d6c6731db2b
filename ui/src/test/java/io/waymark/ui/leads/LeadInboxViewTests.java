package io.waymark.ui.leads;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import io.waymark.EngineTest;
import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.consent.OptIn;
import io.waymark.platform.contact.ContactDetails;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.crm.LeadInbox;
import io.waymark.platform.crm.RoutingDocument;
import io.waymark.platform.governance.Role;
import io.waymark.ui.layout.KaribuViews;
import io.waymark.ui.layout.SignIn;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;


/**
 * The lead inbox, browserless: a task created while a rep's inbox is open appears through the push broadcast;
 * accept, mark contacted and reassign change the task and the grid; the facade's refusals show as notifications;
 * contact details in full with consent; a designer cannot open it.
 */
@EngineTest
class LeadInboxViewTests extends EngineTest.Base {

  @Autowired ApplicationContext context;
  @Autowired LeadInbox inbox;
  @Autowired ContactDirectory contacts;
  @Autowired ConsentLedger consent;
  @Autowired Clock clock;

  @BeforeEach
  void openUi() {
    KaribuViews.open(context);
  }

  @AfterEach
  void closeUi() {
    KaribuViews.close();
  }

  /** A contact whose account owner is {@code owner} (the routing's first rule gives them the lead), opted in. */
  private ContactView contact(String firstName, String owner) {
    String phone = "+1415554" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
    ContactView contact = contacts.upsert(new ContactDetails(phone, null, firstName, "Lead", null, null, "US-CA", null,
        null, owner, null, Map.of()));
    consent.recordOptIn(new OptIn(contact.id(), contact.phone(), List.of("promotions"), "web-form", "Yes, text me.",
        null, clock.instant().minus(Duration.ofDays(1))));
    return contact;
  }

  private LeadInbox.Created lead(ContactView contact, String text) {
    return inbox.create(new LeadInbox.NewLead("ui-test:" + UUID.randomUUID(), contact.id().value(), null, null,
        new LeadInbox.Signal("REPLY", text, null, null), List.of(), null, null));
  }

  private static LeadInboxView open(String username, Role... roles) {
    SignIn.as(username, roles);
    UI.getCurrent().navigate(LeadInboxView.class);
    return _get(LeadInboxView.class);
  }

  private static Optional<LeadInboxView.Row> row(LeadInboxView view, long taskId) {
    return IntStream.range(0, GridKt._size(view.tasks)).mapToObj(i -> GridKt._get(view.tasks, i))
        .filter(r -> r.task().id() == taskId).findFirst();
  }

  private static void select(LeadInboxView view, long taskId) {
    view.tasks.select(row(view, taskId).orElseThrow(() -> new AssertionError("task " + taskId + " is not listed")));
  }

  private static String text(com.vaadin.flow.component.Component component) {
    return component.getElement().getTextRecursively();
  }

  private static List<String> notifications() {
    return NotificationsKt.getNotifications().stream().map(n -> n.getElement().getProperty("text")).toList();
  }

  private static RoutingDocument.Person person(LeadDetail detail, String id) {
    return detail.reassignTo.getListDataView().getItems().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void showsANewLeadWhileTheInboxIsOpenWithoutAReload() {
    LeadInboxView view = open("rep", Role.SALES_REP);
    ContactView contact = contact("Nia", "rep");

    LeadInbox.Created created = lead(contact, "Yes please, call me");

    assertThat(created.ownerId()).isEqualTo("rep");
    await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      MockVaadin.clientRoundtrip();
      assertThat(notifications()).contains("New hot lead #" + created.taskId());
    });
    LeadInboxView.Row row = row(view, created.taskId()).orElseThrow();
    assertThat(GridKt._getFormattedRow(view.tasks, row)).contains("HIGH", "Hot Lead", "REPLY: Yes please, call me",
        "Nia Lead", "OPEN");
    assertThat(((Countdown) GridKt._getCellComponent(view.tasks, rowIndex(view, created.taskId()), "time-left"))
        .getText()).endsWith(" left");
  }

  private static int rowIndex(LeadInboxView view, long taskId) {
    return IntStream.range(0, GridKt._size(view.tasks)).filter(i -> GridKt._get(view.tasks, i).task().id() == taskId)
        .findFirst().orElseThrow();
  }

  @Test
  void acceptsAndMarksContactedAsTheSignedInRep() {
    ContactView contact = contact("Omar", "rep");
    long task = lead(contact, "Interested").taskId();
    LeadInboxView view = open("rep", Role.SALES_REP);
    select(view, task);
    LeadDetail detail = view.detail;
    assertThat(detail.title.getText()).startsWith("Lead #" + task + " · OPEN");
    assertThat(text(detail.contact)).contains("Phone: " + contact.phone(), "Name: Omar Lead");
    assertThat(text(detail.consent)).contains("promotions: OPTED_IN");
    assertThat(detail.signal.getText()).isEqualTo("Signal: REPLY: Interested");

    ButtonKt._click(detail.accept);

    LeadInbox.Task accepted = inbox.find(task).orElseThrow().task();
    assertThat(accepted.status()).isEqualTo("ACCEPTED");
    assertThat(accepted.acceptedBy()).isEqualTo("rep");
    assertThat(accepted.acceptedVia()).isEqualTo("INBOX");
    assertThat(GridKt._getFormattedRow(view.tasks, row(view, task).orElseThrow())).contains("ACCEPTED");
    assertThat(text(GridKt._getCellComponent(view.tasks, rowIndex(view, task), "time-left")))
        .isEqualTo("accepted by rep");
    assertThat(detail.accept.isEnabled()).isFalse();
    assertThat(text(detail.history)).contains("ACCEPTED by rep");

    ButtonKt._click(detail.contacted);

    assertThat(inbox.find(task).orElseThrow().task().status()).isEqualTo("CONTACTED");
    assertThat(row(view, task)).as("a contacted lead leaves the live inbox").isEmpty();
    assertThat(text(detail.history)).contains("CONTACTED by rep");
  }

  @Test
  void reassignsWithAReasonAndAsksForSomeoneFirst() {
    long task = lead(contact("Pia", "rep"), "Call me tomorrow").taskId();
    LeadInboxView view = open("rep", Role.SALES_REP);
    select(view, task);
    LeadDetail detail = view.detail;

    ButtonKt._click(detail.reassign);

    assertThat(detail.reassignTo.isInvalid()).isTrue();
    assertThat(detail.reassignTo.getErrorMessage()).isEqualTo("Choose who takes the lead");
    assertThat(inbox.find(task).orElseThrow().task().ownerId()).isEqualTo("rep");

    detail.reassignTo.setValue(person(detail, "rep2"));
    detail.reason.setValue("on holiday tomorrow");
    ButtonKt._click(detail.reassign);

    LeadInbox.Detail reassigned = inbox.find(task).orElseThrow();
    assertThat(reassigned.task().ownerId()).isEqualTo("rep2");
    assertThat(reassigned.history()).anySatisfy(line -> {
      assertThat(line.kind()).isEqualTo("REASSIGNED");
      assertThat(line.actor()).isEqualTo("rep");
      assertThat(line.detail()).isEqualTo("from rep to rep2: on holiday tomorrow");
    });
    assertThat(row(view, task)).as("no longer the rep's").isEmpty();
    assertThat(notifications()).contains("Reassigned to Robin Rep (rep2): lead #" + task);
  }

  @Test
  void showsTheFacadesRefusalWhenSomeoneElsesLeadIsAccepted() {
    long task = lead(contact("Quinn", "rep2"), "Yes").taskId();
    LeadInboxView view = open("admin", Role.ADMIN);
    view.owner.setValue(view.owner.getListDataView().getItems().filter(p -> p.id().equals("rep2")).findFirst()
        .orElseThrow());
    select(view, task);

    ButtonKt._click(view.detail.accept);

    assertThat(notifications()).anySatisfy(text -> assertThat(text).contains("lead " + task + " is assigned to rep2",
        "only they, their manager or team lead may act on it"));
    assertThat(inbox.find(task).orElseThrow().task().status()).isEqualTo("OPEN");
  }

  @Test
  void keepsADesignerOut() {
    SignIn.as("designer", Role.DESIGNER);

    KaribuViews.assertKeptOut(LeadInboxView.class);
  }
}
