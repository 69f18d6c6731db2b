package io.waymark.platform.messaging.twilio;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the Twilio adapter when {@code waymark.twilio.account-sid} is set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TwilioProperties.class)
@ConditionalOnExpression("'${waymark.twilio.account-sid:}'.trim() != ''")
class TwilioConfiguration {

  @Bean
  TwilioSmsProvider twilioSmsProvider(TwilioProperties properties,
      @Value("${waymark.public-base-url:http://localhost:8080}") String publicBaseUrl, Clock clock) {
    return new TwilioSmsProvider(properties, publicBaseUrl, clock);
  }
}
