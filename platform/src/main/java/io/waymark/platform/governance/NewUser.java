package io.waymark.platform.governance;

import java.util.List;

/**
 * A user to create: username (3 to 64 of a-z, 0-9, '.', '_', '-', starting with a letter), display name, email
 * (optional), password (at least 12 characters) and role names (at least one of {@link Role}).
 */
public record NewUser(String username, String displayName, String email, String password, List<String> roles) {

  public NewUser {
    roles = roles == null ? List.of() : List.copyOf(roles);
  }
}
