package io.waymark.ui.security;

import io.waymark.platform.governance.CurrentActor;
import io.waymark.platform.governance.NewUser;
import io.waymark.platform.governance.Users;
import io.waymark.platform.support.InvalidInputException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The first users. With {@code waymark.demo.users=true} (the embedded default) one demo user per role, plus a second
 * approver and a second rep, each with a new random password on every start, printed once in a banner and stored
 * hashed. {@code waymark.admin.username}/{@code waymark.admin.password} (WAYMARK_ADMIN_USERNAME /
 * WAYMARK_ADMIN_PASSWORD) create an ADMIN if no user of that name exists, refused if the password is weak. Without
 * demo users, with no users at all and no admin configured, the start fails: production has no default passwords.
 */
@Component
class UserBootstrap implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(UserBootstrap.class);
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The demo users: username, display name, roles. */
  static final List<NewUser> DEMO = List.of(
      demo("designer", "Dana Designer", "DESIGNER"),
      demo("approver", "Avery Approver", "APPROVER"),
      demo("approver2", "Alex Approver", "APPROVER"),
      demo("rep", "Riley Rep", "SALES_REP"),
      demo("rep2", "Robin Rep", "SALES_REP"),
      demo("ops", "Oli Ops", "OPS"),
      demo("compliance", "Casey Compliance", "COMPLIANCE"),
      demo("admin", "Ari Admin", "ADMIN"));

  private final Users users;
  private final boolean demoUsers;
  private final String adminUsername;
  private final String adminPassword;

  UserBootstrap(Users users, @Value("${waymark.demo.users:false}") boolean demoUsers,
      @Value("${waymark.admin.username:}") String adminUsername,
      @Value("${waymark.admin.password:}") String adminPassword) {
    this.users = users;
    this.demoUsers = demoUsers;
    this.adminUsername = adminUsername.strip();
    this.adminPassword = adminPassword;
  }

  private static NewUser demo(String username, String displayName, String role) {
    return new NewUser(username, displayName, username + "@waymark.example", null, List.of(role));
  }

  @Override
  public void run(ApplicationArguments args) {
    var previous = SecurityContextHolder.getContext();
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(CurrentActor.SYSTEM, null,
        AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
    SecurityContextHolder.setContext(context);
    try {
      bootstrap();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }

  private void bootstrap() {
    if (!adminUsername.isEmpty() && users.find(adminUsername).isEmpty()) {
      try {
        users.create(new NewUser(adminUsername, adminUsername, null, adminPassword, List.of("ADMIN")));
        LOG.info("Created ADMIN user '{}' from waymark.admin.username", adminUsername);
      } catch (InvalidInputException e) {
        throw new IllegalStateException("WAYMARK_ADMIN_USERNAME/WAYMARK_ADMIN_PASSWORD refused: " + e.getMessage(), e);
      }
    }
    if (demoUsers) {
      seedDemoUsers();
    } else if (users.count() == 0) {
      throw new IllegalStateException("Waymark has no users and demo users are off (waymark.demo.users=false): set "
          + "WAYMARK_ADMIN_USERNAME and WAYMARK_ADMIN_PASSWORD (at least 12 characters) to create the first ADMIN");
    }
  }

  private void seedDemoUsers() {
    List<String> lines = new ArrayList<>();
    for (NewUser user : DEMO) {
      String password = password();
      if (users.find(user.username()).isPresent()) {
        users.setPassword(user.username(), password);
      } else {
        users.create(new NewUser(user.username(), user.displayName(), user.email(), password, user.roles()));
      }
      lines.add(String.format("  %-11s %-18s %s", user.username(), password, String.join(",", user.roles())));
    }
    String line = "=".repeat(64);
    LOG.warn("\n{}\n  Waymark demo users (embedded mode; new passwords on every start;\n"
        + "  switch off with waymark.demo.users=false)\n  username    password           roles\n{}\n{}",
        line, String.join("\n", lines), line);
  }

  private static String password() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
