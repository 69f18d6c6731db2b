package io.waymark.platform.messaging.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.waymark.platform.messaging.provider.DeliveryStatusLookup.Delivery;
import io.waymark.platform.messaging.provider.DeliveryStatusLookup.ProviderStatus;
import io.waymark.platform.messaging.provider.SmsProviderException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reconciliation asks Twilio for one message: {@code GET /Messages/{sid}.json}, read like a status callback. */
class TwilioDeliveryStatusTests {

  static final String MESSAGE = "/2010-04-01/Accounts/AC123/Messages/SM0042.json";

  WireMockServer wiremock;
  TwilioSmsProvider twilio;

  @BeforeEach
  void start() {
    wiremock = new WireMockServer(options().dynamicPort());
    wiremock.start();
    twilio = new TwilioSmsProvider(new TwilioProperties("AC123", "secret", wiremock.baseUrl(), "+15005550006", null,
        Duration.ofSeconds(2), Duration.ofSeconds(2)), "https://waymark.example", Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    wiremock.stop();
  }

  @ParameterizedTest
  @CsvSource(nullValues = "null", value = {
      "delivered,   null,  DELIVERED",
      "read,        null,  DELIVERED",
      "undelivered, 30003, UNDELIVERED",
      "failed,      30008, FAILED",
      "canceled,    null,  FAILED",
      "sent,        null,  PENDING",
      "queued,      null,  PENDING"})
  void readsTheStatusAndErrorCodeTwilioReports(String status, String errorCode, Delivery expected) {
    wiremock.stubFor(get(urlEqualTo(MESSAGE)).withBasicAuth("AC123", "secret").willReturn(okJson(
        "{\"sid\":\"SM0042\",\"status\":\"" + status + "\",\"error_code\":" + errorCode + "}")));

    assertThat(twilio.lookup("SM0042")).contains(new ProviderStatus(status, expected, errorCode));
  }

  @Test
  void answersNothingWhenTwilioDoesNotKnowTheMessage() {
    wiremock.stubFor(get(urlEqualTo(MESSAGE)).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"code\":20404,\"message\":\"The requested resource was not found\",\"status\":404}")));

    assertThat(twilio.lookup("SM0042")).isEmpty();
  }

  @Test
  void throwsOnAServerErrorSoTheMessageIsAskedAboutAgainLater() {
    wiremock.stubFor(get(urlEqualTo(MESSAGE)).willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> twilio.lookup("SM0042")).isInstanceOf(SmsProviderException.class)
        .hasMessageContaining("503");
  }

  @Test
  void speaksForTheProviderRecordedOnTheLedger() {
    assertThat(twilio.providerName()).isEqualTo("twilio").isEqualTo(twilio.name());
  }
}
