package io.waymark.platform.messaging.twilio;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waymark.twilio.*}: the adapter is enabled when {@code accountSid} is set. Messages leave from the route's
 * sender, else {@code from}, else {@code messagingServiceSid}.
 */
@ConfigurationProperties("waymark.twilio")
record TwilioProperties(
    String accountSid,
    String authToken,
    @DefaultValue("https://api.twilio.com") String baseUrl,
    String from,
    String messagingServiceSid,
    @DefaultValue("2s") Duration connectTimeout,
    @DefaultValue("10s") Duration readTimeout) {

  TwilioProperties {
    if (accountSid != null && !accountSid.isBlank()) {
      if (authToken == null || authToken.isBlank()) {
        throw new IllegalArgumentException("waymark.twilio.auth-token: is required when waymark.twilio.account-sid "
            + "is set");
      }
    }
  }
}
