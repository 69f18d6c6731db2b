package io.waymark.platform.crm.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Without their secrets the webhooks do not exist (404, even to a request that looks signed); with a secret but
 * nothing to report completions to, or no public base URL for HubSpot's signature, Waymark refuses to start.
 */
class CrmWebhooksOffTests {

  static final HubSpotProperties HUBSPOT_OFF = new HubSpotProperties(null, "https://api.hubapi.com", null,
      Duration.ofSeconds(10), Duration.ofSeconds(2), null);
  static final HubSpotProperties HUBSPOT_ON = new HubSpotProperties("pat", "https://api.hubapi.com", "secret",
      Duration.ofSeconds(10), Duration.ofSeconds(2), null);

  private static ObjectProvider<CrmTaskCompletions> none() {
    return new StaticListableBeanFactory().getBeanProvider(CrmTaskCompletions.class);
  }

  private static ObjectProvider<CrmTaskCompletions> inbox() {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("inbox", new RecordingCompletions());
    return beans.getBeanProvider(CrmTaskCompletions.class);
  }

  private static SalesforceProperties salesforce(String webhookSecret) {
    return new SalesforceProperties(webhookSecret == null ? null : "https://acme.my.salesforce.com", null,
        webhookSecret == null ? null : "id", webhookSecret == null ? null : "secret", "v60.0", "Waymark_Task_Id__c",
        webhookSecret, java.time.ZoneOffset.UTC, Duration.ofSeconds(10), Duration.ofSeconds(2), null);
  }

  @Test
  void answersNotFoundWithoutSecretsEvenToARequestThatLooksSigned() {
    HubSpotWebhooks hubspot = new HubSpotWebhooks(HUBSPOT_OFF, none(), Clock.systemUTC(), "https://w.example.com");
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/hubspot/tasks");
    request.addHeader(HubSpotWebhooks.SIGNATURE, "hSMz/Ns0Kz0aAS3rsmuAiVqC95faEqnx5JEngmBokAE=");
    request.addHeader(HubSpotWebhooks.TIMESTAMP, Long.toString(System.currentTimeMillis()));
    byte[] body = "[{\"objectId\":9001}]".getBytes(StandardCharsets.UTF_8);
    SalesforceWebhooks salesforce = new SalesforceWebhooks(salesforce(null), none());

    assertThat(hubspot.tasks(request, body).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(salesforce.tasks("anything", body).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void refusesToStartWithASecretButNoInboxToReportTo() {
    assertThatThrownBy(() -> new HubSpotWebhooks(HUBSPOT_ON, none(), Clock.systemUTC(), "https://w.example.com"))
        .hasMessageContaining("waymark.crm.hubspot.client-secret is set, but there is no CrmTaskCompletions bean");
    assertThatThrownBy(() -> new SalesforceWebhooks(salesforce("shared"), none()))
        .hasMessageContaining("waymark.crm.salesforce.webhook-secret is set, but there is no CrmTaskCompletions bean");
  }

  @Test
  void refusesToStartTheHubSpotWebhookWithoutAPublicBaseUrl() {
    assertThatThrownBy(() -> new HubSpotWebhooks(HUBSPOT_ON, inbox(), Clock.systemUTC(), " "))
        .hasMessageContaining("waymark.public-base-url");
  }
}
