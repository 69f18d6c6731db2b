package io.waymark.platform.crm.connector;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@code waymark.crm.hubspot.*} and {@code waymark.crm.salesforce.*} always, so that a half-configured CRM
 * fails at start-up naming the missing property, and registers each {@link CrmConnector} only when its CRM is
 * configured: HubSpot by {@code access-token}, Salesforce by {@code instance-url}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({HubSpotProperties.class, SalesforceProperties.class})
class CrmConnectorsConfiguration {

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnExpression("'${waymark.crm.hubspot.access-token:}'.trim() != ''")
  static class HubSpot {

    @Bean
    HubSpotConnector hubSpotConnector(HubSpotProperties properties, Clock clock) {
      return new HubSpotConnector(properties, clock);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnExpression("'${waymark.crm.salesforce.instance-url:}'.trim() != ''")
  static class Salesforce {

    @Bean
    SalesforceConnector salesforceConnector(SalesforceProperties properties, Clock clock) {
      return new SalesforceConnector(properties, clock);
    }
  }
}
