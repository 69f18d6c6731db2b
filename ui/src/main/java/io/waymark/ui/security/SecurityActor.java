package io.waymark.ui.security;

import io.waymark.platform.governance.CurrentActor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who acts, for the audit log: the signed-in user; {@code api} for a request to the REST API (machine clients
 * authenticated by {@code X-Api-Key}); {@code system} for anything else (job workers, schedulers, start-up).
 */
@Component
class SecurityActor implements CurrentActor {

  @Override
  public String name() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken)) {
      return authentication.getName();
    }
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
        && request.getRequest().getRequestURI().startsWith(request.getRequest().getContextPath() + "/api/")) {
      return API;
    }
    return SYSTEM;
  }
}
