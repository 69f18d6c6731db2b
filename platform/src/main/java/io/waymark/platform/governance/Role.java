package io.waymark.platform.governance;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a person may do in Waymark. A user may hold several roles. Spring Security sees each one as the authority
 * {@code ROLE_<name>}, so views and facades are guarded with {@code @RolesAllowed("DESIGNER")} and the like.
 */
public enum Role {
  /** Draws, uploads, publishes and pauses journeys; writes templates. */
  DESIGNER,
  /** Signs off large or sensitive sends (never their own request). */
  APPROVER,
  /** Works hot-lead tasks with the conversation: sees full phone numbers. */
  SALES_REP,
  /** Watches instances, steps, failures and throughput; retries, cancels, pauses. */
  OPS,
  /** Consent, suppression and the audit log. */
  COMPLIANCE,
  /** Users and roles. */
  ADMIN;

  /** The role named (case-insensitive, surrounding blanks ignored), if there is one. */
  public static Optional<Role> named(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(r -> r.name().equals(wanted)).findFirst();
  }

  /** Every role's name, for error messages: "DESIGNER, APPROVER, ...". */
  public static String names() {
    return Arrays.stream(values()).map(Role::name).collect(Collectors.joining(", "));
  }

  /** Whether this role needs full phone numbers to do its work (people who talk to or protect contacts). */
  public boolean seesFullPhoneNumbers() {
    return this == SALES_REP || this == OPS || this == COMPLIANCE || this == ADMIN;
  }
}
