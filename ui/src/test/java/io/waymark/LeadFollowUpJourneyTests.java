package io.waymark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.crm.LeadInbox;
import io.waymark.platform.journey.JourneyCatalog;
import io.waymark.platform.journey.JourneyRuns;
import io.waymark.platform.messaging.EmailSender;
import io.waymark.platform.messaging.SmsSandbox;
import io.waymark.workflows.Journeys;
import io.waymark.workflows.testing.InMemoryEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** lead-follow-up end to end: the HTTP API, the real workers, the sandbox provider and the engine clock. */
@EngineTest
class LeadFollowUpJourneyTests extends EngineTest.Base {

  @Autowired MockMvc mvc;
  @Autowired SmsSandbox sandbox;
  @Autowired EmailSender email;
  @Autowired JourneyRuns runs;
  @Autowired JourneyCatalog catalog;
  @Autowired CamundaClient client;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired LeadInbox inbox;
  @Autowired ContactDirectory contacts;

  /** The question as the lead reads it, its booking link's random code written as {@code <code>} ({@link #texts()}). */
  static final String QUESTION = "Hi Maya, thanks for your enquiry with Acme! Reply 1 if you want to start within 2 "
      + "weeks, 2 for later, or book a call: http://localhost:8080/l/<code> Reply STOP to opt out.";
  private static final java.util.regex.Pattern SHORT_LINK = java.util.regex.Pattern.compile("/l/([0-9A-Za-z]{10})");
  static final String NURTURE_FOLLOW_UP = "Hi Maya, just checking in on your enquiry with Acme. No rush at all. Reply 1 "
      + "when you're ready and a specialist will get in touch.";

  private final String eventId = "lead-" + UUID.randomUUID();
  private final String phone = "+1415555" + String.format("%04d", Math.floorMod(eventId.hashCode(), 10_000));

  private void postLead(boolean withConsent) throws Exception {
    postLead(eventId, withConsent);
  }

  private void postLead(String eventId, boolean withConsent) throws Exception {
    String consent = withConsent
        ? ", \"consent\": {\"topics\": [\"promotions\"], \"channel\": \"web-form\", \"text\": \"Yes, text me\"}" : "";
    mvc.perform(post("/api/v1/events").contentType(MediaType.APPLICATION_JSON).content("""
            {"eventId": "%s", "type": "lead.created",
             "contact": {"phone": "%s", "firstName": "Maya", "email": "maya@example.com"}%s}
            """.formatted(eventId, phone, consent)))
        .andExpect(status().isAccepted());
  }

  private JourneyRuns.Run awaitRun(String status) {
    return awaitRun(eventId, status);
  }

  private JourneyRuns.Run awaitRun(String eventId, String status) {
    return await().atMost(Duration.ofSeconds(15)).until(() -> runs.findByEventId(eventId).orElseThrow(),
        run -> run.status().equals(status));
  }

  private void reply(String body) throws Exception {
    mvc.perform(post("/api/v1/sandbox/replies").contentType(MediaType.APPLICATION_JSON)
            .content("{\"from\": \"%s\", \"body\": \"%s\"}".formatted(phone, body)))
        .andExpect(status().isAccepted());
  }

  /** Waits for the hot-lead task of this lead and has its owner accept it. */
  private void acceptTheHotLead() {
    long contactId = contacts.findByPhone(phone).orElseThrow().id().value();
    LeadInbox.Task task = await().atMost(Duration.ofSeconds(15)).until(() -> inbox.inbox(null, null, 0, 500).stream()
        .filter(t -> t.contactId() == contactId).findFirst(), java.util.Optional::isPresent).orElseThrow();
    inbox.accept(task.id(), task.ownerId());
  }

  /** The texts to the lead, newest first, each short link's code written as {@code <code>}. */
  private List<String> texts() {
    return outgoing().stream().map(body -> SHORT_LINK.matcher(body).replaceAll("/l/<code>")).toList();
  }

