package io.waymark.platform.governance;

import io.waymark.platform.support.InvalidInputException;
import io.waymark.platform.support.InvalidInputException.Problem;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who sign in to Waymark's UI: create, change roles, disable, set a password, find. Input is checked
 * before anything is written ({@link InvalidInputException} naming each problem); passwords are stored hashed only;
 * every change is written to the {@link AuditLog} in the same transaction. Changes are for ADMINs (guarded where the
 * application enables method security; the start-up bootstrap acts as {@code system} with that role).
 */
@Service
public class Users {

  private final UserAccountRepository users;
  private final PasswordEncoder passwords;
  private final AuditLog audit;
  private final Clock clock;

  Users(UserAccountRepository users, PasswordEncoder passwords, AuditLog audit, Clock clock) {
    this.users = users;
    this.passwords = passwords;
    this.audit = audit;
    this.clock = clock;
  }

  /** Creates an enabled user; audited as {@code user.created} (without the password). */
  @Transactional
  @RolesAllowed("ADMIN")
  public UserView create(NewUser user) {
    List<Problem> problems = new ArrayList<>();
    String username = user.username() == null ? null : user.username().strip();
    UserRules.username(username, problems);
    UserRules.displayName(user.displayName(), problems);
    UserRules.email(user.email(), problems);
    UserRules.password(user.password(), problems);
    Set<Role> roles = UserRules.roles(user.roles(), problems);
    if (problems.isEmpty() && users.existsByUsername(username)) {
      problems.add(new Problem("username", "'" + username + "' is taken"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    String email = user.email() == null || user.email().isBlank() ? null : user.email().strip();
    UserAccount created = users.saveAndFlush(new UserAccount(username, user.displayName().strip(), email,
        passwords.encode(user.password()), roles, clock.instant().truncatedTo(ChronoUnit.MICROS)));
    UserView view = created.view();
    audit.record(AuditLog.Entry.of("user.created", "user", username).after(auditable(view))
        .detail("user " + username + " created with roles " + new TreeSet<>(roles)));
    return view;
  }

  /** Replaces the user's roles (at least one); audited as {@code user.roles.changed} with before and after. */
  @Transactional
  @RolesAllowed("ADMIN")
  public UserView changeRoles(String username, List<String> roleNames) {
    List<Problem> problems = new ArrayList<>();
    Set<Role> roles = UserRules.roles(roleNames, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    UserAccount user = existing(username);
    Set<Role> before = user.roles();
    user.changeRoles(roles);
    users.saveAndFlush(user);
    audit.record(AuditLog.Entry.of("user.roles.changed", "user", user.username())
        .before(Map.of("roles", new TreeSet<>(before))).after(Map.of("roles", new TreeSet<>(roles)))
        .detail("roles of " + user.username() + ": " + new TreeSet<>(before) + " -> " + new TreeSet<>(roles)));
    return user.view();
  }

  /** Disables (or enables again) the user: a disabled user cannot sign in. Audited as user.disabled/user.enabled. */
  @Transactional
  @RolesAllowed("ADMIN")
  public UserView setEnabled(String username, boolean enabled) {
    UserAccount user = existing(username);
    boolean before = user.enabled();
    user.enable(enabled);
    users.saveAndFlush(user);
    audit.record(AuditLog.Entry.of(enabled ? "user.enabled" : "user.disabled", "user", user.username())
        .before(Map.of("enabled", before)).after(Map.of("enabled", enabled)));
    return user.view();
  }

  /** Sets a new password (at least 12 characters); audited as {@code user.password.set}, never with the password. */
  @Transactional
  @RolesAllowed("ADMIN")
  public void setPassword(String username, String password) {
    List<Problem> problems = new ArrayList<>();
    UserRules.password(password, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    UserAccount user = existing(username);
    user.changePassword(passwords.encode(password));
    users.saveAndFlush(user);
    audit.record(AuditLog.Entry.of("user.password.set", "user", user.username())
        .detail("password of " + user.username() + " set"));
  }

  @Transactional(readOnly = true)
  public Optional<UserView> find(String username) {
    return username == null ? Optional.empty() : users.findByUsername(username.strip()).map(UserAccount::view);
  }

  /** Every user, by username (a few dozen people, not a contact list). */
  @Transactional(readOnly = true)
  public List<UserView> list() {
    return users.findAllByOrderByUsername().stream().map(UserAccount::view).toList();
  }

  @Transactional(readOnly = true)
  public long count() {
    return users.count();
  }

  /** What the sign-in checks a password against; for the UI's security set-up only. */
  @Transactional(readOnly = true)
  public Optional<SignInAccount> signInAccount(String username) {
    return username == null ? Optional.empty() : users.findByUsername(username.strip())
        .map(u -> new SignInAccount(u.username(), u.passwordHash(), u.enabled(), u.roles()));
  }

  private UserAccount existing(String username) {
    return (username == null ? Optional.<UserAccount>empty() : users.findByUsername(username.strip()))
        .orElseThrow(() -> new UnknownUserException(username));
  }

  private static Map<String, Object> auditable(UserView view) {
    return Map.of("username", view.username(), "displayName", view.displayName(),
        "email", view.email() == null ? "" : view.email(), "enabled", view.enabled(),
        "roles", new TreeSet<>(view.roles()));
  }
}
