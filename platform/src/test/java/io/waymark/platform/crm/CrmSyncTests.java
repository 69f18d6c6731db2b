package io.waymark.platform.crm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.waymark.platform.crm.CrmFixtures.manager;
import static io.waymark.platform.crm.CrmFixtures.rep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.waymark.platform.contact.ContactView;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The inbox with HubSpot configured (on WireMock) and email over SMTP (GreenMail): the CRM copy is made once, a CRM
 * that is down delays the copy but not the task, HubSpot reporting the task done accepts the lead, and an escalation
 * reaches the manager by SMTP.
 */
@SpringBootTest(properties = {"waymark.test.database=crm-sync", "waymark.crm.hubspot.access-token=test-token",
    "waymark.crm.hubspot.client-secret=hubspot-app-secret", "waymark.public-base-url=https://waymark.example.com",
    "waymark.crm.sync.initial-backoff=PT1S",
    "waymark.crm.sync.poll=PT1S", "waymark.crm.hubspot.resilience.attempts=1",
    "waymark.crm.hubspot.resilience.open-wait=PT2S", "waymark.crm.sync.max-backoff=PT2S",
    "waymark.email.transport=smtp", "waymark.email.from=journeys@acme.example", "spring.mail.host=127.0.0.1",
    "spring.mail.port=3025"})
@AutoConfigureMockMvc
@RecordApplicationEvents
@Import(CrmFixtures.class)
class CrmSyncTests {

  static final WireMockServer HUBSPOT = new WireMockServer(options().dynamicPort());

  static {
    HUBSPOT.start();
  }

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

  @DynamicPropertySource
  static void hubspot(DynamicPropertyRegistry registry) {
    registry.add("waymark.crm.hubspot.base-url", HUBSPOT::baseUrl);
  }

  @AfterAll
  static void stop() {
    HUBSPOT.stop();
  }

  @Autowired CrmFixtures fixtures;
  @Autowired LeadInbox inbox;
  @Autowired MockMvc mvc;
  @Autowired ApplicationEvents events;
  @Autowired java.time.Clock clock;

  @BeforeEach
  void routing() {
    HUBSPOT.resetAll();
    HUBSPOT.stubFor(post(urlEqualTo("/crm/v3/objects/tasks/search")).willReturn(okJson("{\"total\": 0, \"results\": []}")));
    HUBSPOT.stubFor(post(urlEqualTo("/crm/v3/objects/contacts/search"))
        .willReturn(okJson("{\"total\": 1, \"results\": [{\"id\": \"901\"}]}")));
    fixtures.use(new RoutingDocument(List.of(new RoutingDocument.Team("sync", "Sync", "mona", "tess")),
        List.of(rep("sia", "sync", null, true)), List.of(manager("mona"), manager("tess")), List.of(), "sync"));
  }

  private LeadInbox.Created lead(ContactView contact) {
    return inbox.create(new LeadInbox.NewLead(CrmFixtures.source(), contact.id().value(), null, null,
        new LeadInbox.Signal("REPLY", "1", null, null), List.of(), null, null));
  }

  private LeadInbox.Task task(long id) {
    return inbox.find(id).orElseThrow().task();
  }

  @Test
  void copiesTheTaskToHubSpotOnceWithTheRepAsOwner() {
    HUBSPOT.stubFor(post(urlEqualTo("/crm/v3/objects/tasks")).willReturn(okJson("{\"id\": \"7001\"}")));
    LeadInbox.Created created = lead(fixtures.contact(null, null, null));

    LeadInbox.Task synced = await().atMost(Duration.ofSeconds(10)).until(() -> task(created.taskId()),
        t -> t.crmSync().equals("SYNCED"));

    assertThat(synced.crmSystem()).isEqualTo("hubspot");
    assertThat(synced.crmExternalId()).isEqualTo("7001");
    HUBSPOT.verify(exactly(1), postRequestedFor(urlEqualTo("/crm/v3/objects/tasks")));
    String body = HUBSPOT.findAll(postRequestedFor(urlEqualTo("/crm/v3/objects/tasks"))).getFirst().getBodyAsString();
    assertThat(body).contains("\"hubspot_owner_id\":\"hs-sia\"", "\"hs_task_priority\":\"HIGH\"", "[Hot Lead] Call back Jane Doe",
        "\"id\":\"901\"");
  }

