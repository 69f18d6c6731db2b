package io.waymark.platform.policy;

import java.time.Instant;

/** A {@link SendDecision} with the sentence behind it (which rule, which zone), for logs and tests. */
record Ruling(SendDecision decision, String detail) {

  static Ruling send() {
    return new Ruling(SendDecision.send(), "allowed");
  }

  static Ruling defer(Instant until, String reason, String detail) {
    return new Ruling(SendDecision.defer(until, reason), detail);
  }

  static Ruling suppress(String reason, String detail) {
    return new Ruling(SendDecision.suppress(reason), detail);
  }
}
