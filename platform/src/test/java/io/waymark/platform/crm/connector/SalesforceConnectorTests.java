package io.waymark.platform.crm.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Salesforce connector against WireMock: tokens, lookup-then-upsert by external id, failures and the breaker. */
class SalesforceConnectorTests {

  static final String TOKEN = "/services/oauth2/token";
  static final String TASK = "/services/data/v60.0/sobjects/Task/Waymark_Task_Id__c/42";
  static final String LOOKUP = TASK + "?fields=Id";
  static final String QUERY = "/services/data/v60.0/query";
  static final String TASK_ID = "00T5e00000AbCdEFGA";
  static final String WHO_ID = "0035e00000XyZabQAB";
  static final String NOT_FOUND = "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]";

  WireMockServer wiremock;
  TestClock clock = new TestClock(Instant.parse("2030-01-01T12:00:00Z"));
  SalesforceConnector salesforce;

  @BeforeEach
  void start() {
    wiremock = new WireMockServer(options().dynamicPort());
    wiremock.start();
    salesforce = new SalesforceConnector(new SalesforceProperties(wiremock.baseUrl(), null, "client-1", "secret-1",
        "v60.0", "Waymark_Task_Id__c", null, ZoneId.of("America/Los_Angeles"), Duration.ofMillis(700),
        Duration.ofMillis(700), new CrmResilience(3, Duration.ofMillis(5), 2.0, 0, 50, 4, 4, Duration.ofSeconds(30),
        1)), clock);
  }

  @AfterEach
  void stop() {
    wiremock.stop();
  }

