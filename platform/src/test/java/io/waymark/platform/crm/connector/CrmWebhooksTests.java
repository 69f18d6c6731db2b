package io.waymark.platform.crm.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.waymark.platform.crm.connector.RecordingCompletions.Completion;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The completion webhooks over HTTP: HubSpot's v3 signature and Salesforce's shared secret before anything else,
 * completions reported to the inbox, everything else ignored. {@code waymark.api-keys} is set and no request carries
 * {@code X-Api-Key}: the CRMs cannot send one, and {@code /webhooks/**} is outside the API-key filter.
 */
@WebMvcTest(controllers = {HubSpotWebhooks.class, SalesforceWebhooks.class}, properties = {
    "waymark.crm.hubspot.access-token=pat-test",
    "waymark.crm.hubspot.client-secret=" + CrmWebhooksTests.HUBSPOT_SECRET,
    "waymark.crm.salesforce.instance-url=https://acme.my.salesforce.com",
    "waymark.crm.salesforce.client-id=client-1",
    "waymark.crm.salesforce.client-secret=secret-1",
    "waymark.crm.salesforce.webhook-secret=" + CrmWebhooksTests.SALESFORCE_SECRET,
    "waymark.public-base-url=https://waymark.example.com/",
    "waymark.api-keys=test-key"})
@Import({CrmConnectorsConfiguration.class, CrmWebhooksTests.Inbox.class})
class CrmWebhooksTests {

  static final String HUBSPOT_SECRET = "hubspot-test-secret";
  static final String SALESFORCE_SECRET = "sf-webhook-secret";
  static final String HUBSPOT_URL = "https://waymark.example.com/webhooks/hubspot/tasks";

  @TestConfiguration(proxyBeanMethods = false)
  static class Inbox {

    @Bean
    RecordingCompletions recordingCompletions() {
      return new RecordingCompletions();
    }
  }

  @Autowired MockMvc mvc;
  @Autowired RecordingCompletions inbox;
  @Autowired Clock clock;

  @BeforeEach
  void clear() {
    inbox.clear();
  }

  @Test
  void leavesTheWebhooksOutsideTheApiKeyThatGuardsTheApi() throws Exception {
    mvc.perform(post("/api/v1/events").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isUnauthorized());
    hubspot(EVENTS, HUBSPOT_SECRET, clock.millis()).andExpect(status().isNoContent());
    salesforce("{\"taskId\":\"00T5e00000AbCdEFGA\",\"status\":\"Completed\"}", SALESFORCE_SECRET)
        .andExpect(status().isNoContent());
  }

  // ---- HubSpot

  static final String EVENTS = """
      [{"eventId":1,"subscriptionId":7,"portalId":62515,"appId":4242,"occurredAt":1893500000000,
        "subscriptionType":"object.propertyChange","attemptNumber":0,"objectId":9001,"objectTypeId":"0-27",
        "propertyName":"hs_task_status","propertyValue":"COMPLETED","changeSource":"CRM_UI","sourceId":"userId:123"},
       {"eventId":2,"subscriptionType":"object.propertyChange","objectId":9002,"objectTypeId":"0-27",
        "propertyName":"hs_task_priority","propertyValue":"LOW"},
       {"eventId":3,"subscriptionType":"object.propertyChange","objectId":9003,"objectTypeId":"0-27",
        "propertyName":"hs_task_status","propertyValue":"IN_PROGRESS"},
       {"eventId":4,"subscriptionType":"object.propertyChange","objectId":501,"objectTypeId":"0-1",
        "propertyName":"hs_task_status","propertyValue":"COMPLETED"},
       {"eventId":5,"subscriptionType":"object.creation","objectId":9004,"objectTypeId":"0-27"},
       {"eventId":6,"subscriptionType":"object.propertyChange","objectId":9005,
        "propertyName":"hs_task_status","propertyValue":"COMPLETED","changeSource":"AUTOMATION_PLATFORM"}]
      """;

  private ResultActions hubspot(String body, String secret, long timestamp) throws Exception {
    String ts = Long.toString(timestamp);
    String signature = new HubSpotSignature(secret).sign("POST", HUBSPOT_URL, body.getBytes(StandardCharsets.UTF_8),
        ts);
    return mvc.perform(post("/webhooks/hubspot/tasks").contentType(MediaType.APPLICATION_JSON).content(body)
        .header(HubSpotWebhooks.SIGNATURE, signature).header(HubSpotWebhooks.TIMESTAMP, ts));
  }

  @Test
  void reportsEachTaskCompletedInHubSpotAndIgnoresEveryOtherEvent() throws Exception {
    hubspot(EVENTS, HUBSPOT_SECRET, clock.millis()).andExpect(status().isNoContent());

    assertThat(inbox.all()).containsExactly(new Completion("hubspot", "9001", "userId:123"),
        new Completion("hubspot", "9005", "AUTOMATION_PLATFORM"));
  }

  @Test
  void refusesAnUnsignedRequest() throws Exception {
    mvc.perform(post("/webhooks/hubspot/tasks").contentType(MediaType.APPLICATION_JSON).content(EVENTS))
        .andExpect(status().isUnauthorized())
        .andExpect(content().string(HubSpotWebhooks.SIGNATURE + " is missing"));

    assertThat(inbox.all()).isEmpty();
  }

  @Test
  void refusesARequestSignedWithAnotherSecret() throws Exception {
    hubspot(EVENTS, "not-the-client-secret", clock.millis()).andExpect(status().isUnauthorized())
        .andExpect(content().string(HubSpotWebhooks.SIGNATURE + " does not match"));

    assertThat(inbox.all()).isEmpty();
  }

  @Test
  void refusesABodyOtherThanTheOneSigned() throws Exception {
    String ts = Long.toString(clock.millis());
    String signature = new HubSpotSignature(HUBSPOT_SECRET).sign("POST", HUBSPOT_URL,
        "[]".getBytes(StandardCharsets.UTF_8), ts);

    mvc.perform(post("/webhooks/hubspot/tasks").contentType(MediaType.APPLICATION_JSON).content(EVENTS)
        .header(HubSpotWebhooks.SIGNATURE, signature).header(HubSpotWebhooks.TIMESTAMP, ts))
        .andExpect(status().isUnauthorized());

    assertThat(inbox.all()).isEmpty();
  }

  @Test
  void refusesASignedRequestOlderThanFiveMinutes() throws Exception {
    hubspot(EVENTS, HUBSPOT_SECRET, clock.millis() - Duration.ofMinutes(6).toMillis())
        .andExpect(status().isUnauthorized())
        .andExpect(content().string(HubSpotWebhooks.TIMESTAMP + " is more than 5 minutes away from now"));
    hubspot(EVENTS, HUBSPOT_SECRET, clock.millis() - Duration.ofMinutes(4).toMillis())
        .andExpect(status().isNoContent());

    assertThat(inbox.all()).hasSize(2);
  }

  @Test
  void answersASignedBodyThatIsNotAnEventArrayWithAProblemNamingTheBody() throws Exception {
    hubspot("{\"objectId\":9001}", HUBSPOT_SECRET, clock.millis())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("body"));

    assertThat(inbox.all()).isEmpty();
  }

  // ---- Salesforce

  private ResultActions salesforce(String body, String secret) throws Exception {
    var request = post("/webhooks/salesforce/tasks").contentType(MediaType.APPLICATION_JSON).content(body);
    return mvc.perform(secret == null ? request : request.header(SalesforceWebhooks.HEADER, secret));
  }

  @Test
  void reportsATaskCompletedInSalesforce() throws Exception {
    salesforce("{\"taskId\":\"00T5e00000AbCdEFGA\",\"status\":\"Completed\",\"completedBy\":\"0055e000001AbCdAAK\"}",
        SALESFORCE_SECRET).andExpect(status().isNoContent());

    assertThat(inbox.all()).containsExactly(new Completion("salesforce", "00T5e00000AbCdEFGA", "0055e000001AbCdAAK"));
  }

  @Test
  void reportsAFifteenCharacterIdInItsEighteenCharacterForm() throws Exception {
    salesforce("{\"taskId\":\"001A0000006Vm9r\",\"status\":\"completed\"}", SALESFORCE_SECRET)
        .andExpect(status().isNoContent());

    assertThat(inbox.all()).containsExactly(new Completion("salesforce", "001A0000006Vm9rIAC", "salesforce"));
  }

  @Test
  void ignoresATaskThatIsNotCompleted() throws Exception {
    salesforce("{\"taskId\":\"00T5e00000AbCdEFGA\",\"status\":\"In Progress\"}", SALESFORCE_SECRET)
        .andExpect(status().isNoContent());

    assertThat(inbox.all()).isEmpty();
  }

  @Test
  void refusesAMissingOrWrongSecret() throws Exception {
    String body = "{\"taskId\":\"00T5e00000AbCdEFGA\",\"status\":\"Completed\"}";

    salesforce(body, null).andExpect(status().isUnauthorized())
        .andExpect(content().string(SalesforceWebhooks.HEADER + " is missing"));
    salesforce(body, SALESFORCE_SECRET + "x").andExpect(status().isUnauthorized())
        .andExpect(content().string(SalesforceWebhooks.HEADER + " does not match"));

    assertThat(inbox.all()).isEmpty();
  }

  @Test
  void answersAnUnknownIdWithAProblemNamingTaskId() throws Exception {
    salesforce("{\"taskId\":\"42\",\"status\":\"Completed\"}", SALESFORCE_SECRET)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("taskId"))
        .andExpect(jsonPath("$.detail").value("taskId: '42' is not a 15- or 18-character Salesforce Id"));
    salesforce("not json", SALESFORCE_SECRET)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("body"));

    assertThat(inbox.all()).isEmpty();
  }
}
