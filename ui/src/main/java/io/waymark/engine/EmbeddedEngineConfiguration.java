package io.waymark.engine;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code waymark.engine.embedded.enabled=true}, Waymark runs its own durable Zeebe broker (see {@link
 * EmbeddedZeebeBroker}); its state lives under {@code ${waymark.data-dir:./data}/zeebe}. The Camunda client is pointed
 * at it by configuration ({@code camunda.client.grpc-address}, {@code prefer-rest-over-grpc=false}), not here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "waymark.engine.embedded.enabled", havingValue = "true")
@EnableConfigurationProperties(EmbeddedEngineProperties.class)
class EmbeddedEngineConfiguration {

  @Bean
  ZeebeDistribution zeebeDistribution(EmbeddedEngineProperties properties,
      @Value("${waymark.data-dir:./data}") Path dataDir) {
    return new ZeebeDistribution(properties, dataDir);
  }

  @Bean
  EmbeddedZeebeBroker embeddedZeebeBroker(EmbeddedEngineProperties properties, ZeebeDistribution distribution,
      @Value("${waymark.data-dir:./data}") Path dataDir) {
    return new EmbeddedZeebeBroker(properties, distribution, dataDir);
  }

  @Bean
  EmbeddedBrokerHealthIndicator embeddedBrokerHealthIndicator(EmbeddedZeebeBroker broker) {
    return new EmbeddedBrokerHealthIndicator(broker);
  }
}
