package io.waymark.platform.governance;

import java.time.Instant;
import java.util.Set;

/** A user as the rest of Waymark sees them: never the password hash. */
public record UserView(String username, String displayName, String email, boolean enabled, Set<Role> roles,
    Instant createdAt) {

  public UserView {
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
