package io.waymark.platform.crm.connector;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waymark.crm.hubspot.*}: the connector is enabled when {@code accessToken} (a private app's token, scopes
 * {@code crm.objects.contacts.read/write}) is set; {@code clientSecret} (the app's client secret) enables the
 * completion webhook at {@code /webhooks/hubspot/tasks}, which checks HubSpot's v3 signature with it. {@code timeout}
 * bounds each request's answer, {@code connectTimeout} the connection.
 */
@ConfigurationProperties("waymark.crm.hubspot")
record HubSpotProperties(
    String accessToken,
    @DefaultValue("https://api.hubapi.com") String baseUrl,
    String clientSecret,
    @DefaultValue("10s") Duration timeout,
    @DefaultValue("2s") Duration connectTimeout,
    @DefaultValue CrmResilience resilience) {

  HubSpotProperties {
    if (Settings.isSet(accessToken)) {
      accessToken = accessToken.strip();
      baseUrl = Settings.httpUrl(baseUrl, "waymark.crm.hubspot.base-url");
      Settings.positive(timeout, "waymark.crm.hubspot.timeout");
      Settings.positive(connectTimeout, "waymark.crm.hubspot.connect-timeout");
    } else if (Settings.isSet(clientSecret)) {
      throw new IllegalArgumentException("waymark.crm.hubspot.access-token: is required when "
          + "waymark.crm.hubspot.client-secret is set (the webhook reports tasks the connector creates)");
    }
    clientSecret = Settings.isSet(clientSecret) ? clientSecret.strip() : null;
    resilience = resilience == null ? CrmResilience.defaults() : resilience;
  }

  boolean enabled() {
    return Settings.isSet(accessToken);
  }

  boolean webhooksEnabled() {
    return clientSecret != null;
  }
}
