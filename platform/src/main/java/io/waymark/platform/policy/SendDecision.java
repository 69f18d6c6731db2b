package io.waymark.platform.policy;

import java.time.Instant;

/**
 * The policy's answer. {@code until} is set for DEFER only, {@code reason} for SUPPRESS and DEFER: one of the stable
 * upper-case codes below, which callers may store and branch on. {@code consentRecordId} is the consent ledger line
 * the decision rests on (the opt-in that allowed it, or the opt-out that refused it), when consent was consulted.
 */
public record SendDecision(Verdict verdict, Instant until, String reason, Long consentRecordId) {

  public SendDecision(Verdict verdict, Instant until, String reason) {
    this(verdict, until, reason, null);
  }

  /** The same decision, resting on that consent ledger line. */
  public SendDecision basedOn(Long recordId) {
    return new SendDecision(verdict, until, reason, recordId);
  }

  /** The contact id names no contact. */
  public static final String UNKNOWN_CONTACT = "UNKNOWN_CONTACT";
  /** The contact holds no opt-in for the topic. */
  public static final String NO_CONSENT = "NO_CONSENT";
  /** The contact withdrew consent for the topic (or for everything). */
  public static final String OPTED_OUT = "OPTED_OUT";
  /** The number is on the suppression list. */
  public static final String SUPPRESSED = "SUPPRESSED";
  /** Outside the allowed local-time window (DEFER), or the recipient's zones' windows never overlap (SUPPRESS). */
  public static final String QUIET_HOURS = "QUIET_HOURS";
  /** A frequency cap is reached: DEFER until it frees, or SUPPRESS when that is after the request's notAfter. */
  public static final String CAP_REACHED = "CAP_REACHED";
  /** notAfter has passed, or the quiet hours would hold the message past it. */
  public static final String EXPIRED = "EXPIRED";
  /** A window applies but neither the contact nor its number tells the recipient's time zone. */
  public static final String UNKNOWN_TIME_ZONE = "UNKNOWN_TIME_ZONE";

  public enum Verdict { SEND, DEFER, SUPPRESS }

  public static SendDecision send() {
    return new SendDecision(Verdict.SEND, null, null);
  }

  public static SendDecision defer(Instant until, String reason) {
    return new SendDecision(Verdict.DEFER, until, reason);
  }

  public static SendDecision suppress(String reason) {
    return new SendDecision(Verdict.SUPPRESS, null, reason);
  }

  public boolean allowsSending() {
    return verdict == Verdict.SEND;
  }
}
