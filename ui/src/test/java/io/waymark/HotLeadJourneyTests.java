package io.waymark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.crm.LeadInbox;
import io.waymark.platform.journey.JourneyRuns;
import io.waymark.platform.messaging.EmailSender;
import io.waymark.platform.messaging.SmsSandbox;
import io.waymark.workflows.testing.InMemoryEngine;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Hot leads end to end: a HOT reply to lead-follow-up or an intent event becomes a task in the lead inbox, routed by the
 * demo routing ({@code crm/demo-routing.json}), and the journey waits for its acceptance or escalates on the SLA timer.
 * The real workers, the sandbox provider, the email outbox and the engine clock.
 */
@EngineTest
class HotLeadJourneyTests extends EngineTest.Base {

  @Autowired MockMvc mvc;
  @Autowired SmsSandbox sandbox;
  @Autowired EmailSender email;
  @Autowired JourneyRuns runs;
  @Autowired LeadInbox inbox;
  @Autowired ContactDirectory contacts;

  private final String eventId = "hot-" + UUID.randomUUID();
  private final String phone = "+1415556" + String.format("%04d", Math.floorMod(eventId.hashCode(), 10_000));

  private void postEvent(String type) throws Exception {
    mvc.perform(post("/api/v1/events").contentType(MediaType.APPLICATION_JSON).content("""
            {"eventId": "%s", "type": "%s",
             "contact": {"phone": "%s", "firstName": "Maya", "email": "maya@example.com"},
             "consent": {"topics": ["promotions"], "channel": "web-form", "text": "Yes, text me"},
             "attributes": {"page": "/pricing"}}
            """.formatted(eventId, type, phone)))
        .andExpect(status().isAccepted());
  }

  private JourneyRuns.Run awaitRun(String status) {
    return await().atMost(Duration.ofSeconds(20)).until(() -> runs.findByEventId(eventId).orElseThrow(),
        run -> run.status().equals(status));
  }

  private void reply(String body) throws Exception {
    mvc.perform(post("/api/v1/sandbox/replies").contentType(MediaType.APPLICATION_JSON)
            .content("{\"from\": \"%s\", \"body\": \"%s\"}".formatted(phone, body)))
        .andExpect(status().isAccepted());
  }

