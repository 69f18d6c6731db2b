package io.waymark.workflows;

/** Message names the journeys wait for. Correlation keys are stable ids, named beside each message. */
public final class Messages {

  /** An inbound SMS from the contact; correlation key: the contact id. */
  public static final String SMS_REPLY = "sms-reply";

  /** The contact withdrew consent: the journey stops at once; correlation key: the journey run id. */
  public static final String CONTACT_OPTED_OUT = "contact-opted-out";

  private Messages() {
  }
}
