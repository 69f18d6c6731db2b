package io.waymark.ui.security;

import io.waymark.platform.governance.Role;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user's name and roles as views need them (nobody: empty). */
public final class SignedIn {

  private SignedIn() {
  }

  public static Set<Role> roles() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
      return roles;
    }
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      String name = authority.getAuthority();
      if (name != null && name.startsWith("ROLE_")) {
        Role.named(name.substring(5)).ifPresent(roles::add);
      }
    }
    return roles;
  }

  /** Whether the signed-in user may see full phone numbers (one of their roles needs them). */
  public static boolean seesFullPhoneNumbers() {
    return roles().stream().anyMatch(Role::seesFullPhoneNumbers);
  }
}
