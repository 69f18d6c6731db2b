package io.waymark.platform.crm;

import static io.waymark.platform.crm.CrmFixtures.manager;
import static io.waymark.platform.crm.CrmFixtures.rep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.waymark.platform.contact.ContactView;
import io.waymark.platform.messaging.EmailSender;
import io.waymark.platform.messaging.InboundMessages;
import io.waymark.platform.support.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/** The lead inbox: one task per signal, SLA and priority by tags, accepting, escalating, and its API. */
@CrmTest
class LeadInboxTests {

  @Autowired CrmFixtures fixtures;
  @Autowired LeadInbox inbox;
  @Autowired Routing routing;
  @Autowired InboundMessages inbound;
  @Autowired EmailSender email;
  @Autowired ApplicationEvents events;
  @Autowired MockMvc mvc;
  @Autowired Clock clock;

  @BeforeEach
  void routing() {
    // a team of its own so that no other test's assignments change whose turn it is
    fixtures.use(new RoutingDocument(List.of(new RoutingDocument.Team("inbox", "Inbox team", "mona", "tess")),
        List.of(rep("ian", "inbox", null, true), rep("jo", "inbox", null, true), rep("kim", "inbox", null, false)),
        List.of(manager("mona"), manager("tess")), List.of(), "inbox"));
  }

  private LeadInbox.NewLead lead(ContactView contact, String source, List<String> tags) {
    return new LeadInbox.NewLead(source, contact.id().value(), 42L, 4242L,
        new LeadInbox.Signal("REPLY", "1", 7L, null), tags, null, null);
  }

