package io.waymark.ui.layout;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import io.waymark.platform.governance.Role;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Signs a user in inside Karibu's faked servlet environment (Karibu 2.5 has no Spring Security bridge): the security
 * context, and the fake request's principal and roles, which Vaadin's navigation access control reads.
 */
public final class SignIn {

  private SignIn() {
  }

  public static void as(String username, Role... roles) {
    List<String> authorities = Arrays.stream(roles).map(r -> "ROLE_" + r.name()).toList();
    var authentication = UsernamePasswordAuthenticationToken.authenticated(username, null,
        AuthorityUtils.createAuthorityList(authorities));
    SecurityContextHolder.getContext().setAuthentication(authentication);
    ServletRequest wrapped = VaadinServletRequest.getCurrent().getHttpServletRequest();
    while (wrapped instanceof ServletRequestWrapper wrapper) {
      wrapped = wrapper.getRequest();
    }
    FakeRequest request = (FakeRequest) wrapped;
    request.setUserPrincipalInt(authentication);
    request.setUserInRole((principal, role) -> authorities.contains("ROLE_" + role));
  }
}
