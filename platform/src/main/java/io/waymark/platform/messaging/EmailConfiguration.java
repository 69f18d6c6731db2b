package io.waymark.platform.messaging;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** Picks the email transport named by {@code waymark.email.transport}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailProperties.class)
class EmailConfiguration {

  static final String OUTBOX = "OUTBOX";

  @Bean
  EmailTransport emailTransport(EmailProperties properties, ObjectProvider<JavaMailSender> mail) {
    if (properties.transport() == EmailProperties.Transport.OUTBOX) {
      return email -> OUTBOX;
    }
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      throw new IllegalStateException("waymark.email.transport is smtp but spring.mail.host is not set: set "
          + "SPRING_MAIL_HOST (and SPRING_MAIL_PORT, SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD as needed)");
    }
    return new SmtpEmailTransport(sender);
  }
}
