package io.waymark.platform.governance;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are hashed by Spring Security's {@code DelegatingPasswordEncoder}: BCrypt today, stored with its id
 * ({@code {bcrypt}...}) so that a stronger algorithm can take over later without invalidating stored hashes. The same
 * encoder checks passwords at sign-in.
 */
@Configuration(proxyBeanMethods = false)
class GovernanceConfiguration {

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}
