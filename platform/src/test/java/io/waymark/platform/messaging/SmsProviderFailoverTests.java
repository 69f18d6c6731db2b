package io.waymark.platform.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.consent.OptIn;
import io.waymark.platform.consent.SuppressionList;
import io.waymark.platform.contact.ContactDetails;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.messaging.provider.SmsRouter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Twilio first, Telnyx second, both on WireMock: the error mapping, retries, failover and reconciliation. */
@SpringBootTest
class SmsProviderFailoverTests {

  static final String MESSAGES = "/2010-04-01/Accounts/AC123/Messages.json";
  static final String TELNYX = "/v2/messages";
  static final WireMockServer WIREMOCK = new WireMockServer(options().dynamicPort());

  static {
    WIREMOCK.start();
  }

  @DynamicPropertySource
  static void providers(DynamicPropertyRegistry registry) {
    registry.add("waymark.public-base-url", () -> "https://waymark.example");
    registry.add("waymark.twilio.account-sid", () -> "AC123");
    registry.add("waymark.twilio.auth-token", () -> "secret");
    registry.add("waymark.twilio.base-url", WIREMOCK::baseUrl);
    registry.add("waymark.twilio.read-timeout", () -> "2s");
    registry.add("waymark.telnyx.api-key", () -> "KEY123");
    registry.add("waymark.telnyx.base-url", WIREMOCK::baseUrl);
    registry.add("waymark.telnyx.from", () -> "+12065550999");
    registry.add("waymark.sms.routes[0].brand", () -> "*");
    registry.add("waymark.sms.routes[0].country", () -> "US");
    registry.add("waymark.sms.routes[0].type", () -> "TOLL_FREE");
    registry.add("waymark.sms.routes[0].from", () -> "+18445550100");
    registry.add("waymark.sms.routes[0].providers", () -> "twilio,telnyx");
    registry.add("waymark.sms.routes[0].segments-per-second", () -> "0");
    registry.add("waymark.sms.resilience.attempts", () -> "2");
    registry.add("waymark.sms.resilience.initial-backoff", () -> "10ms");
    registry.add("waymark.sms.resilience.failure-rate", () -> "100");
    registry.add("waymark.sms.resilience.sliding-window", () -> "4");
    registry.add("waymark.sms.resilience.minimum-calls", () -> "4");
    registry.add("waymark.sms.resilience.open-wait", () -> "500ms");
    registry.add("waymark.sms.resilience.half-open-calls", () -> "1");
  }

  @AfterAll
  static void stop() {
    WIREMOCK.stop();
  }

  @Autowired SmsSender sender;
  @Autowired SmsRouter router;
  @Autowired ContactDirectory contacts;
  @Autowired ConsentLedger consent;
  @Autowired SuppressionList suppressions;
  @Autowired Clock clock;
  @Autowired @Qualifier("smsProvidersHealthIndicator") HealthIndicator providersHealth;

  @BeforeEach
  void reset() {
    WIREMOCK.resetAll();
    WIREMOCK.stubFor(twilioPost().willReturn(created("SM0001")));
    WIREMOCK.stubFor(post(urlEqualTo(TELNYX)).willReturn(okJson("{\"data\":{\"id\":\"tx-0001\"}}")));
  }

  @Test
  void sendsTheDocumentedTwilioFormWithBasicAuth() {
    ContactView contact = optedIn("+12065550150");

    SmsOutcome outcome = sender.send(new SmsRequest(key(), contact.id(), "order-updates", "transactional",
        "Your order shipped", null, null, clock.instant().plusSeconds(2 * 86_400)));

    assertThat(outcome.status()).isEqualTo(SmsOutcome.Status.SENT);
    assertThat(outcome.providerMessageId()).isEqualTo("SM0001");
    String basic = Base64.getEncoder().encodeToString("AC123:secret".getBytes(StandardCharsets.UTF_8));
    WIREMOCK.verify(exactly(1), postRequestedFor(urlEqualTo(MESSAGES))
        .withHeader("Authorization", equalTo("Basic " + basic))
        .withHeader("Content-Type", matching("application/x-www-form-urlencoded.*"))
        .withFormParam("To", equalTo("+12065550150"))
        .withFormParam("From", equalTo("+18445550100"))
        .withFormParam("Body", equalTo("Your order shipped"))
        .withFormParam("StatusCallback", equalTo("https://waymark.example/webhooks/twilio/status"))
        .withFormParam("ValidityPeriod", equalTo("36000")));
    WIREMOCK.verify(exactly(0), postRequestedFor(urlEqualTo(TELNYX)));
  }

