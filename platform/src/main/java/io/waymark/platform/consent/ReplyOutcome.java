package io.waymark.platform.consent;

/**
 * What consent made of an inbound text: its class and rule, the action taken (OPTED_OUT, RESUBSCRIBED, HELP,
 * SIGNUP_STARTED, SIGNUP_CONFIRMED, NONE) and the compliance answer to send back, or null for none.
 */
public record ReplyOutcome(ReplyClass replyClass, String matchedRule, Action action, String answer) {

  public enum Action { OPTED_OUT, RESUBSCRIBED, HELP, SIGNUP_STARTED, SIGNUP_CONFIRMED, NONE }
}