  /** lead-follow-up up to the HOT answer: the question sent, "1" replied; answers the task it made. */
  private LeadInbox.Task hotReply() throws Exception {
    postEvent("lead.created");
    await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.recorded(phone, 0, 10).stream()
        .anyMatch(m -> m.direction().equals("OUT")));
    awaitRun("RUNNING");
    InMemoryEngine.waitForIdle();
    reply("1");
    return awaitTask();
  }

  private LeadInbox.Task awaitTask() {
    long contactId = contacts.findByPhone(phone).orElseThrow().id().value();
    return await().atMost(Duration.ofSeconds(20)).until(() -> inbox.inbox(null, null, 0, 500).stream()
        .filter(t -> t.contactId() == contactId).findFirst(), java.util.Optional::isPresent).orElseThrow();
  }

  private LeadInbox.Task task(long id) {
    return inbox.find(id).orElseThrow().task();
  }

  private List<EmailSender.Email> escalationMails() {
    return email.outbox(0, 500).stream().filter(m -> m.subject().contains(phone)).toList();
  }

  private void accept(LeadInbox.Task task, String by) throws Exception {
    mvc.perform(post("/api/v1/leads/{id}/accept", task.id()).contentType(MediaType.APPLICATION_JSON)
        .content("{\"by\": \"" + by + "\"}")).andExpect(status().isOk());
  }

  @Test
  void aHotReplyBecomesATaskForARepAndTheJourneyEndsWhenItIsAcceptedInTime() throws Exception {
    LeadInbox.Task task = hotReply();

    assertThat(task.ownerId()).isIn("rep", "rep2");
    assertThat(task.signal().type()).isEqualTo("REPLY");
    assertThat(task.signal().text()).isEqualTo("1");
    assertThat(task.tags()).containsExactly("Hot Lead");
    assertThat(task.conversation()).contains("us: Hi Maya, thanks for your enquiry", "contact: 1");
    assertThat(task.routedBy()).startsWith("everyone else");
    assertThat(Duration.between(task.createdAt(), task.dueAt())).isEqualTo(Duration.ofMinutes(15));
    assertThat(awaitRun("RUNNING").outcome()).isNull(); // waiting for the rep

    accept(task, task.ownerId());

    assertThat(awaitRun("ENDED").outcome()).isEqualTo("HOT_LEAD");
    assertThat(task(task.id()).status()).isEqualTo("ACCEPTED");
    assertThat(escalationMails()).isEmpty();
    mvc.perform(get("/api/v1/journey-runs").param("eventId", eventId))
        .andExpect(jsonPath("$.steps[*].jobType").value(org.hamcrest.Matchers.contains(
            "check-consent", "send-sms", "create-crm-task", "record-outcome")));
  }

  @Test
  void aBreachReassignsToTheOtherRepAndEmailsTheManagerThenAcceptanceEndsTheJourney() throws Exception {
    LeadInbox.Task task = hotReply();
    InMemoryEngine.waitForIdle();

    InMemoryEngine.increaseTime(Duration.ofMinutes(16));

    LeadInbox.Task escalated = await().atMost(Duration.ofSeconds(20)).until(() -> task(task.id()),
        t -> t.escalationLevel() == 1);
    assertThat(escalated.ownerId()).isNotEqualTo(task.ownerId()).isIn("rep", "rep2");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(escalationMails())
        .singleElement().satisfies(mail -> {
          assertThat(mail.to()).isEqualTo("morgan@acme.example");
          assertThat(mail.subject()).startsWith("Hot lead not accepted in time");
        }));

    accept(escalated, escalated.ownerId());

    assertThat(awaitRun("ENDED").outcome()).isEqualTo("HOT_LEAD");
  }

  @Test
  void twoBreachesLeaveTheLeadWithTheTeamLead() throws Exception {
    LeadInbox.Task task = hotReply();
    InMemoryEngine.waitForIdle();

    InMemoryEngine.increaseTime(Duration.ofMinutes(16));
    await().atMost(Duration.ofSeconds(20)).until(() -> task(task.id()).escalationLevel() == 1);
    InMemoryEngine.waitForIdle();
    InMemoryEngine.increaseTime(Duration.ofMinutes(16));

    LeadInbox.Task second = await().atMost(Duration.ofSeconds(20)).until(() -> task(task.id()),
        t -> t.escalationLevel() == 2);
    assertThat(second.ownerId()).isEqualTo("terry");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(escalationMails())
        .extracting(EmailSender.Email::to).containsExactlyInAnyOrder("morgan@acme.example", "morgan@acme.example",
            "terry@acme.example"));
    InMemoryEngine.waitForIdle();
    InMemoryEngine.increaseTime(Duration.ofMinutes(16));

    // the third deadline passes: the hand-off ends unaccepted, the run records the hot lead; the task stays open
    assertThat(awaitRun("ENDED").outcome()).isEqualTo("HOT_LEAD");
    assertThat(task(task.id()).status()).isEqualTo("OPEN");
  }

  @Test
  void anOptOutWhileWaitingStopsTheJourneyAndIsNotedOnTheTask() throws Exception {
    LeadInbox.Task task = hotReply();
    InMemoryEngine.waitForIdle();

    reply("STOP");

    assertThat(awaitRun("ENDED").outcome()).isEqualTo("OPTED_OUT");
    await().atMost(Duration.ofSeconds(10)).until(() -> task(task.id()).contactOptedOutAt() != null);
    InMemoryEngine.increaseTime(Duration.ofMinutes(16));
    InMemoryEngine.waitForIdle();
    assertThat(task(task.id()).escalationLevel()).isZero();
  }

  @Test
  void anIntentEventStartsBuyerIntentWhoseTaskIsAcceptedInTime() throws Exception {
    postEvent("pricing.viewed");

    LeadInbox.Task task = awaitTask();

    assertThat(task.signal().type()).isEqualTo("INTENT_EVENT");
    assertThat(task.signal().eventType()).isEqualTo("pricing.viewed");
    assertThat(sandbox.recorded(phone, 0, 10)).isEmpty(); // an intent journey sends no SMS
    accept(task, task.ownerId());
    assertThat(awaitRun("ENDED").outcome()).isEqualTo("ACCEPTED");
  }
}
