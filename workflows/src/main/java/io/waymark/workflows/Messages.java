package io.waymark.workflows;

/** Message names the journeys wait for. Correlation keys are stable ids, named beside each message. */
public final class Messages {

  /** An inbound SMS from the contact; correlation key: the contact id. */
  public static final String SMS_REPLY = "sms-reply";

  private Messages() {
  }
}