  @Test
  void createsOneTaskPerSignalWithTheConversationSoFar() {
    ContactView contact = fixtures.contact(null, null, null);
    inbound.receive("sandbox", "inbox-" + System.nanoTime(), contact.phone(), "+15005550006", "Yes, call me today");
    String source = CrmFixtures.source();
    Instant before = clock.instant();

    LeadInbox.Created first = inbox.create(lead(contact, source, List.of()));
    LeadInbox.Created again = inbox.create(lead(contact, source, List.of()));

    assertThat(first.created()).isTrue();
    assertThat(again.taskId()).isEqualTo(first.taskId());
    assertThat(again.ownerId()).isEqualTo(first.ownerId());
    assertThat(again.created()).isFalse();
    // MySQL Connector/J sends no fractional seconds to MariaDB (it reads its version as 5.5.5): compare to the second
    assertThat(again.dueAt()).isCloseTo(first.dueAt(), within(1, ChronoUnit.SECONDS));
    LeadInbox.Detail detail = inbox.find(first.taskId()).orElseThrow();
    assertThat(detail.task().status()).isEqualTo("OPEN");
    assertThat(detail.task().tags()).containsExactly("Hot Lead");
    assertThat(detail.task().priority()).isEqualTo(LeadPriority.HIGH);
    assertThat(detail.task().sla()).isEqualTo("PT15M");
    assertThat(detail.task().dueAt()).isBetween(before.truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofMinutes(15)),
        clock.instant().plus(Duration.ofMinutes(15)));
    assertThat(detail.task().conversation()).endsWith("contact: Yes, call me today");
    assertThat(detail.task().crmSync()).isEqualTo("NONE");
    assertThat(detail.history()).singleElement().satisfies(h -> {
      assertThat(h.kind()).isEqualTo("CREATED");
      assertThat(h.detail()).startsWith("REPLY signal; owner " + first.ownerId() + " by fallback team");
    });
    assertThat(events.stream(LeadTaskCreated.class).filter(e -> e.taskId() == first.taskId())).hasSize(1);
  }

  @Test
  void theShortestTagSlaAndTheHighestPriorityApply() {
    LeadInbox.Created created = inbox.create(lead(fixtures.contact(null, null, null), CrmFixtures.source(),
        List.of("support", "VIP")));

    LeadInbox.Task task = inbox.find(created.taskId()).orElseThrow().task();
    assertThat(task.tags()).containsExactly("Support", "VIP");
    assertThat(task.sla()).isEqualTo("PT5M");
    assertThat(task.priority()).isEqualTo(LeadPriority.URGENT);
  }

  @Test
  void slaTimeIsCountedInTheOwnersWorkingHours() {
    String hours = fixtures.closedNow(); // "MON-SUN HH:00-HH+1:00", not now
    int opens = Integer.parseInt(hours.substring(8, 10));
    fixtures.use(new RoutingDocument(List.of(new RoutingDocument.Team("night", "Night", "owl", "owl")),
        List.of(rep("nobody-home", "night", null, false)),
        List.of(new RoutingDocument.Person("owl", "Owl", "owl@acme.example", null, "UTC", hours, true, null, null)),
        List.of(), "night"));
    Instant now = clock.instant();

    LeadInbox.Created created = inbox.create(lead(fixtures.contact(null, null, null), CrmFixtures.source(),
        List.of()));

    ZonedDateTime opening = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).withHour(opens);
    if (opening.toInstant().isBefore(now)) {
      opening = opening.plusDays(1);
    }
    assertThat(created.ownerId()).isEqualTo("owl");
    assertThat(created.dueAt()).isEqualTo(opening.toInstant().plus(Duration.ofMinutes(15)));
  }

  @Test
  void badInputIsRefusedNamingItAndWritesNothing() {
    ContactView contact = fixtures.contact(null, null, null);
    String source = CrmFixtures.source();
    LeadInbox.NewLead bad = new LeadInbox.NewLead(source, contact.id().value(), null, null,
        new LeadInbox.Signal("SHOUT", null, null, null), List.of("Hot Lead", "Urgent"), null, Duration.ZERO);

    assertThatThrownBy(() -> inbox.create(bad)).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.problems()).extracting(p -> p.field() + " " + p.message()).containsExactly(
            "leadSignal.type must be one of [INTENT_EVENT, LINK_CLICK, REPLY], not SHOUT",
            "tags unknown tag 'Urgent' (tags: Hot Lead, VIP, Support, Billing)",
            "sla must be a positive duration, not PT0S"));
    assertThat(inbox.inbox(null, null, 0, 500)).noneMatch(t -> t.contactId() == contact.id().value());
  }

  @Test
  void theOwnerAcceptsOnceAndTheJourneyIsTold() {
    LeadInbox.Created created = inbox.create(lead(fixtures.contact(null, null, null), CrmFixtures.source(),
        List.of()));
    String stranger = created.ownerId().equals("ian") ? "jo" : "ian";

    assertThatThrownBy(() -> inbox.accept(created.taskId(), stranger))
        .isInstanceOf(LeadInbox.ForbiddenException.class).hasMessageContaining("is assigned to " + created.ownerId());
    LeadInbox.Task accepted = inbox.accept(created.taskId(), created.ownerId());
    inbox.accept(created.taskId(), created.ownerId());

    assertThat(accepted.status()).isEqualTo("ACCEPTED");
    assertThat(accepted.acceptedVia()).isEqualTo("INBOX");
    assertThat(accepted.timeToAcceptMs()).isNotNegative();
    assertThat(events.stream(LeadAccepted.class).filter(e -> e.taskId() == created.taskId()))
        .containsExactly(new LeadAccepted(created.taskId(), created.ownerId(), "INBOX"));
    assertThatThrownBy(() -> inbox.accept(created.taskId(), "mona")) // the manager, too late
        .isInstanceOf(LeadInbox.ConflictException.class).hasMessageContaining("was accepted by " + created.ownerId());
  }

  @Test
  void aFirstBreachGoesToTheNextRepAndTellsTheManagerOnce() {
    ContactView contact = fixtures.contact(null, null, null);
    LeadInbox.Created created = inbox.create(lead(contact, CrmFixtures.source(), List.of()));
    String next = created.ownerId().equals("ian") ? "jo" : "ian";
    Instant now = clock.instant();

    LeadInbox.Escalation first = inbox.escalate(created.taskId(), 1, null, null);
    LeadInbox.Escalation repeated = inbox.escalate(created.taskId(), 1, null, null);

    assertThat(first.ownerId()).isEqualTo(next);
    assertThat(first.reassigned()).isTrue();
    assertThat(first.dueAt()).isAfterOrEqualTo(now.plus(Duration.ofMinutes(15)));
    assertThat(repeated.ownerId()).isEqualTo(next);
    assertThat(repeated.reassigned()).isFalse();
    assertThat(mailsAbout(contact)).singleElement().satisfies(mail -> {
      assertThat(mail.to()).isEqualTo("mona@acme.example");
      assertThat(mail.subject()).isEqualTo("Hot lead not accepted in time: Jane " + contact.phone());
      assertThat(mail.body()).contains("was not accepted within its SLA of PT15M", "It is now with ", "(" + next + ")", "Signal: REPLY: 1");
    });
    assertThat(inbox.find(created.taskId()).orElseThrow().history()).extracting(LeadInbox.HistoryLine::kind)
        .containsExactly("CREATED", "ESCALATED");
  }

  @Test
  void aSecondBreachGoesToTheTeamLeadAndTellsTheManagerToo() {
    ContactView contact = fixtures.contact(null, null, null);
    LeadInbox.Created created = inbox.create(lead(contact, CrmFixtures.source(), List.of()));

    inbox.escalate(created.taskId(), 1, null, null);
    LeadInbox.Escalation second = inbox.escalate(created.taskId(), 2, "boss@acme.example", Duration.ofMinutes(30));

    assertThat(second.ownerId()).isEqualTo("tess");
    assertThat(second.level()).isEqualTo(2);
    assertThat(mailsAbout(contact)).extracting(EmailSender.Email::to)
        .containsExactlyInAnyOrder("mona@acme.example", "boss@acme.example", "tess@acme.example");
    assertThat(inbox.find(created.taskId()).orElseThrow().task().escalationLevel()).isEqualTo(2);
  }

  @Test
  void aFirstBreachWithNobodyElseAvailableGoesToTheManager() {
    fixtures.use(new RoutingDocument(List.of(new RoutingDocument.Team("solo", "Solo", "mona", "tess")),
        List.of(rep("sol", "solo", null, true)), List.of(manager("mona"), manager("tess")), List.of(), "solo"));
    LeadInbox.Created created = inbox.create(lead(fixtures.contact(null, null, null), CrmFixtures.source(),
        List.of()));

    assertThat(inbox.escalate(created.taskId(), 1, null, null).ownerId()).isEqualTo("mona");
  }

  @Test
  void aLeadAcceptedBeforeTheTimerFiredIsNotEscalated() {
    ContactView contact = fixtures.contact(null, null, null);
    LeadInbox.Created created = inbox.create(lead(contact, CrmFixtures.source(), List.of()));
    inbox.accept(created.taskId(), created.ownerId());

    LeadInbox.Escalation escalation = inbox.escalate(created.taskId(), 1, null, null);

    assertThat(escalation.reassigned()).isFalse();
    assertThat(escalation.ownerId()).isEqualTo(created.ownerId());
    assertThat(mailsAbout(contact)).isEmpty();
  }

  @Test
  void reassigningNamesAnUnknownOwnerAndAnOptOutIsNoted() {
    LeadInbox.Created created = inbox.create(lead(fixtures.contact(null, null, null), CrmFixtures.source(),
        List.of()));

    assertThatThrownBy(() -> inbox.reassign(created.taskId(), "ghost", "mona", null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problem())
            .isEqualTo("unknown owner 'ghost': not a rep or manager of the routing"));
    assertThat(inbox.reassign(created.taskId(), "kim", "mona", "knows the account").ownerId()).isEqualTo("kim");
    LeadInbox.Task task = inbox.find(created.taskId()).orElseThrow().task();
    inbox.contactOptedOut(task.contactId(), clock.instant());

    assertThat(inbox.find(created.taskId()).orElseThrow().history()).extracting(LeadInbox.HistoryLine::kind)
        .containsExactly("CREATED", "REASSIGNED", "CONTACT_OPTED_OUT");
    assertThat(inbox.find(created.taskId()).orElseThrow().task().contactOptedOutAt()).isNotNull();
  }

  @Test
  void theApiListsAnOwnersLeadsAndRefusesOthersActions() throws Exception {
    LeadInbox.Created created = inbox.create(lead(fixtures.contact(null, null, null), CrmFixtures.source(),
        List.of()));
    String stranger = created.ownerId().equals("ian") ? "jo" : "ian";

    mvc.perform(get("/api/v1/leads").param("owner", created.ownerId()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.id == " + created.taskId() + ")].status").value("OPEN"));
    mvc.perform(post("/api/v1/leads/{id}/accept", created.taskId()).contentType(MediaType.APPLICATION_JSON)
        .content("{\"by\": \"" + stranger + "\"}")).andExpect(status().isForbidden());
    mvc.perform(post("/api/v1/leads/{id}/contacted", created.taskId()).contentType(MediaType.APPLICATION_JSON)
        .content("{\"by\": \"" + created.ownerId() + "\"}"))
        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CONTACTED"));
    mvc.perform(get("/api/v1/leads/{id}", created.taskId()))
        .andExpect(jsonPath("$.history[*].kind").value(org.hamcrest.Matchers.contains("CREATED", "ACCEPTED",
            "CONTACTED")));
    mvc.perform(get("/api/v1/leads").param("status", "LOST")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").value("must be OPEN, ACCEPTED or CONTACTED, not LOST"));
    mvc.perform(get("/api/v1/leads/{id}", 999_999_999)).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/leads/time-to-accept").param("to", clock.instant().plusSeconds(60).toString()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.count").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
  }

  private List<EmailSender.Email> mailsAbout(ContactView contact) {
    return email.outbox(0, 500).stream().filter(mail -> mail.subject().contains(contact.phone())).toList();
  }
}
