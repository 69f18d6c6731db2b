package io.waymark.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.consent.OptIn;
import io.waymark.platform.contact.ContactDetails;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.journey.EventIntake;
import io.waymark.platform.journey.JourneyCatalog;
import io.waymark.platform.journey.JourneyRuns;
import io.waymark.platform.journey.TriggerEvent;
import io.waymark.platform.messaging.EmailSender;
import io.waymark.platform.messaging.SmsOutcome;
import io.waymark.platform.messaging.SmsRequest;
import io.waymark.platform.messaging.SmsSandbox;
import io.waymark.platform.messaging.SmsSender;
import io.waymark.platform.template.Channel;
import io.waymark.platform.template.DraftContent;
import io.waymark.platform.template.MessageTemplates;
import io.waymark.platform.template.NewTemplate;
import io.waymark.platform.template.TemplateStatus;
import io.waymark.platform.template.VersionView;
import static org.awaitility.Awaitility.await;

import io.waymark.platform.journey.JourneyRunId;
import io.waymark.platform.journey.JourneyRunRequested;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.events.ApplicationModuleListener;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every module stores, read back through its facade: run against H2 always ({@link H2PersistenceTests}) and
 * against a MySQL-family server when one is named ({@link MySqlPersistenceIT}). The same Flyway migrations serve
 * both; Hibernate validates the mapping against them.
 */
@SpringBootTest
@Import(PersistenceContractTests.RequestedRuns.class)
abstract class PersistenceContractTests {

  @Autowired ContactDirectory contacts;
  @Autowired ConsentLedger consent;
  @Autowired SmsSender sms;
  @Autowired SmsSandbox sandbox;
  @Autowired EmailSender email;
  @Autowired EventIntake intake;
  @Autowired JourneyRuns runs;
  @Autowired JourneyCatalog catalog;
  @Autowired JdbcTemplate jdbc;
  @Autowired RequestedRuns requested;
  @Autowired MessageTemplates templates;

  /** A stand-in for the engine side: proves the event publication registry delivers and completes. */
  @TestConfiguration
  public static class RequestedRuns {
    private final List<JourneyRunId> runs = new CopyOnWriteArrayList<>();

    public List<JourneyRunId> runs() {
      return runs;
    }

    @ApplicationModuleListener
    public void on(JourneyRunRequested event) {
      runs.add(event.runId());
    }
  }

  private final String suffix = String.format("%04d", Math.floorMod(UUID.randomUUID().hashCode(), 10_000));

  private String phone() {
    return "+1415555" + suffix;
  }

  @Test
  void storesContactsUniquelyByE164AndKeepsUnicodeAndAttributes() {
    ContactView first = contacts.upsert(new ContactDetails("(415) 555-" + suffix, "US", "Zoë", "Łukasiewicz",
        "zoe@example.com", "pl-PL", "CA", null, Map.of("plan", "premium")));
    ContactView second = contacts.upsert(ContactDetails.ofPhone(phone()));

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(contacts.find(first.id())).get().satisfies(c -> {
      assertThat(c.phone()).isEqualTo(phone());
      assertThat(c.firstName()).isEqualTo("Zoë");
      assertThat(c.lastName()).isEqualTo("Łukasiewicz");
      assertThat(c.timeZone()).isEqualTo("America/Los_Angeles");
      assertThat(c.attributes()).containsEntry("plan", "premium");
    });
  }

  @Test
  void appendsConsentAndDerivesTheCurrentState() {
    ContactView contact = contacts.upsert(ContactDetails.ofPhone(phone()));
    assertThat(consent.hasOptIn(contact.id(), "promotions")).isFalse();

    consent.recordOptIn(new OptIn(contact.id(), contact.phone(), List.of("promotions", "order-updates"), "web-form",
        "Yes, text me offers. Reply STOP to cancel.", "event:e-" + suffix, Instant.now().minusSeconds(60)));

    assertThat(consent.hasOptIn(contact.id(), "promotions")).isTrue();
    assertThat(consent.hasOptIn(contact.id(), "order-updates")).isTrue();
    assertThat(consent.countRecords(contact.id())).isEqualTo(2);
  }

