package io.waymark.platform.messaging.telnyx;

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

import com.github.tomakehurst.wiremock.WireMockServer;
import io.waymark.platform.messaging.provider.OutboundSms;
import io.waymark.platform.messaging.provider.SmsProviderException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Telnyx adapter against WireMock: the documented request, the error mapping, the idempotency key. */
class TelnyxSmsProviderTests {

  WireMockServer wiremock;
  TelnyxSmsProvider telnyx;

  @BeforeEach
  void start() {
    wiremock = new WireMockServer(options().dynamicPort());
    wiremock.start();
    telnyx = new TelnyxSmsProvider(new TelnyxProperties("KEY123", wiremock.baseUrl(), "+12065550999", "profile-1",
        null, Duration.ofSeconds(2), Duration.ofSeconds(2)));
  }

  @AfterEach
  void stop() {
    wiremock.stop();
  }

  private static OutboundSms sms() {
    return new OutboundSms("+12065550100", null, "Hello", "job:42/Task_Send#1", null, Instant.now());
  }

  @Test
  void postsTheDocumentedJsonWithBearerAuthAndAnIdempotencyKey() {
    wiremock.stubFor(post(urlEqualTo("/v2/messages")).willReturn(okJson("{\"data\":{\"id\":\"tx-9\"}}")));

    assertThat(telnyx.send(sms())).isEqualTo("tx-9");

    wiremock.verify(exactly(1), postRequestedFor(urlEqualTo("/v2/messages"))
        .withHeader("Authorization", equalTo("Bearer KEY123"))
        .withHeader("Idempotency-Key", equalTo("job:42_Task_Send_1"))
        .withRequestBody(equalToJson("{\"from\":\"+12065550999\",\"to\":\"+12065550100\",\"text\":\"Hello\","
            + "\"messaging_profile_id\":\"profile-1\"}")));
  }

  @Test
  void mapsAStopBlockToAnOptOutAndAnInvalidNumberToAFinalAnswer() {
    wiremock.stubFor(post(urlEqualTo("/v2/messages")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"errors\":[{\"code\":\"40300\",\"title\":\"Blocked due to STOP message\"}]}")));
    assertThatThrownBy(() -> telnyx.send(sms())).isInstanceOfSatisfying(SmsProviderException.class,
        e -> assertThat(e.kind()).isEqualTo(SmsProviderException.Kind.OPTED_OUT));

    wiremock.stubFor(post(urlEqualTo("/v2/messages")).willReturn(aResponse().withStatus(422)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"errors\":[{\"code\":\"40310\",\"title\":\"Invalid 'to' address\"}]}")));
    assertThatThrownBy(() -> telnyx.send(sms())).isInstanceOfSatisfying(SmsProviderException.class,
        e -> assertThat(e.kind()).isEqualTo(SmsProviderException.Kind.INVALID_NUMBER));
  }

  @Test
  void reportsATimeoutAfterSendingAsUnconfirmed() {
    wiremock.stubFor(post(urlEqualTo("/v2/messages"))
        .willReturn(okJson("{\"data\":{\"id\":\"tx-slow\"}}").withFixedDelay(4_000)));

    assertThatThrownBy(() -> telnyx.send(sms())).isInstanceOfSatisfying(SmsProviderException.class,
        e -> assertThat(e.kind()).isEqualTo(SmsProviderException.Kind.UNCONFIRMED));
    assertThat(telnyx.canLookUp()).isFalse();
  }

  @Test
  void reportsARefusedConnectionAsRetryable() {
    wiremock.stop();

    assertThatThrownBy(() -> telnyx.send(sms())).isInstanceOfSatisfying(SmsProviderException.class,
        e -> assertThat(e.kind()).isEqualTo(SmsProviderException.Kind.RETRYABLE));
  }
}
