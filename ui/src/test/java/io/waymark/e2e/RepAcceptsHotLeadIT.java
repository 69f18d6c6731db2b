package io.waymark.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.crm.LeadInbox;
import io.waymark.platform.journey.JourneyRuns;
import io.waymark.platform.messaging.SmsSandbox;
import io.waymark.workflows.testing.InMemoryEngine;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rep accepts a hot lead in the browser: a web form's {@code lead.created} starts lead-follow-up, which texts its
 * question; the lead answers "1" through the sandbox ({@code POST /api/v1/sandbox/replies}), the reply is HOT and the
 * hand-off makes a task for a rep (demo routing: rep or rep2). That rep signs in, selects the lead in the Lead inbox
 * and accepts it; the task is ACCEPTED and the journey ends HOT_LEAD.
 */
@BrowserTest
class RepAcceptsHotLeadIT extends BrowserTest.Base {

  @Autowired SmsSandbox sandbox;
  @Autowired JourneyRuns runs;
  @Autowired LeadInbox inbox;
  @Autowired ContactDirectory contacts;

  private final String eventId = "e2e-hot-" + UUID.randomUUID();
  private final String phone = "+1415558" + String.format("%04d", Math.floorMod(eventId.hashCode(), 10_000));

  @Test
  void theRepAcceptsTheHotLeadATestReplyMadeAndTheJourneyEnds() {
    LeadInbox.Task task = hotLeadFromAReply();

    browser.signIn(task.ownerId());
    browser.open("leads");
    browser.selectRow("lead-tasks", "Maya");
    browser.screenshot("leads");
    browser.click("lead-accept");

    LeadInbox.Task accepted = await().atMost(Duration.ofSeconds(20))
        .until(() -> inbox.find(task.id()).orElseThrow().task(), t -> t.status().equals("ACCEPTED"));
    assertThat(accepted.ownerId()).isEqualTo(task.ownerId());
    JourneyRuns.Run run = await().atMost(Duration.ofSeconds(20))
        .until(() -> runs.findByEventId(eventId).orElseThrow(), r -> r.status().equals("ENDED"));
    assertThat(run.outcome()).isEqualTo("HOT_LEAD");
    browser.screenshot("lead-inbox-accepted");
  }

  /** lead-follow-up up to the HOT answer, through the REST API as in the embedded default; the task it made. */
  private LeadInbox.Task hotLeadFromAReply() {
    api.post("/api/v1/events", """
        {"eventId": "%s", "type": "lead.created",
         "contact": {"phone": "%s", "firstName": "Maya", "email": "maya@example.com"},
         "consent": {"topics": ["promotions"], "channel": "web-form", "text": "Yes, text me"}}
        """.formatted(eventId, phone), 202);
    await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.recorded(phone, 0, 10).stream()
        .anyMatch(m -> m.direction().equals("OUT")));
    await().atMost(Duration.ofSeconds(20)).until(() -> runs.findByEventId(eventId)
        .filter(r -> r.status().equals("RUNNING")).isPresent());
    InMemoryEngine.waitForIdle();
    api.post("/api/v1/sandbox/replies", "{\"from\": \"%s\", \"body\": \"1\"}".formatted(phone), 202);
    long contactId = contacts.findByPhone(phone).orElseThrow().id().value();
    LeadInbox.Task task = await().atMost(Duration.ofSeconds(20)).until(() -> inbox.inbox(null, null, 0, 500).stream()
        .filter(t -> t.contactId() == contactId).findFirst(), Optional::isPresent).orElseThrow();
    assertThat(task.ownerId()).isIn("rep", "rep2");
    assertThat(task.status()).isNotEqualTo("ACCEPTED");
    return task;
  }
}
