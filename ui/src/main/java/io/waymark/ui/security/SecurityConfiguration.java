package io.waymark.ui.security;

import com.vaadin.flow.spring.security.VaadinSavedRequestAwareAuthenticationSuccessHandler;
import com.vaadin.flow.spring.security.VaadinWebSecurity;
import io.waymark.ui.layout.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two filter chains. Machine endpoints ({@code /api/**}, {@code /webhooks/**}, {@code /sandbox/**}, short links
 * {@code /l/**}, health) pass Spring Security untouched: stateless, no CSRF, no sign-in; they keep their own checks
 * ({@code X-Api-Key} on {@code /api/v1/**}, provider signatures on webhooks). Everything else is Vaadin's: form
 * sign-in at {@code /login} ({@link LoginView}), views guarded by their annotations ({@code @RolesAllowed},
 * {@code @PermitAll}); a successful sign-in marks its session for {@link FirstScreen} before Vaadin's handler
 * redirects (to the saved request, or to the Overview, which forwards each role to its work). JSR-250 method security guards facades such as {@code Users} and {@code AuditLog.find}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration extends VaadinWebSecurity {

  static final String[] MACHINE_PATHS = {"/api/**", "/webhooks/**", "/sandbox/**", "/l/**", "/actuator/health",
      "/actuator/health/**", "/actuator/info"};

  @Bean
  @Order(1)
  SecurityFilterChain machineEndpoints(HttpSecurity http) throws Exception {
    return http.securityMatcher(MACHINE_PATHS)
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .build();
  }

  @Override
  protected void configure(HttpSecurity http) throws Exception {
    super.configure(http);
    setLoginView(http, LoginView.class, "/login");
    var vaadinHandler = http.getSharedObject(VaadinSavedRequestAwareAuthenticationSuccessHandler.class);
    if (vaadinHandler == null) {
      throw new IllegalStateException("Vaadin's sign-in success handler is not configured: setLoginView changed?");
    }
    http.formLogin(form -> form.successHandler((request, response, authentication) -> {
      FirstScreen.markSignedIn(request);
      vaadinHandler.onAuthenticationSuccess(request, response, authentication);
    }));
  }
}
