package io.waymark.platform.governance;

import io.waymark.platform.support.InvalidInputException.Problem;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules for usernames, display names, emails, passwords and role names; each broken rule is one problem. */
final class UserRules {

  static final int MIN_PASSWORD_LENGTH = 12;
  private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,63}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private UserRules() {
  }

  static void username(String username, List<Problem> problems) {
    if (username == null || username.isBlank()) {
      problems.add(new Problem("username", "is required"));
    } else if (!USERNAME.matcher(username).matches()) {
      problems.add(new Problem("username", "'" + username + "' is not 3 to 64 of a-z, 0-9, '.', '_', '-' starting "
          + "with a letter"));
    }
  }

  static void displayName(String displayName, List<Problem> problems) {
    if (displayName == null || displayName.isBlank()) {
      problems.add(new Problem("displayName", "is required"));
    } else if (displayName.strip().length() > 100) {
      problems.add(new Problem("displayName", "is longer than 100 characters"));
    }
  }

  static void email(String email, List<Problem> problems) {
    if (email != null && !email.isBlank() && (email.strip().length() > 254 || !EMAIL.matcher(email.strip()).matches())) {
      problems.add(new Problem("email", "'" + email + "' is not an email address"));
    }
  }

  static void password(String password, List<Problem> problems) {
    if (password == null || password.isEmpty()) {
      problems.add(new Problem("password", "is required (at least " + MIN_PASSWORD_LENGTH + " characters)"));
    } else if (password.length() < MIN_PASSWORD_LENGTH) {
      problems.add(new Problem("password", "is too weak: at least " + MIN_PASSWORD_LENGTH + " characters, it has "
          + password.length()));
    } else if (password.length() > 128) {
      problems.add(new Problem("password", "is longer than 128 characters"));
    } else if (password.isBlank()) {
      problems.add(new Problem("password", "is too weak: it is only blanks"));
    } else if (password.chars().distinct().count() < 4) {
      problems.add(new Problem("password", "is too weak: it repeats fewer than 4 different characters"));
    }
  }

  /** The roles named, or problems: at least one, each one of {@link Role}. */
  static Set<Role> roles(List<String> names, List<Problem> problems) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (names == null || names.isEmpty()) {
      problems.add(new Problem("roles", "needs at least one of " + Role.names()));
      return roles;
    }
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      Role.named(name).ifPresentOrElse(roles::add, () -> problems.add(new Problem("roles",
          "'" + name + "' is not a role: one of " + Role.names())));
    }
    return roles;
  }
}
