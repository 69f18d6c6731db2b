package io.waymark.platform.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.platform.support.InvalidInputException;
import io.waymark.platform.support.InvalidInputException.Problem;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Users through the facade on H2: validation naming each problem, hashed passwords, audited changes. */
@SpringBootTest
@Import(ActingAs.class)
class UsersTests {

  private static final String PASSWORD = "correct horse battery";

  @Autowired Users users;
  @Autowired AuditLog audit;
  @Autowired PasswordEncoder passwords;

  private static String username(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private UserView create(String username, String... roles) {
    return users.create(new NewUser(username, "Dana Designer", "dana@acme.example", PASSWORD, List.of(roles)));
  }

  @Test
  void createsAnEnabledUserWithItsRolesAndOnlyAHashOfThePassword() {
    String username = username("dana");
    UserView created = create(username, "designer", "APPROVER");

    assertThat(created.enabled()).isTrue();
    assertThat(created.roles()).containsExactlyInAnyOrder(Role.DESIGNER, Role.APPROVER);
    assertThat(users.find(username)).contains(created);
    SignInAccount account = users.signInAccount(username).orElseThrow();
    assertThat(account.passwordHash()).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
    assertThat(passwords.matches(PASSWORD, account.passwordHash())).isTrue();
    assertThat(passwords.matches("correct horse battery!", account.passwordHash())).isFalse();
    assertThat(account.toString()).doesNotContain(account.passwordHash());
  }

  @Test
  void refusesBadInputNamingEveryProblem() {
    assertThatThrownBy(() -> users.create(new NewUser("9 Lives!", " ", "not-an-email", "short",
        List.of("DESIGNER", "KING"))))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
            .extracting(Problem::field)
            .containsExactly("username", "displayName", "email", "password", "roles"))
        .hasMessageContaining("'9 Lives!' is not 3 to 64 of a-z")
        .hasMessageContaining("password: is too weak: at least 12 characters, it has 5")
        .hasMessageContaining("'KING' is not a role: one of DESIGNER, APPROVER, SALES_REP, OPS, COMPLIANCE, ADMIN");
    assertThatThrownBy(() -> users.create(new NewUser(username("nobody"), "Nobody", null, PASSWORD, List.of())))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("roles"));
    assertThatThrownBy(() -> users.create(new NewUser(username("same"), "Same", null, "aaaaaaaaaaaaaaaa",
        List.of("OPS"))))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problem()).contains("too weak"));
  }

  @Test
  void refusesATakenUsername() {
    String username = username("taken");
    create(username, "OPS");

    assertThatThrownBy(() -> create(username, "OPS"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("username");
          assertThat(e.problem()).isEqualTo("'" + username + "' is taken");
        });
  }

  @Test
  void auditsCreationAndRoleChangesWithWhoBeforeAndAfter() {
    String username = username("rolf");
    ActingAs.run("alice", () -> {
      create(username, "SALES_REP");
      users.changeRoles(username, List.of("SALES_REP", "APPROVER"));
    });

    List<AuditEntryView> entries = audit.find(AuditQuery.all().bySubject("user", username), 0, 10).getContent();
    assertThat(entries).extracting(AuditEntryView::action).containsExactly("user.roles.changed", "user.created");
    assertThat(entries).extracting(AuditEntryView::actor).containsOnly("alice");
    AuditEntryView changed = entries.getFirst();
    assertThat(changed.before()).isEqualTo("{\"roles\":[\"SALES_REP\"]}");
    assertThat(changed.after()).isEqualTo("{\"roles\":[\"APPROVER\",\"SALES_REP\"]}");
    assertThat(changed.detail()).isEqualTo("roles of " + username + ": [SALES_REP] -> [APPROVER, SALES_REP]");
    assertThat(entries.getLast().after()).contains("\"username\":\"" + username + "\"").doesNotContain(PASSWORD)
        .doesNotContain("bcrypt");
    assertThat(users.find(username).orElseThrow().roles()).containsExactlyInAnyOrder(Role.SALES_REP, Role.APPROVER);
  }

  @Test
  void refusesUnknownRolesOnChangeAndLeavesTheRolesAsTheyWere() {
    String username = username("ron");
    create(username, "OPS");

    assertThatThrownBy(() -> users.changeRoles(username, List.of("OPS", "ROOT")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problem()).startsWith("'ROOT'"));
    assertThat(users.find(username).orElseThrow().roles()).containsExactly(Role.OPS);
    assertThatThrownBy(() -> users.changeRoles("nobody-" + UUID.randomUUID(), List.of("OPS")))
        .isInstanceOf(UnknownUserException.class);
  }

  @Test
  void disablesAUserSoThatItCannotSignIn() {
    String username = username("gone");
    create(username, "OPS");

    AtomicReference<UserView> disabled = new AtomicReference<>();
    ActingAs.run("admin", () -> disabled.set(users.setEnabled(username, false)));

    assertThat(disabled.get().enabled()).isFalse();
    assertThat(users.signInAccount(username).orElseThrow().enabled()).isFalse();
    assertThat(audit.find(AuditQuery.all().bySubject("user", username).byAction("user.disabled"), 0, 10)
        .getContent()).singleElement().satisfies(e -> {
          assertThat(e.actor()).isEqualTo("admin");
          assertThat(e.before()).isEqualTo("{\"enabled\":true}");
          assertThat(e.after()).isEqualTo("{\"enabled\":false}");
        });
  }

  @Test
  void setsANewPasswordOnlyWhenStrongEnough() {
    String username = username("pat");
    create(username, "COMPLIANCE");
    String before = users.signInAccount(username).orElseThrow().passwordHash();

    assertThatThrownBy(() -> users.setPassword(username, "12345678901"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("password"));
    assertThat(users.signInAccount(username).orElseThrow().passwordHash()).isEqualTo(before);

    users.setPassword(username, "a much longer passphrase");
    String after = users.signInAccount(username).orElseThrow().passwordHash();
    assertThat(passwords.matches("a much longer passphrase", after)).isTrue();
    assertThat(audit.find(AuditQuery.all().bySubject("user", username).byAction("user.password.set"), 0, 10)
        .getContent()).singleElement().satisfies(e -> assertThat(e.detail()).doesNotContain("passphrase"));
  }
}
