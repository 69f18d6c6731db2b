package io.waymark.ui.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.waymark.EngineTest;
import io.waymark.platform.governance.AuditLog;
import io.waymark.platform.governance.AuditQuery;
import io.waymark.platform.governance.NewUser;
import io.waymark.platform.governance.Users;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The security set-up in the whole application: the REST API and webhooks still answer without a session (API key
 * rules unchanged), a browser asking for a view is sent to sign in, demo users sign in with their passwords, and
 * guarded facades refuse callers without the role.
 */
@EngineTest
class SecurityWiringTests extends EngineTest.Base {

  @Autowired MockMvc mvc;
  @Autowired Users users;
  @Autowired AuditLog audit;

  @Test
  void leavesTheRestApiToItsApiKeyAndSendsBrowsersToSignIn() throws Exception {
    mvc.perform(post("/api/v1/consents").contentType(MediaType.APPLICATION_JSON).content("""
            {"phone": "+16465550177", "topics": ["promotions"], "channel": "web-form", "text": "Yes"}
            """)).andExpect(status().isCreated());
    mvc.perform(get("/api/v1/contacts/{phone}/consents", "+16465550177")).andExpect(status().isOk());
    mvc.perform(get("/actuator/health")).andExpect(status().is(org.hamcrest.Matchers.oneOf(200, 503)));

    mvc.perform(get("/audit")).andExpect(status().isFound())
        .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
  }

  @Test
  void recordsMachineClientsAsApi() throws Exception {
    mvc.perform(post("/api/v1/suppressions").contentType(MediaType.APPLICATION_JSON).content("""
            {"phone": "+16465550178", "reason": "litigator"}
            """)).andExpect(status().isCreated());

    assertThat(auditEntriesFor("+16465550178")).singleElement().isEqualTo("api");
  }

  private List<String> auditEntriesFor(String phone) {
    return as("casey", "COMPLIANCE",
        () -> audit.find(AuditQuery.all().bySubject("phone", phone), 0, 5).stream().map(e -> e.actor()).toList());
  }

  /** Runs {@code action} signed in as {@code username} with {@code role}. */
  static <T> T as(String username, String role, Supplier<T> action) {
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
        AuthorityUtils.createAuthorityList("ROLE_" + role)));
    SecurityContextHolder.setContext(context);
    try {
      return action.get();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  @Test
  void signsInDemoUsersWithTheirPasswordAndRefusesWrongOnes() throws Exception {
    mvc.perform(post("/login").param("username", "designer").param("password", "wrong password!")
            .with(csrf()))
        .andExpect(status().isFound())
        .andExpect(header().string("Location", org.hamcrest.Matchers.containsString("/login?error")));
    assertThat(users.find("designer")).isPresent();
    assertThat(users.find("approver2")).isPresent();
    assertThat(users.find("rep2")).isPresent();
  }

  @Test
  void guardsUserChangesAndAuditReadingByRole() {
    NewUser user = new NewUser("mallory", "Mallory", null, "a long enough password", List.of("ADMIN"));
    assertThatThrownBy(() -> users.create(user)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    assertThatThrownBy(() -> audit.find(AuditQuery.all(), 0, 10))
        .isInstanceOf(AuthenticationCredentialsNotFoundException.class);

    as("dana", "DESIGNER", () -> {
      assertThatThrownBy(() -> users.create(user)).isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> audit.find(AuditQuery.all(), 0, 10)).isInstanceOf(AccessDeniedException.class);
      return null;
    });
    assertThat(as("ari", "ADMIN", () -> audit.find(AuditQuery.all(), 0, 10).getTotalElements())).isPositive();
    assertThat(users.find("mallory")).isEmpty();
  }
}
