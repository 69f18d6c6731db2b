package io.waymark.platform.messaging.provider;

import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The router over every enabled provider (the sandbox always, Twilio and Telnyx when configured). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmsRoutingProperties.class)
class SmsRoutingConfiguration {

  @Bean
  SmsRouter smsRouter(List<SmsProvider> providers, SmsRoutingProperties properties) {
    return new SmsRouter(providers, properties);
  }
}
