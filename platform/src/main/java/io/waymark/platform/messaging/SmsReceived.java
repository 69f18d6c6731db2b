package io.waymark.platform.messaging;

/**
 * An inbound SMS was stored and read by consent. {@code replyClass} is the classification (OPT_OUT, OPT_IN, HELP,
 * HOT, NOT_NOW, OTHER); {@code answered} says whether a compliance answer (opt-out confirmation, help text, sign-up
 * prompt) is to go back. Published through the event publication registry, so a listener that fails (the engine
 * briefly unreachable) is retried, not lost.
 */
public record SmsReceived(long inboundMessageId, long contactId, String replyClass, boolean answered) {

  /** Whether the text is a reply a journey may act on (not an opt-out, opt-in, help request or sign-up). */
  public boolean isConversational() {
    return !answered && (replyClass.equals("HOT") || replyClass.equals("NOT_NOW") || replyClass.equals("OTHER"));
  }
}
