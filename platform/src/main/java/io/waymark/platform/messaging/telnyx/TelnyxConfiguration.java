package io.waymark.platform.messaging.telnyx;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the Telnyx adapter when {@code waymark.telnyx.api-key} is set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TelnyxProperties.class)
@ConditionalOnExpression("'${waymark.telnyx.api-key:}'.trim() != ''")
class TelnyxConfiguration {

  @Bean
  TelnyxSmsProvider telnyxSmsProvider(TelnyxProperties properties) {
    return new TelnyxSmsProvider(properties);
  }
}
