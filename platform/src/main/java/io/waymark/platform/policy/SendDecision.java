package io.waymark.platform.policy;

import java.time.Instant;

/** The policy's answer. {@code until} is set for DEFER only, {@code reason} for SUPPRESS (and DEFER). */
public record SendDecision(Verdict verdict, Instant until, String reason) {

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
