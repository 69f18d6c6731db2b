package io.waymark.platform.crm.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HubSpot connector against WireMock: the documented requests, search-before-create, failures and the breaker. */
class HubSpotConnectorTests {

  static final String TASKS = "/crm/v3/objects/tasks";
  static final String TASK_SEARCH = "/crm/v3/objects/tasks/search";
  static final String CONTACT_SEARCH = "/crm/v3/objects/contacts/search";
  static final String NO_RESULTS = "{\"total\":0,\"results\":[]}";

  WireMockServer wiremock;
  TestClock clock = new TestClock(Instant.parse("2030-01-01T12:00:00Z"));
  HubSpotConnector hubspot;

  @BeforeEach
  void start() {
    wiremock = new WireMockServer(options().dynamicPort());
    wiremock.start();
    hubspot = new HubSpotConnector(new HubSpotProperties("pat-test", wiremock.baseUrl(), null,
        Duration.ofMillis(700), Duration.ofMillis(700), new CrmResilience(3, Duration.ofMillis(5), 2.0, 0, 50, 4, 4,
        Duration.ofSeconds(30), 1)), clock);
  }

  @AfterEach
  void stop() {
    wiremock.stop();
  }

  private void stub(String path, ResponseDefinitionBuilder response) {
    wiremock.stubFor(post(urlEqualTo(path)).willReturn(response));
  }

