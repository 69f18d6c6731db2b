package io.waymark.e2e;

import io.waymark.platform.governance.CurrentActor;
import io.waymark.platform.governance.Users;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The demo users get new random passwords at every start ({@code UserBootstrap}); the browser tests need to type one.
 * Once the application is ready (after the bootstrap ran), every user's password is set to {@link #of(String)}
 * through the {@code Users} facade, acting as {@link CurrentActor#SYSTEM} with ADMIN as the bootstrap does. Test-only: the
 * application itself has no known password.
 */
@TestConfiguration(proxyBeanMethods = false)
public class KnownPasswords {

  /** The password the browser types for {@code username}. */
  static String of(String username) {
    return username + "-e2e-password";
  }

  @Bean
  ApplicationListener<ApplicationReadyEvent> knownPasswordsForEveryUser(Users users) {
    return ready -> {
      var context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(CurrentActor.SYSTEM, null,
          AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
      SecurityContextHolder.setContext(context);
      try {
        List<String> usernames = users.list().stream().map(user -> user.username()).toList();
        if (usernames.isEmpty()) {
          throw new IllegalStateException("no users to sign in with: the e2e tests need waymark.demo.users=true");
        }
        usernames.forEach(username -> users.setPassword(username, of(username)));
      } finally {
        SecurityContextHolder.clearContext();
      }
    };
  }
}