  @Test
  void retriesATooManyRequestsAnswerAndThenSends() {
    ContactView contact = optedIn("+12065550151");
    WIREMOCK.stubFor(twilioPost().inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(error(429, 20429, "Too Many Requests")).willSetStateTo("calm"));
    WIREMOCK.stubFor(twilioPost().inScenario("busy").whenScenarioStateIs("calm").willReturn(created("SM0429")));

    SmsOutcome outcome = sender.send(request(contact));

    assertThat(outcome.providerMessageId()).isEqualTo("SM0429");
    WIREMOCK.verify(exactly(2), postRequestedFor(urlEqualTo(MESSAGES)));
    WIREMOCK.verify(exactly(0), postRequestedFor(urlEqualTo(TELNYX)));
  }

  @Test
  void suppressesTheContactWhenTwilioReportsThemUnsubscribed() {
    ContactView contact = optedIn("+12065550152");
    WIREMOCK.stubFor(twilioPost().willReturn(error(400, 21610, "Attempt to send to unsubscribed recipient")));
    SmsRequest request = request(contact);

    SmsOutcome outcome = sender.send(request);
    SmsOutcome again = sender.send(request);
    SmsOutcome next = sender.send(request(contact));

    assertThat(outcome.status()).isEqualTo(SmsOutcome.Status.SUPPRESSED);
    assertThat(outcome.reason()).isEqualTo(SmsSender.PROVIDER_OPT_OUT);
    assertThat(again.duplicate()).isTrue();
    assertThat(next.status()).isEqualTo(SmsOutcome.Status.SUPPRESSED);
    assertThat(suppressions.active(contact.phone())).hasValueSatisfying(entry -> {
      assertThat(entry.reason()).isEqualTo("provider: recipient unsubscribed (Twilio 21610)");
      assertThat(entry.source()).isEqualTo("provider");
    });
    WIREMOCK.verify(exactly(1), postRequestedFor(urlEqualTo(MESSAGES)));
    WIREMOCK.verify(exactly(0), postRequestedFor(urlEqualTo(TELNYX)));
  }

  @Test
  void failsForGoodOnAnInvalidNumberWithoutTrippingTheBreaker() {
    ContactView contact = optedIn("+12065550153");
    WIREMOCK.stubFor(twilioPost().willReturn(error(400, 21211, "The 'To' number is not a valid phone number.")));

    SmsOutcome outcome = sender.send(request(contact));

    assertThat(outcome.status()).isEqualTo(SmsOutcome.Status.FAILED);
    assertThat(outcome.reason()).contains("21211").contains("not a valid phone number");
    assertThat(router.breakerState("twilio")).isEqualTo(CircuitBreaker.State.CLOSED);
    WIREMOCK.verify(exactly(1), postRequestedFor(urlEqualTo(MESSAGES)));
    WIREMOCK.verify(exactly(0), postRequestedFor(urlEqualTo(TELNYX)));
  }