  private List<String> outgoing() {
    return sandbox.recorded(phone, 0, 10).stream().filter(m -> m.direction().equals("OUT"))
        .map(SmsSandbox.RecordedMessage::body).toList();
  }

  /** Waits for the {@code count}th text to the lead; answers the texts, newest first. */
  private List<String> awaitTexts(int count) {
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(texts()).hasSize(count));
    return texts();
  }

  private void awaitFirstSms() {
    assertThat(awaitTexts(1)).containsExactly(QUESTION);
  }

  private void awaitWaitingAt(long instance, String elementId) {
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
        InMemoryEngine.assertThatInstance(instance).isWaitingAtElements(elementId));
  }

  @Test
  void asksTheQualifyingQuestionAndEndsWithAHotLeadWhenTheLeadReplies1() throws Exception {
    postLead(true);
    awaitFirstSms();
    awaitWaitingAt(awaitRun("RUNNING").processInstanceKey(), "Gateway_WaitForReply");

    reply("1");
    acceptTheHotLead(); // the hand-off to sales waits for a rep (HotLeadJourneyTests: breaches, escalation)

    assertThat(awaitRun("ENDED").outcome()).isEqualTo("HOT_LEAD");
    assertThat(new ObjectMapper().readValue(
            jdbc.queryForObject("select answers from outbound_message where phone = ?", String.class, phone), Map.class))
        .as("the question's answers, kept to read the reply").isEqualTo(Map.of("1", "HOT", "yes", "HOT", "2", "NOT_NOW",
            "later", "NOT_NOW"));
    mvc.perform(get("/api/v1/sandbox/messages").param("phone", phone))
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].direction").value("IN"));
    mvc.perform(get("/api/v1/journey-runs").param("eventId", eventId))
        .andExpect(jsonPath("$.run.outcome").value("HOT_LEAD"))
        .andExpect(jsonPath("$.steps[*].elementId").value(org.hamcrest.Matchers.contains(
            "Task_CheckConsent", "Task_SendFirstSms", "Task_CreateCrmTask", "Task_RecordHotLead")))
        .andExpect(jsonPath("$.steps[*].jobType").value(org.hamcrest.Matchers.contains(
            "check-consent", "send-sms", "create-crm-task", "record-outcome")))
        .andExpect(jsonPath("$.steps[*].outcome").value(org.hamcrest.Matchers.everyItem(
            org.hamcrest.Matchers.is("COMPLETED"))))
        .andExpect(jsonPath("$.steps[0].processId").value(Journeys.LEAD_FOLLOW_UP));
    long smsId = jdbc.queryForObject("select id from outbound_message where phone = ?", Long.class, phone);
    mvc.perform(get("/api/v1/messages/{id}/why", smsId))
        .andExpect(jsonPath("$.journey.journey").value(Journeys.LEAD_FOLLOW_UP))
        .andExpect(jsonPath("$.journey.step").value("Task_SendFirstSms"))
        .andExpect(jsonPath("$.journey.trigger.eventId").value(eventId))
        .andExpect(jsonPath("$.journey.trigger.eventType").value("lead.created"))
        .andExpect(jsonPath("$.consent.sourceRef").value("event:" + eventId))
        .andExpect(jsonPath("$.policy.verdict").value("SEND"))
        .andExpect(jsonPath("$.message.templateKey").value("lead-follow-up.qualifying-question"))
        .andExpect(jsonPath("$.message.templateVersion").value(1))
        .andExpect(jsonPath("$.summary").value(org.hamcrest.Matchers.startsWith(
            "The lead.created event " + eventId + " started journey lead-follow-up version 1")));
  }

  @Test
  void handsTheLeadToSalesWhenTheLeadOpensTheBookingLinkButNotWhenAPreviewBotDoes() throws Exception {
    postLead(true);
    awaitFirstSms();
    long instance = awaitRun("RUNNING").processInstanceKey();
    awaitWaitingAt(instance, "Gateway_WaitForReply");
    java.util.regex.Matcher link = SHORT_LINK.matcher(outgoing().getFirst());
    assertThat(link.find()).isTrue();

    mvc.perform(get("/l/{code}", link.group(1)).header("User-Agent", "WhatsApp/2.23.20.0 A"))
        .andExpect(status().isFound());
    InMemoryEngine.waitForIdle();
    awaitWaitingAt(instance, "Gateway_WaitForReply");
    mvc.perform(get("/l/{code}", link.group(1)).header("User-Agent",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"))
        .andExpect(status().isFound())
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Location",
            "https://acme.example/book-a-call?utm_source=sms&utm_medium=promotional&utm_campaign=lead-follow-up"));

    long contactId = contacts.findByPhone(phone).orElseThrow().id().value();
    LeadInbox.Task task = await().atMost(Duration.ofSeconds(15)).until(() -> inbox.inbox(null, null, 0, 500).stream()
        .filter(t -> t.contactId() == contactId).findFirst(), java.util.Optional::isPresent).orElseThrow();
    assertThat(task.signal().type()).isEqualTo("LINK_CLICK");
    assertThat(task.signal().text()).contains("/l/" + link.group(1));
    inbox.accept(task.id(), task.ownerId());
    assertThat(awaitRun("ENDED").outcome()).isEqualTo("HOT_LEAD");
    assertThat(jdbc.queryForList("select kind from link_click where code = ? order by id", String.class,
        link.group(1))).containsExactly("PREVIEW", "CLICK");
  }

  @Test
  void nurturesALeadWhoAnswers2AndEndsWithAHotLeadWhenTheFollowUpIsAnsweredYes() throws Exception {
    postLead(true);
    awaitFirstSms();
    long instance = awaitRun("RUNNING").processInstanceKey();
    awaitWaitingAt(instance, "Gateway_WaitForReply");

    reply("2");
    awaitWaitingAt(instance, "Gateway_NurtureWait");
    InMemoryEngine.increaseTime(Duration.ofDays(13));
    InMemoryEngine.waitForIdle();
    assertThat(texts()).as("nothing during the nurture wait").hasSize(1);
    InMemoryEngine.increaseTime(Duration.ofDays(1).plusMinutes(1));

    assertThat(awaitTexts(2)).containsExactly(NURTURE_FOLLOW_UP, QUESTION);
    awaitWaitingAt(instance, "Gateway_WaitForNurtureReply");
    reply("yes");
    acceptTheHotLead();

    JourneyRuns.Run ended = awaitRun("ENDED");
    assertThat(ended.outcome()).isEqualTo("HOT_LEAD");
    mvc.perform(get("/api/v1/journey-runs").param("eventId", eventId))
        .andExpect(jsonPath("$.steps[*].elementId").value(org.hamcrest.Matchers.contains(
            "Task_CheckConsent", "Task_SendFirstSms", "Task_CheckConsentNurtureFollowUp", "Task_SendNurtureFollowUp",
            "Task_CreateCrmTask", "Task_RecordHotLead")));
    assertThat(email.outbox(0, 500)).as("no fallback email for a lead who answered")
        .noneSatisfy(mail -> assertThat(mail.contactId()).isEqualTo(ended.contactId()));
  }

  @Test
  void handsAnyOtherAnswerToASpecialist() throws Exception {
    postLead(true);
    awaitFirstSms();
    awaitWaitingAt(awaitRun("RUNNING").processInstanceKey(), "Gateway_WaitForReply");

    reply("Do you also install on weekends?");

    assertThat(awaitRun("ENDED").outcome()).isEqualTo("REPLIED");
    assertThat(texts()).hasSize(1);
  }

  @Test
  void emailsTheLeadAfterThreeDaysWithoutAReply() throws Exception {
    postLead(true);
    awaitFirstSms();
    long instance = awaitRun("RUNNING").processInstanceKey();
    awaitWaitingAt(instance, "Gateway_WaitForReply");

    InMemoryEngine.increaseTime(Duration.ofDays(3).plusMinutes(1));

    assertThat(awaitRun("ENDED").outcome()).isEqualTo("NO_REPLY");
    assertThat(email.outbox(0, 50)).anySatisfy(mail -> {
      assertThat(mail.to()).isEqualTo("maya@example.com");
      assertThat(mail.subject()).isEqualTo("Following up on your enquiry");
      assertThat(mail.body()).startsWith("Hi Maya,").contains("have not heard back").doesNotContain("{");
    });
    assertThat(sandbox.recorded(phone, 0, 10)).hasSize(1);
  }

  @Test
  void neverTextsALeadWithoutRecordedConsent() throws Exception {
    postLead(false);

    assertThat(awaitRun("ENDED").outcome()).isEqualTo("SUPPRESSED");
    assertThat(sandbox.recorded(phone, 0, 10)).isEmpty();
  }

  @Test
  void startsTheJourneyOnceForARepeatedEvent() throws Exception {
    postLead(true);
    mvc.perform(post("/api/v1/events").contentType(MediaType.APPLICATION_JSON).content("""
            {"eventId": "%s", "type": "lead.created", "contact": {"phone": "%s"}}
            """.formatted(eventId, phone)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.duplicate").value(true));
    awaitFirstSms();
    Thread.sleep(500);
    assertThat(sandbox.recorded(phone, 0, 10)).hasSize(1);
  }

  @Test
  void deploysAnUnchangedJourneyWithoutANewVersion() {
    int before = catalog.journeys().stream().filter(j -> j.processId().equals(Journeys.LEAD_FOLLOW_UP))
        .findFirst().orElseThrow().latestVersion();
    var again = client.newDeployResourceCommand().addResourceFromClasspath(Journeys.resource(Journeys.LEAD_FOLLOW_UP))
        .send().join();
    assertThat(again.getProcesses()).singleElement().satisfies(p -> assertThat(p.getVersion()).isEqualTo(before));
  }

  @Test
  void stopsTheJourneyAtOnceAndSendsNothingButTheConfirmationWhenTheLeadOptsOut() throws Exception {
    postLead(true);
    awaitFirstSms();
    awaitRun("RUNNING");

    reply("Stop texting me");

    JourneyRuns.Run ended = awaitRun("ENDED");
    assertThat(ended.outcome()).isEqualTo("OPTED_OUT");
    InMemoryEngine.increaseTime(Duration.ofDays(3).plusMinutes(1));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sandbox.recorded(phone, 0, 10))
        .filteredOn(m -> m.direction().equals("OUT")).hasSize(2)
        .first().satisfies(m -> assertThat(m.body()).contains("unsubscribed")));
    assertThat(email.outbox(0, 500)).noneSatisfy(mail -> assertThat(mail.contactId()).isEqualTo(ended.contactId()));
  }

  @Test
  void keepsTheContactInTheJourneyOnceAndLetsThemInAgainAfterItEnded() throws Exception {
    postLead(true);
    awaitRun("RUNNING");
    mvc.perform(post("/api/v1/events").contentType(MediaType.APPLICATION_JSON).content("""
            {"eventId": "%s-again", "type": "lead.created", "contact": {"phone": "%s"}}
            """.formatted(eventId, phone)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("SKIPPED"))
        .andExpect(jsonPath("$.reason").value("ALREADY_IN_JOURNEY"));
    awaitFirstSms();
    InMemoryEngine.waitForIdle();

    reply("UNSUBSCRIBE");
    assertThat(awaitRun("ENDED").outcome()).isEqualTo("OPTED_OUT");

    String third = eventId + "-later";
    postLead(third, false);
    assertThat(awaitRun(third, "ENDED").outcome()).isEqualTo("SUPPRESSED");
  }
}
