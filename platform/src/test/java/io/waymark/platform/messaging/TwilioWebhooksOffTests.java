package io.waymark.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

/** Without an auth token the Twilio webhooks do not exist; with one, a public base URL is required. */
class TwilioWebhooksOffTests {

  @Test
  void answersNotFoundWithoutAnAuthTokenEvenToARequestThatLooksSigned() {
    TwilioWebhooks webhooks = new TwilioWebhooks(new TwilioWebhookVerifier("", "https://waymark.example.com"),
        null, null);
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/twilio/inbound");
    request.addHeader(TwilioWebhookVerifier.HEADER, "RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    request.addParameter("MessageSid", "SM1");

    assertThat(webhooks.inbound(request).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(webhooks.status(request).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void refusesToStartWithAnAuthTokenButNoPublicBaseUrl() {
    assertThatThrownBy(() -> new TwilioWebhookVerifier("token", " "))
        .hasMessageContaining("waymark.public-base-url");
  }
}
