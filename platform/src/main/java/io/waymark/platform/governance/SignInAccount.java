package io.waymark.platform.governance;

import java.util.Set;

/**
 * What the sign-in needs to check a password: the stored hash ({@code {bcrypt}...}), whether the account may sign in,
 * and its roles. Only the UI's security set-up asks for it ({@link Users#signInAccount}); nothing shows it.
 */
public record SignInAccount(String username, String passwordHash, boolean enabled, Set<Role> roles) {

  public SignInAccount {
    roles = Set.copyOf(roles);
  }

  @Override
  public String toString() {
    return "SignInAccount[username=" + username + ", enabled=" + enabled + ", roles=" + roles + "]";
  }
}