  private static ResponseDefinitionBuilder created(String id) {
    return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"" + id + "\",\"properties\":{}}");
  }

  private JsonNode sentTask() throws Exception {
    var requests = wiremock.findAll(postRequestedFor(urlEqualTo(TASKS)));
    assertThat(requests).hasSize(1);
    return CrmHttp.JSON.readTree(requests.getFirst().getBodyAsString());
  }

  @Test
  void createsACallTaskDueAtTheSlaAssociatedWithTheKnownContactAndOwner() throws Exception {
    stub(TASK_SEARCH, okJson(NO_RESULTS));
    stub(TASKS, created("9001"));

    CrmTaskRef ref = hubspot.upsertTask(CrmRequests.withOwner(
        CrmRequests.request(42, CrmPriority.URGENT, Map.of(CrmContact.HUBSPOT_CONTACT_ID, "501")), "777"));

    assertThat(ref).isEqualTo(new CrmTaskRef("hubspot", "9001", true));
    wiremock.verify(exactly(1), postRequestedFor(urlEqualTo(TASK_SEARCH))
        .withHeader("Authorization", equalTo("Bearer pat-test"))
        .withRequestBody(equalToJson("{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"hs_task_subject\","
            + "\"operator\":\"CONTAINS_TOKEN\",\"value\":\"waymarktask42\"}]}]}", true, true)));
    wiremock.verify(exactly(0), postRequestedFor(urlEqualTo(CONTACT_SEARCH)));
    wiremock.verify(exactly(1), postRequestedFor(urlEqualTo(TASKS))
        .withHeader("Authorization", equalTo("Bearer pat-test"))
        .withRequestBody(equalToJson("""
            {"properties": {
               "hs_timestamp": "1893562200000",
               "hs_task_subject": "[Hot Lead] [VIP] Call back Jane Doe (waymarktask42)",
               "hs_task_body": "${json-unit.any-string}",
               "hs_task_status": "NOT_STARTED",
               "hs_task_priority": "HIGH",
               "hs_task_type": "CALL",
               "hubspot_owner_id": "777"},
             "associations": [{"to": {"id": "501"},
               "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 204}]}]}
            """)));
    assertThat(sentTask().path("properties").path("hs_task_body").asText()).contains(
        "Replied: yes, call me today", "Tags: Hot Lead, VIP", "Due (SLA): 2030-01-02T05:30:00Z",
        "Contact: Jane Doe, +14155550100, jane@example.com", "Waymark task 42");
  }

  @ParameterizedTest
  @CsvSource({"LOW, LOW", "MEDIUM, MEDIUM", "HIGH, HIGH", "URGENT, HIGH"})
  void sendsHubSpotsPriorityForEachOfWaymarks(CrmPriority priority, String expected) throws Exception {
    stub(TASK_SEARCH, okJson(NO_RESULTS));
    stub(TASKS, created("9002"));

    hubspot.upsertTask(CrmRequests.request(43, priority, Map.of(CrmContact.HUBSPOT_CONTACT_ID, "501")));

    assertThat(sentTask().path("properties").path("hs_task_priority").asText()).isEqualTo(expected);
    assertThat(sentTask().path("properties").has("hubspot_owner_id")).isFalse();
  }

  @Test
  void findsTheContactByPhoneWhenItsHubSpotIdIsNotKnown() throws Exception {
    stub(TASK_SEARCH, okJson(NO_RESULTS));
    stub(CONTACT_SEARCH, okJson("{\"total\":2,\"results\":[{\"id\":\"812\"},{\"id\":\"96\"}]}"));
    stub(TASKS, created("9003"));

    hubspot.upsertTask(CrmRequests.request(44, CrmPriority.HIGH, Map.of()));

    wiremock.verify(exactly(1), postRequestedFor(urlEqualTo(CONTACT_SEARCH)).withRequestBody(equalToJson("""
        {"filterGroups": [
           {"filters": [{"propertyName": "phone", "operator": "EQ", "value": "+14155550100"}]},
           {"filters": [{"propertyName": "mobilephone", "operator": "EQ", "value": "+14155550100"}]}]}
        """, true, true)));
    assertThat(sentTask().path("associations").path(0).path("to").path("id").asText())
        .as("the oldest of the matching contacts").isEqualTo("96");
  }

  @Test
  void createsTheTaskUnassociatedAndSaysSoWhenNoContactHasThePhoneNumber() throws Exception {
    stub(TASK_SEARCH, okJson(NO_RESULTS));
    stub(CONTACT_SEARCH, okJson(NO_RESULTS));
    stub(TASKS, created("9004"));

    assertThat(hubspot.upsertTask(CrmRequests.request(45, CrmPriority.HIGH, Map.of())).created()).isTrue();

    assertThat(sentTask().has("associations")).isFalse();
    assertThat(sentTask().path("properties").path("hs_task_body").asText())
        .contains("Not associated with a HubSpot contact: none has the phone number +14155550100.");
  }

  @Test
  void returnsTheTaskAnEarlierAttemptCreatedInsteadOfCreatingASecond() {
    stub(TASK_SEARCH, okJson("{\"total\":1,\"results\":[{\"id\":\"9001\",\"properties\":"
        + "{\"hs_task_subject\":\"[Hot Lead] Call back Jane Doe (waymarktask42)\"}}]}"));

    CrmTaskRef ref = hubspot.upsertTask(CrmRequests.request(42, CrmPriority.HIGH, Map.of()));

    assertThat(ref).isEqualTo(new CrmTaskRef("hubspot", "9001", false));
    wiremock.verify(exactly(0), postRequestedFor(urlEqualTo(TASKS)));
    wiremock.verify(exactly(0), postRequestedFor(urlEqualTo(CONTACT_SEARCH)));
  }

  @Test
  void doesNotTakeAnotherWaymarkTasksMarkerForItsOwn() {
    stub(TASK_SEARCH, okJson("{\"total\":1,\"results\":[{\"id\":\"9420\",\"properties\":"
        + "{\"hs_task_subject\":\"Call back (waymarktask420)\"}}]}"));
    stub(CONTACT_SEARCH, okJson(NO_RESULTS));
    stub(TASKS, created("9005"));

    assertThat(hubspot.upsertTask(CrmRequests.request(42, CrmPriority.HIGH, Map.of())))
        .isEqualTo(new CrmTaskRef("hubspot", "9005", true));
  }

  @Test
  void retriesAFailedSearchBrieflyThenReportsHubSpotUnavailable() {
    stub(TASK_SEARCH, aResponse().withStatus(503).withHeader("Content-Type", "application/json")
        .withBody("{\"status\":\"error\",\"message\":\"Service Unavailable\"}"));

    assertThatThrownBy(() -> hubspot.upsertTask(CrmRequests.request(46, CrmPriority.HIGH, Map.of())))
        .isInstanceOf(CrmUnavailableException.class).hasMessageContaining("HTTP 503");

    wiremock.verify(exactly(3), postRequestedFor(urlEqualTo(TASK_SEARCH)));
    wiremock.verify(exactly(0), postRequestedFor(urlEqualTo(TASKS)));
  }

  @Test
  void reportsRateLimitingAsUnavailable() {
    stub(TASK_SEARCH, aResponse().withStatus(429).withHeader("Content-Type", "application/json")
        .withBody("{\"status\":\"error\",\"message\":\"You have reached your secondly limit.\","
            + "\"category\":\"RATE_LIMITS\"}"));

    assertThatThrownBy(() -> hubspot.upsertTask(CrmRequests.request(47, CrmPriority.HIGH, Map.of())))
        .isInstanceOf(CrmUnavailableException.class).hasMessageContaining("RATE_LIMITS");
  }

  @Test
  void reportsARefusedConnectionAsUnavailable() {
    wiremock.stop();

    assertThatThrownBy(() -> hubspot.upsertTask(CrmRequests.request(48, CrmPriority.HIGH, Map.of())))
        .isInstanceOf(CrmUnavailableException.class).hasMessageContaining("not reachable");
  }

  @Test
  void neverCreatesASecondTaskWhenTheAnswerToACreateWasLost() {
    stub(TASK_SEARCH, okJson(NO_RESULTS));
    stub(CONTACT_SEARCH, okJson(NO_RESULTS));
    stub(TASKS, created("9006").withFixedDelay(2_000));

    assertThatThrownBy(() -> hubspot.upsertTask(CrmRequests.request(49, CrmPriority.HIGH, Map.of())))
        .isInstanceOf(CrmUnavailableException.class).hasMessageContaining("may have been created");
    wiremock.verify(exactly(1), postRequestedFor(urlEqualTo(TASKS)));

    // the inbox retries later; by then HubSpot's search shows the task the lost answer was about
    stub(TASK_SEARCH, okJson("{\"total\":1,\"results\":[{\"id\":\"9006\",\"properties\":"
        + "{\"hs_task_subject\":\"[Hot Lead] [VIP] Call back Jane Doe (waymarktask49)\"}}]}"));
    assertThat(hubspot.upsertTask(CrmRequests.request(49, CrmPriority.HIGH, Map.of())))
        .isEqualTo(new CrmTaskRef("hubspot", "9006", false));
    wiremock.verify(exactly(1), postRequestedFor(urlEqualTo(TASKS)));
  }

  @Test
  void opensTheBreakerAfterRepeatedFailuresAndLetsCallsThroughAgainLater() {
    stub(TASK_SEARCH, aResponse().withStatus(502));
    CrmTaskRequest request = CrmRequests.request(50, CrmPriority.HIGH, Map.of());
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> hubspot.upsertTask(request)).isInstanceOf(CrmUnavailableException.class);
    }
    assertThat(hubspot.guard().breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
    int seen = wiremock.getAllServeEvents().size();

    assertThatThrownBy(() -> hubspot.upsertTask(request)).isInstanceOf(CrmUnavailableException.class)
        .hasMessageContaining("circuit breaker crm-hubspot is open");
    assertThat(wiremock.getAllServeEvents()).as("an open breaker calls nobody").hasSize(seen);

    stub(TASK_SEARCH, okJson(NO_RESULTS));
    stub(CONTACT_SEARCH, okJson(NO_RESULTS));
    stub(TASKS, created("9007"));
    assertThatThrownBy(() -> hubspot.upsertTask(request)).as("still open before the wait")
        .isInstanceOf(CrmUnavailableException.class);
    clock.advance(Duration.ofSeconds(31));

    assertThat(hubspot.upsertTask(request)).isEqualTo(new CrmTaskRef("hubspot", "9007", true));
    assertThat(hubspot.guard().breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    wiremock.verify(exactly(1), postRequestedFor(urlEqualTo(TASKS)));
  }

  @Test
  void rejectsAnInvalidTaskNamingHubSpotsMessageWithoutTrippingTheBreaker() {
    stub(TASK_SEARCH, okJson(NO_RESULTS));
    stub(CONTACT_SEARCH, okJson(NO_RESULTS));
    stub(TASKS, aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(
        "{\"status\":\"error\",\"message\":\"Property values were not valid: 777 is not a valid owner id\","
            + "\"correlationId\":\"c-1\",\"category\":\"VALIDATION_ERROR\"}"));

    assertThatThrownBy(() -> hubspot.upsertTask(CrmRequests.withOwner(
        CrmRequests.request(51, CrmPriority.HIGH, Map.of()), "777")))
        .isInstanceOfSatisfying(CrmRejectedException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.system()).isEqualTo("hubspot");
          assertThat(e).hasMessageContaining("the task for Waymark task 51")
              .hasMessageContaining("VALIDATION_ERROR: Property values were not valid: 777 is not a valid owner id");
        });
    wiremock.verify(exactly(1), postRequestedFor(urlEqualTo(TASKS)));
    assertThat(hubspot.guard().breaker().getMetrics().getNumberOfFailedCalls()).isZero();
  }

  @Test
  void rejectsABadTokenAtOnce() {
    stub(TASK_SEARCH, aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody(
        "{\"status\":\"error\",\"message\":\"Authentication credentials not found.\","
            + "\"category\":\"INVALID_AUTHENTICATION\"}"));

    assertThatThrownBy(() -> hubspot.upsertTask(CrmRequests.request(52, CrmPriority.HIGH, Map.of())))
        .isInstanceOf(CrmRejectedException.class)
        .hasMessageContaining("INVALID_AUTHENTICATION: Authentication credentials not found.");
    wiremock.verify(exactly(1), postRequestedFor(urlEqualTo(TASK_SEARCH)));
  }
}