  @Test
  void failsOverWhileTwilioIsDownAndReturnsOnceTheBreakerCloses() throws InterruptedException {
    ContactView contact = optedIn("+12065550154");
    WIREMOCK.stubFor(twilioPost().willReturn(error(503, 0, "Service Unavailable")));

    SmsOutcome first = sender.send(request(contact));
    SmsOutcome second = sender.send(request(contact));
    assertThat(router.breakerState("twilio")).isEqualTo(CircuitBreaker.State.OPEN);
    Health openHealth = providersHealth.health();
    assertThat(openHealth.getStatus()).isEqualTo(Status.UP);
    assertThat(openHealth.getDetails()).containsEntry("canSend", true)
        .containsEntry("twilio", Map.of("breaker", "OPEN", "failureRate", "100.0%", "bufferedCalls", 4,
            "refusedCalls", 0L))
        .containsKey("telnyx");
    SmsOutcome whileOpen = sender.send(request(contact));

    assertThat(List.of(first, second, whileOpen)).extracting(SmsOutcome::providerMessageId).containsOnly("tx-0001");
    WIREMOCK.verify(exactly(4), postRequestedFor(urlEqualTo(MESSAGES)));
    WIREMOCK.verify(exactly(3), postRequestedFor(urlEqualTo(TELNYX))
        .withHeader("Authorization", equalTo("Bearer KEY123")));

    WIREMOCK.stubFor(twilioPost().willReturn(created("SM0BACK")));
    Thread.sleep(600);
    SmsOutcome recovered = sender.send(request(contact));

    assertThat(recovered.providerMessageId()).isEqualTo("SM0BACK");
    assertThat(router.breakerState("twilio")).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(providersHealth.health().getDetails().get("twilio")).asInstanceOf(
        org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("breaker", "CLOSED");
    WIREMOCK.verify(exactly(3), postRequestedFor(urlEqualTo(TELNYX)));
  }

  @Test
  void reconcilesASendThatTimedOutAfterTwilioAcceptedIt() throws InterruptedException {
    ContactView contact = optedIn("+12065550155");
    WIREMOCK.stubFor(twilioPost().willReturn(created("SMSLOW").withFixedDelay(3_000)));
    String createdAt = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(ZoneOffset.UTC));
    WIREMOCK.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("To", equalTo("+12065550155"))
        .withQueryParam("From", equalTo("+18445550100"))
        .willReturn(okJson("{\"messages\":[{\"sid\":\"SMSLOW\",\"direction\":\"outbound-api\",\"body\":\"Hello\","
            + "\"to\":\"+12065550155\",\"status\":\"sent\",\"date_created\":\"" + createdAt + "\"}]}")));
    SmsRequest request = request(contact);
    long start = System.nanoTime();

    assertThatThrownBy(() -> sender.send(request)).isInstanceOf(SmsSender.SendUnconfirmedException.class);
    SmsOutcome retried = sender.send(request);

    assertThat(retried.status()).isEqualTo(SmsOutcome.Status.SENT);
    assertThat(retried.providerMessageId()).isEqualTo("SMSLOW");
    WIREMOCK.verify(exactly(1), postRequestedFor(urlEqualTo(MESSAGES)));
    WIREMOCK.verify(exactly(0), postRequestedFor(urlEqualTo(TELNYX)));
    // let WireMock finish the slow answer, so that its connection cannot leak into the next test
    Thread.sleep(Math.max(0, 3_500 - (System.nanoTime() - start) / 1_000_000));
  }

  private static MappingBuilder twilioPost() {
    return post(urlEqualTo(MESSAGES));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(String sid) {
    return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{\"sid\":\"" + sid + "\",\"status\":\"queued\"}");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, int code,
      String message) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody("{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":" + status + "}");
  }

  private ContactView optedIn(String phone) {
    ContactView contact = contacts.upsert(new ContactDetails(phone, "US", "Test", null, null, null, "WA", null,
        Map.of()));
    consent.recordOptIn(new OptIn(contact.id(), contact.phone(), List.of("order-updates"), "web-form", "Yes", "test",
        clock.instant().minusSeconds(60)));
    return contact;
  }

  private static SmsRequest request(ContactView contact) {
    return new SmsRequest(key(), contact.id(), "order-updates", "transactional", "Hello", null, null);
  }

  private static String key() {
    return "test:" + UUID.randomUUID();
  }
}
