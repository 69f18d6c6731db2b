package io.waymark.ui.security;

import io.waymark.platform.governance.Users;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Sign-in reads users from the governance module: the stored hash (checked by the platform's
 * {@code DelegatingPasswordEncoder}), disabled accounts refused, each {@code Role} as authority {@code ROLE_<name>}.
 */
@Component
class DatabaseUserDetails implements UserDetailsService {

  private final Users users;

  DatabaseUserDetails(Users users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    return users.signInAccount(username)
        .map(account -> User.withUsername(account.username()).password(account.passwordHash())
            .disabled(!account.enabled()).roles(account.roles().stream().map(Enum::name).toArray(String[]::new))
            .build())
        .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
  }
}
