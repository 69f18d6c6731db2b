package io.waymark.platform.consent;

/** What an inbound SMS reply means for consent and for the journey; decided by {@link ReplyClassifier}. */
public enum ReplyClass {

  /** The sender withdraws consent (CTIA keywords, soft opt-outs, other languages). Honour at once. */
  OPT_OUT,

  /** The sender asks to be subscribed again (START, UNSTOP, SUBSCRIBE). */
  OPT_IN,

  /** The sender asks for help or who is texting. */
  HELP,

  /** Buying or meeting intent that a sales rep should act on now. */
  HOT,

  /** A polite no or later; consent kept. */
  NOT_NOW,

  /** Anything else: questions, thanks, noise. Consent kept. */
  OTHER
}