  @Test
  void aCrmThatIsDownDelaysTheCopyNotTheTaskAndTheCopyIsRetriedLater() {
    HUBSPOT.stubFor(post(urlEqualTo("/crm/v3/objects/tasks")).willReturn(aResponse().withStatus(503)));
    LeadInbox.Created created = lead(fixtures.contact(null, null, null));

    assertThat(task(created.taskId()).status()).isEqualTo("OPEN"); // the inbox has it at once
    LeadInbox.Task failing = await().atMost(Duration.ofSeconds(10)).until(() -> task(created.taskId()),
        t -> t.crmAttempts() >= 2);
    assertThat(failing.crmSync()).isEqualTo("PENDING");
    assertThat(failing.crmLastError()).isNotBlank();

    HUBSPOT.stubFor(post(urlEqualTo("/crm/v3/objects/tasks")).willReturn(okJson("{\"id\": \"7002\"}")));

    // the breaker may be open by now: the copy waits for its trial call (open-wait 2 s here) and the next retry
    LeadInbox.Task synced = await().atMost(Duration.ofSeconds(30)).until(() -> task(created.taskId()),
        t -> t.crmSync().equals("SYNCED"));
    assertThat(synced.crmExternalId()).isEqualTo("7002");
    assertThat(inbox.find(created.taskId()).orElseThrow().history()).extracting(LeadInbox.HistoryLine::kind)
        .contains("CRM_FAILED", "CRM_SYNCED");
  }

  @Test
  void hubSpotReportingTheTaskDoneAcceptsTheLead() throws Exception {
    HUBSPOT.stubFor(post(urlEqualTo("/crm/v3/objects/tasks")).willReturn(okJson("{\"id\": \"7003\"}")));
    LeadInbox.Created created = lead(fixtures.contact(null, null, null));
    await().atMost(Duration.ofSeconds(10)).until(() -> task(created.taskId()).crmSync().equals("SYNCED"));
    String body = "[{\"objectId\": 7003, \"subscriptionType\": \"object.propertyChange\", \"objectTypeId\": \"0-27\","
        + " \"propertyName\": \"hs_task_status\", \"propertyValue\": \"COMPLETED\", \"sourceId\": \"userId:55\","
        + " \"changeSource\": \"CRM_UI\", \"occurredAt\": 1}]";
    String timestamp = Long.toString(clock.millis()); // the platform's clock, which HubSpot's must match

    mvc.perform(MockMvcRequestBuilders.post("/webhooks/hubspot/tasks").contentType(MediaType.APPLICATION_JSON)
        .content(body).header("X-HubSpot-Request-Timestamp", timestamp)
        .header("X-HubSpot-Signature-v3", sign("POST" + "https://waymark.example.com/webhooks/hubspot/tasks" + body
            + timestamp)))
        .andExpect(status().is2xxSuccessful());

    LeadInbox.Task done = task(created.taskId());
    assertThat(done.status()).isEqualTo("CONTACTED");
    assertThat(done.acceptedVia()).isEqualTo("HUBSPOT");
    assertThat(events.stream(LeadAccepted.class).filter(e -> e.taskId() == created.taskId())).hasSize(1);
  }

  @Test
  void anEscalationReachesTheManagerBySmtp() throws Exception {
    HUBSPOT.stubFor(post(urlEqualTo("/crm/v3/objects/tasks")).willReturn(okJson("{\"id\": \"7004\"}")));
    ContactView contact = fixtures.contact(null, null, null);
    LeadInbox.Created created = lead(contact);

    inbox.escalate(created.taskId(), 1, null, null);
    inbox.escalate(created.taskId(), 1, null, null);

    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("mona@acme.example");
    assertThat(received[0].getSubject()).isEqualTo("Hot lead not accepted in time: Jane " + contact.phone());
    assertThat(GreenMailUtil.getBody(received[0])).contains("not accepted within its SLA of PT15M");
  }

  private static String sign(String source) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("hubspot-app-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(source.getBytes(StandardCharsets.UTF_8)));
  }
}
