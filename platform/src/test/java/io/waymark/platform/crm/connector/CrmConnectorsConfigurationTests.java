package io.waymark.platform.crm.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A connector exists only when its CRM is configured; a half-configured CRM stops the start naming what is missing. */
class CrmConnectorsConfigurationTests {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(CrmConnectorsConfiguration.class)
      .withBean(Clock.class, Clock::systemUTC);

  @Test
  void registersNoConnectorWhenNoCrmIsConfigured() {
    context.run(started -> {
      assertThat(started).hasNotFailed();
      assertThat(started).doesNotHaveBean(CrmConnector.class);
    });
  }

  @Test
  void registersTheHubSpotConnectorWhenItsAccessTokenIsSet() {
    context.withPropertyValues("waymark.crm.hubspot.access-token=pat-1",
        "waymark.crm.hubspot.resilience.open-wait=2m").run(started -> {
          assertThat(started.getBeansOfType(CrmConnector.class).values())
              .extracting(CrmConnector::system).containsExactly("hubspot");
          HubSpotProperties hubspot = started.getBean(HubSpotProperties.class);
          assertThat(hubspot.baseUrl()).isEqualTo("https://api.hubapi.com");
          assertThat(hubspot.webhooksEnabled()).isFalse();
          assertThat(hubspot.resilience().openWait()).hasMinutes(2);
          assertThat(hubspot.resilience().attempts()).isEqualTo(3);
        });
  }

  @Test
  void registersBothConnectorsWhenBothCrmsAreConfigured() {
    context.withPropertyValues("waymark.crm.hubspot.access-token=pat-1",
        "waymark.crm.salesforce.instance-url=https://acme.my.salesforce.com/",
        "waymark.crm.salesforce.client-id=id-1", "waymark.crm.salesforce.client-secret=secret-1").run(started -> {
          assertThat(started.getBeansOfType(CrmConnector.class).values())
              .extracting(CrmConnector::system).containsExactlyInAnyOrder("hubspot", "salesforce");
          SalesforceProperties salesforce = started.getBean(SalesforceProperties.class);
          assertThat(salesforce.tokenUrl()).isEqualTo("https://acme.my.salesforce.com/services/oauth2/token");
          assertThat(salesforce.apiVersion()).isEqualTo("v60.0");
          assertThat(salesforce.externalIdField()).isEqualTo("Waymark_Task_Id__c");
        });
  }

  @Test
  void refusesToStartWithASalesforceInstanceButNoClientCredentials() {
    context.withPropertyValues("waymark.crm.salesforce.instance-url=https://acme.my.salesforce.com",
        "waymark.crm.salesforce.client-secret=secret-1").run(started -> {
          assertThat(started).hasFailed();
          assertThat(started.getStartupFailure()).rootCause().hasMessage("waymark.crm.salesforce.client-id: is "
              + "required when waymark.crm.salesforce.instance-url is set");
        });
  }

  @Test
  void refusesToStartWithSalesforceCredentialsButNoInstance() {
    context.withPropertyValues("waymark.crm.salesforce.client-id=id-1").run(started ->
        assertThat(started.getStartupFailure()).rootCause().hasMessage("waymark.crm.salesforce.instance-url: is "
            + "required when waymark.crm.salesforce.client-id is set"));
  }

  @Test
  void refusesToStartWithAHubSpotClientSecretButNoAccessToken() {
    context.withPropertyValues("waymark.crm.hubspot.client-secret=secret").run(started ->
        assertThat(started.getStartupFailure()).rootCause()
            .hasMessageStartingWith("waymark.crm.hubspot.access-token: is required when "
                + "waymark.crm.hubspot.client-secret is set"));
  }

  @Test
  void refusesToStartWithABaseUrlThatIsNoUrl() {
    context.withPropertyValues("waymark.crm.hubspot.access-token=pat-1", "waymark.crm.hubspot.base-url=api.hubapi.com")
        .run(started -> assertThat(started.getStartupFailure()).rootCause()
            .hasMessage("waymark.crm.hubspot.base-url: 'api.hubapi.com' is not an http(s) URL"));
  }
}