  private void token(String accessToken) {
    wiremock.stubFor(post(urlEqualTo(TOKEN)).willReturn(okJson("{\"access_token\":\"" + accessToken + "\","
        + "\"instance_url\":\"" + wiremock.baseUrl() + "\",\"token_type\":\"Bearer\",\"issued_at\":\"1893500000000\","
        + "\"signature\":\"c2ln\"}")));
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static ResponseDefinitionBuilder upserted(int status, boolean created) {
    return json(status, "{\"id\":\"" + TASK_ID + "\",\"success\":true,\"errors\":[],\"created\":" + created + "}");
  }

  private void lookupFinds(String id) {
    wiremock.stubFor(get(urlEqualTo(LOOKUP)).willReturn(okJson("{\"attributes\":{\"type\":\"Task\",\"url\":"
        + "\"/services/data/v60.0/sobjects/Task/" + id + "\"},\"Id\":\"" + id + "\"}")));
  }

  private CrmTaskRequest request(Map<String, String> attributes) {
    return CrmRequests.request(42, CrmPriority.URGENT, attributes);
  }

  @Test
  void upsertsTheTaskByItsExternalIdWithTheDocumentedFields() {
    token("tok-1");
    wiremock.stubFor(get(urlEqualTo(LOOKUP)).willReturn(json(404, NOT_FOUND)));
    wiremock.stubFor(patch(urlEqualTo(TASK)).willReturn(upserted(201, true)));

    CrmTaskRef ref = salesforce.upsertTask(CrmRequests.withOwner(
        request(Map.of(CrmContact.SALESFORCE_WHO_ID, WHO_ID)), "0055e000001AbCdAAK"));

    assertThat(ref).isEqualTo(new CrmTaskRef("salesforce", TASK_ID, true));
    wiremock.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN))
        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
        .withRequestBody(equalTo("grant_type=client_credentials&client_id=client-1&client_secret=secret-1")));
    wiremock.verify(exactly(1), patchRequestedFor(urlEqualTo(TASK))
        .withHeader("Authorization", equalTo("Bearer tok-1"))
        .withRequestBody(equalToJson("""
            {"Subject": "[Hot Lead] [VIP] Call back Jane Doe",
             "Description": "${json-unit.any-string}",
             "ActivityDate": "2030-01-01",
             "ReminderDateTime": "2030-01-02T05:30:00.000Z",
             "IsReminderSet": true,
             "Priority": "High",
             "Status": "Not Started",
             "OwnerId": "0055e000001AbCdAAK",
             "WhoId": "0035e00000XyZabQAB"}
            """)));
    assertThat(wiremock.findAll(patchRequestedFor(urlEqualTo(TASK))).getFirst().getBodyAsString()).contains(
        "Tags: Hot Lead, VIP", "Due (SLA): 2030-01-02T05:30:00Z", "Waymark task 42");
    wiremock.verify(exactly(0), getRequestedFor(urlPathEqualTo(QUERY)));
  }

  @Test
  void sendsSalesforcesPriorityForEachOfWaymarks() throws Exception {
    assertThat(SalesforceConnector.priority(CrmPriority.LOW)).isEqualTo("Low");
    assertThat(SalesforceConnector.priority(CrmPriority.MEDIUM)).isEqualTo("Normal");
    assertThat(SalesforceConnector.priority(CrmPriority.HIGH)).isEqualTo("High");
    assertThat(SalesforceConnector.priority(CrmPriority.URGENT)).isEqualTo("High");
    token("tok-1");
    wiremock.stubFor(get(urlEqualTo(LOOKUP)).willReturn(json(404, NOT_FOUND)));
    wiremock.stubFor(patch(urlEqualTo(TASK)).willReturn(upserted(201, true)));

    salesforce.upsertTask(CrmRequests.request(42, CrmPriority.MEDIUM, Map.of(CrmContact.SALESFORCE_WHO_ID, WHO_ID)));

    String sent = wiremock.findAll(patchRequestedFor(urlEqualTo(TASK))).getFirst().getBodyAsString();
    assertThat(CrmHttp.JSON.readTree(sent).path("Priority").asText()).isEqualTo("Normal");
    assertThat(CrmHttp.JSON.readTree(sent).has("OwnerId")).isFalse();
  }

  @Test
  void findsTheContactOrElseTheUnconvertedLeadByPhone() {
    token("tok-1");
    wiremock.stubFor(get(urlEqualTo(LOOKUP)).willReturn(json(404, NOT_FOUND)));
    wiremock.stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("q", containing("FROM Contact"))
        .willReturn(okJson("{\"totalSize\":0,\"done\":true,\"records\":[]}")));
    wiremock.stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("q", containing("FROM Lead"))
        .willReturn(okJson("{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"Lead\"},"
            + "\"Id\":\"00Q5e00000LeAdIEAZ\"}]}")));
    wiremock.stubFor(patch(urlEqualTo(TASK)).willReturn(upserted(201, true)));

    salesforce.upsertTask(request(Map.of()));

    String phones = "('+14155550100', '(415) 555-0100', '4155550100')";
    wiremock.verify(exactly(1), getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", equalTo(
        "SELECT Id FROM Contact WHERE (Phone IN " + phones + " OR MobilePhone IN " + phones
            + ") ORDER BY CreatedDate LIMIT 1")));
    wiremock.verify(exactly(1), getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", equalTo(
        "SELECT Id FROM Lead WHERE IsConverted = false AND (Phone IN " + phones + " OR MobilePhone IN " + phones
            + ") ORDER BY CreatedDate LIMIT 1")));
    wiremock.verify(patchRequestedFor(urlEqualTo(TASK))
        .withRequestBody(equalToJson("{\"WhoId\":\"00Q5e00000LeAdIEAZ\"}", true, true)));
  }

  @Test
  void createsTheTaskWithoutWhoIdAndSaysSoWhenNobodyHasThePhoneNumber() {
    token("tok-1");
    wiremock.stubFor(get(urlEqualTo(LOOKUP)).willReturn(json(404, NOT_FOUND)));
    wiremock.stubFor(get(urlPathEqualTo(QUERY)).willReturn(okJson("{\"totalSize\":0,\"done\":true,\"records\":[]}")));
    wiremock.stubFor(patch(urlEqualTo(TASK)).willReturn(upserted(201, true)));

    salesforce.upsertTask(request(Map.of()));

    String sent = wiremock.findAll(patchRequestedFor(urlEqualTo(TASK))).getFirst().getBodyAsString();
    assertThat(sent).doesNotContain("WhoId")
        .contains("Not linked to a Salesforce Contact or Lead: none has the phone number +14155550100.");
  }

  @Test
  void returnsTheTaskAnEarlierAttemptCreatedWithoutWritingToIt() {
    token("tok-1");
    lookupFinds(TASK_ID);

    assertThat(salesforce.upsertTask(request(Map.of()))).isEqualTo(new CrmTaskRef("salesforce", TASK_ID, false));

    wiremock.verify(exactly(0), patchRequestedFor(urlEqualTo(TASK)));
  }

  @Test
  void reportsAnUpsertThatFoundTheTaskAlreadyThereAsNotCreated() {
    token("tok-1");
    wiremock.stubFor(get(urlEqualTo(LOOKUP)).willReturn(json(404, NOT_FOUND)));
    wiremock.stubFor(patch(urlEqualTo(TASK)).willReturn(upserted(200, false)));

    assertThat(salesforce.upsertTask(request(Map.of(CrmContact.SALESFORCE_WHO_ID, WHO_ID))))
        .isEqualTo(new CrmTaskRef("salesforce", TASK_ID, false));
  }

  @Test
  void readsTheIdBackWhenAnUpsertAnswers204() {
    token("tok-1");
    wiremock.stubFor(get(urlEqualTo(LOOKUP)).inScenario("upsert").whenScenarioStateIs(STARTED)
        .willReturn(json(404, NOT_FOUND)));
    wiremock.stubFor(patch(urlEqualTo(TASK)).inScenario("upsert").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(204)).willSetStateTo("updated"));
    wiremock.stubFor(get(urlEqualTo(LOOKUP)).inScenario("upsert").whenScenarioStateIs("updated")
        .willReturn(okJson("{\"Id\":\"" + TASK_ID + "\"}")));

    assertThat(salesforce.upsertTask(request(Map.of(CrmContact.SALESFORCE_WHO_ID, WHO_ID))))
        .isEqualTo(new CrmTaskRef("salesforce", TASK_ID, false));
    wiremock.verify(exactly(2), getRequestedFor(urlEqualTo(LOOKUP)));
  }

  @Test
  void keepsOneTokenForManyCalls() {
    token("tok-1");
    lookupFinds(TASK_ID);

    salesforce.upsertTask(request(Map.of()));
    salesforce.upsertTask(request(Map.of()));

    wiremock.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN)));
    wiremock.verify(exactly(2), getRequestedFor(urlEqualTo(LOOKUP)).withHeader("Authorization", equalTo("Bearer tok-1")));
  }

  @Test
  void fetchesOneFreshTokenAndRetriesOnceWhenSalesforceRejectsTheCachedOne() {
    wiremock.stubFor(post(urlEqualTo(TOKEN)).inScenario("tokens").whenScenarioStateIs(STARTED)
        .willReturn(okJson("{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\"}")).willSetStateTo("second"));
    wiremock.stubFor(post(urlEqualTo(TOKEN)).inScenario("tokens").whenScenarioStateIs("second")
        .willReturn(okJson("{\"access_token\":\"tok-2\",\"token_type\":\"Bearer\"}")));
    wiremock.stubFor(get(urlEqualTo(LOOKUP)).withHeader("Authorization", equalTo("Bearer tok-1"))
        .willReturn(json(401, "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]")));
    wiremock.stubFor(get(urlEqualTo(LOOKUP)).withHeader("Authorization", equalTo("Bearer tok-2"))
        .willReturn(json(404, NOT_FOUND)));
    wiremock.stubFor(patch(urlEqualTo(TASK)).withHeader("Authorization", equalTo("Bearer tok-2"))
        .willReturn(upserted(201, true)));

    assertThat(salesforce.upsertTask(request(Map.of(CrmContact.SALESFORCE_WHO_ID, WHO_ID))).created()).isTrue();

    wiremock.verify(exactly(2), postRequestedFor(urlEqualTo(TOKEN)));
    wiremock.verify(exactly(1), patchRequestedFor(urlEqualTo(TASK)));
  }

  @Test
  void refusesWhenAFreshTokenIsRejectedToo() {
    token("tok-1");
    wiremock.stubFor(get(urlEqualTo(LOOKUP))
        .willReturn(json(401, "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]")));

    assertThatThrownBy(() -> salesforce.upsertTask(request(Map.of())))
        .isInstanceOfSatisfying(CrmRejectedException.class, e -> assertThat(e.status()).isEqualTo(401))
        .hasMessageContaining("INVALID_SESSION_ID: Session expired or invalid");
    wiremock.verify(exactly(2), postRequestedFor(urlEqualTo(TOKEN)));
    wiremock.verify(exactly(2), getRequestedFor(urlEqualTo(LOOKUP)));
  }

  @Test
  void refusesBadClientCredentialsNamingSalesforcesError() {
    wiremock.stubFor(post(urlEqualTo(TOKEN)).willReturn(json(400,
        "{\"error\":\"invalid_client\",\"error_description\":\"invalid client credentials\"}")));

    assertThatThrownBy(() -> salesforce.upsertTask(request(Map.of())))
        .isInstanceOf(CrmRejectedException.class)
        .hasMessageContaining("client credentials at " + wiremock.baseUrl() + TOKEN)
        .hasMessageContaining("HTTP 400 invalid_client: invalid client credentials");
    wiremock.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN)));
  }

  @Test
  void refusesAnInvalidTaskNamingTheErrorCodeMessageAndFields() {
    token("tok-1");
    wiremock.stubFor(get(urlEqualTo(LOOKUP)).willReturn(json(404, NOT_FOUND)));
    wiremock.stubFor(patch(urlEqualTo(TASK)).willReturn(json(400, "[{\"message\":\"Owner ID: owner cannot be "
        + "inactive user\",\"errorCode\":\"INACTIVE_OWNER_OR_USER\",\"fields\":[\"OwnerId\"]}]")));

    assertThatThrownBy(() -> salesforce.upsertTask(request(Map.of(CrmContact.SALESFORCE_WHO_ID, WHO_ID))))
        .isInstanceOfSatisfying(CrmRejectedException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageContaining("the Task for Waymark task 42")
        .hasMessageContaining("INACTIVE_OWNER_OR_USER: Owner ID: owner cannot be inactive user (fields: OwnerId)");
    wiremock.verify(exactly(1), patchRequestedFor(urlEqualTo(TASK)));
    assertThat(salesforce.guard().breaker().getMetrics().getNumberOfFailedCalls()).isZero();
  }

  @Test
  void refusesAnExternalIdThatSeveralTasksCarry() {
    token("tok-1");
    wiremock.stubFor(get(urlEqualTo(LOOKUP)).willReturn(json(300, "[\"/services/data/v60.0/sobjects/Task/00T1\","
        + "\"/services/data/v60.0/sobjects/Task/00T2\"]")));

    assertThatThrownBy(() -> salesforce.upsertTask(request(Map.of())))
        .isInstanceOf(CrmRejectedException.class).hasMessageContaining("several Tasks carry that Waymark_Task_Id__c");
  }

  @Test
  void treatsTheApiRequestLimitAsUnavailable() {
    token("tok-1");
    wiremock.stubFor(get(urlEqualTo(LOOKUP)).willReturn(json(403,
        "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]")));

    assertThatThrownBy(() -> salesforce.upsertTask(request(Map.of())))
        .isInstanceOf(CrmUnavailableException.class).hasMessageContaining("REQUEST_LIMIT_EXCEEDED");
  }

  @Test
  void retriesAnUpsertWhoseAnswerWasLostAndFindsTheTaskItCreated() {
    token("tok-1");
    wiremock.stubFor(get(urlEqualTo(LOOKUP)).inScenario("lost").whenScenarioStateIs(STARTED)
        .willReturn(json(404, NOT_FOUND)));
    wiremock.stubFor(patch(urlEqualTo(TASK)).inScenario("lost").whenScenarioStateIs(STARTED)
        .willReturn(upserted(201, true).withFixedDelay(2_000)).willSetStateTo("written"));
    lookupFindsInState("lost", "written");

    assertThat(salesforce.upsertTask(request(Map.of(CrmContact.SALESFORCE_WHO_ID, WHO_ID))))
        .isEqualTo(new CrmTaskRef("salesforce", TASK_ID, false));
    wiremock.verify(exactly(1), patchRequestedFor(urlEqualTo(TASK)));
  }

  private void lookupFindsInState(String scenario, String state) {
    wiremock.stubFor(get(urlEqualTo(LOOKUP)).inScenario(scenario).whenScenarioStateIs(state)
        .willReturn(okJson("{\"Id\":\"" + TASK_ID + "\"}")));
  }

  @Test
  void reportsSalesforceDownThenOpensTheBreakerAndCreatesOneTaskOnceItIsBack() {
    token("tok-1");
    wiremock.stubFor(get(urlEqualTo(LOOKUP)).willReturn(json(503,
        "[{\"message\":\"Server unavailable\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]")));
    CrmTaskRequest request = request(Map.of(CrmContact.SALESFORCE_WHO_ID, WHO_ID));

    assertThatThrownBy(() -> salesforce.upsertTask(request)).isInstanceOf(CrmUnavailableException.class)
        .hasMessageContaining("HTTP 503 SERVER_UNAVAILABLE");
    wiremock.verify(exactly(3), getRequestedFor(urlEqualTo(LOOKUP)));
    assertThatThrownBy(() -> salesforce.upsertTask(request)).isInstanceOf(CrmUnavailableException.class);
    assertThat(salesforce.guard().breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
    int seen = wiremock.getAllServeEvents().size();
    assertThatThrownBy(() -> salesforce.upsertTask(request)).hasMessageContaining("circuit breaker crm-salesforce is open");
    assertThat(wiremock.getAllServeEvents()).hasSize(seen);

    wiremock.stubFor(get(urlEqualTo(LOOKUP)).willReturn(json(404, NOT_FOUND)));
    wiremock.stubFor(patch(urlEqualTo(TASK)).willReturn(upserted(201, true)));
    clock.advance(Duration.ofSeconds(31));

    assertThat(salesforce.upsertTask(request)).isEqualTo(new CrmTaskRef("salesforce", TASK_ID, true));
    assertThat(salesforce.guard().breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    wiremock.verify(exactly(1), patchRequestedFor(urlEqualTo(TASK)));
  }

  @Test
  void reportsARefusedConnectionAsUnavailable() {
    wiremock.stop();

    assertThatThrownBy(() -> salesforce.upsertTask(request(Map.of())))
        .isInstanceOf(CrmUnavailableException.class).hasMessageContaining("not reachable");
  }
}