  @Test
  void keepsInstantsInUtcToTheMicrosecond() {
    ContactView contact = contacts.upsert(ContactDetails.ofPhone(phone()));
    Instant at = Instant.parse("2026-03-03T02:00:00.123456Z");
    consent.recordOptIn(new OptIn(contact.id(), contact.phone(), List.of("promotions"), "checkout", "Send me deals",
        "test", at));

    LocalDateTime stored = jdbc.queryForObject(
        "select occurred_at from consent_record where contact_id = ?", LocalDateTime.class, contact.id().value());
    String server = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductVersion());
    if (server.contains("MariaDB")) {
      // Connector/J takes MariaDB for MySQL 5.5.5 and drops fractional seconds on the wire; MySQL keeps them
      assertThat(stored).isEqualTo(LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
    } else {
      assertThat(stored).isEqualTo(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }
  }

  @Test
  void sendsEachIdempotencyKeyOnce() {
    ContactView contact = contacts.upsert(ContactDetails.ofPhone(phone()));
    consent.recordOptIn(new OptIn(contact.id(), contact.phone(), List.of("promotions"), "web-form", "Yes", "test",
        Instant.now().minusSeconds(5)));
    SmsRequest request = new SmsRequest("test:" + UUID.randomUUID(), contact.id(), "promotions", "promotional",
        "Hello", null, null);

    SmsOutcome first = sms.send(request);
    SmsOutcome again = sms.send(request);

    assertThat(first.status()).isEqualTo(SmsOutcome.Status.SENT);
    assertThat(again.duplicate()).isTrue();
    assertThat(again.messageId()).isEqualTo(first.messageId());
    assertThat(sandbox.recorded(contact.phone(), 0, 10)).hasSize(1);
  }

  @Test
  void recordsInboundRepliesAndEmails() {
    ContactView contact = contacts.upsert(new ContactDetails(phone(), null, "Ada", null, "ada@example.com", null,
        null, null, Map.of()));
    var received = sandbox.playReply(contact.phone(), "Yes, call me ☎");
    assertThat(received.contactId()).isEqualTo(contact.id().value());

    var sent = email.send("test:" + UUID.randomUUID(), contact.id(), "Subject", "Body");
    assertThat(sent.status()).isEqualTo(EmailSender.EmailOutcome.Status.SENT);
  }

  @Test
  void recordsJourneyRunsOncePerEventAndTheirEventPublications() {
    String eventId = "evt-" + UUID.randomUUID();
    TriggerEvent event = new TriggerEvent(eventId, "lead.created", null,
        new TriggerEvent.Contact(phone(), "US", "Maya", null, null, null, null, null, null),
        new TriggerEvent.Consent(List.of("promotions"), "web-form", "Yes, text me", null), Map.of("source", "test"));

    var first = intake.accept(event);
    var second = intake.accept(event);

    assertThat(second.duplicate()).isTrue();
    assertThat(second.run().id()).isEqualTo(first.run().id());
    assertThat(runs.findByEventId(eventId)).get().extracting(JourneyRuns.Run::status).isEqualTo("REQUESTED");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(requested.runs()).contains(first.run().id()));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
        "select count(*) from event_publication where completion_date is not null and event_type = ? "
            + "and serialized_event like ?", Integer.class, JourneyRunRequested.class.getName(),
        "%\"value\":" + first.run().id().value() + "}%")).isEqualTo(1));

    catalog.recordDeployment(new JourneyCatalog.Deployed("lead-follow-up", "Lead follow-up", 1, 2251799813685249L,
        "bpmn/lead-follow-up.bpmn"));
    catalog.recordDeployment(new JourneyCatalog.Deployed("lead-follow-up", "Lead follow-up", 1, 2251799813685249L,
        "bpmn/lead-follow-up.bpmn"));
    assertThat(catalog.journeys()).filteredOn(j -> j.processId().equals("lead-follow-up"))
        .singleElement().satisfies(j -> assertThat(j.versions()).hasSize(1));
  }

  @Test
  void keepsTemplateVersionsInUnicodeWithOneApprovedVersion() {
    String key = "contract.template-" + suffix;
    templates.create(new NewTemplate(key, "Contract", Channel.SMS, "transactional", null, null,
        "¡Hola {firstName|amigo}! Tu pedido {order.number} llegó ✓", null, null));
    templates.draft(key, DraftContent.sms("Pedido {order.number} \uD83D\uDCE6"));
    templates.approve(key, 1, "pat");
    templates.approve(key, 2, "sam");

    assertThat(templates.render(key, null, null, Map.of("order", Map.of("number", "N-1"))).body())
        .isEqualTo("Pedido N-1 \uD83D\uDCE6");
    assertThat(templates.find(key)).get().satisfies(template -> {
      assertThat(template.approvedVersion()).isEqualTo(2);
      assertThat(template.versions()).extracting(VersionView::status)
          .containsExactly(TemplateStatus.RETIRED, TemplateStatus.APPROVED);
      assertThat(template.versions().getFirst().body()).isEqualTo("¡Hola {firstName|amigo}! Tu pedido {order.number} "
          + "llegó ✓");
    });
    assertThat(templates.isSendable("lead-follow-up.first-text", Channel.SMS)).isTrue();
  }
}
