package io.waymark.platform.messaging.telnyx;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waymark.telnyx.*}: the adapter is enabled when {@code apiKey} is set. Messages leave from the route's
 * sender, else {@code from}; {@code messagingProfileId} and {@code webhookUrl} are passed when set.
 */
@ConfigurationProperties("waymark.telnyx")
record TelnyxProperties(
    String apiKey,
    @DefaultValue("https://api.telnyx.com") String baseUrl,
    String from,
    String messagingProfileId,
    String webhookUrl,
    @DefaultValue("2s") Duration connectTimeout,
    @DefaultValue("10s") Duration readTimeout) {
}
