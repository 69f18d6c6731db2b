package io.waymark.workflows;

/**
 * Message names the journeys wait for. Correlation keys are stable ids, named beside each message. Within one message
 * name every key comes from one id space, or carries a prefix naming its space: a cart id and a contact id may be
 * equal, so {@link #CONVERSION} keys cart ids as {@code "cart:" + cartId}.
 */
public final class Messages {

  /**
   * An inbound SMS from the contact; correlation key: the contact id. Carries {@code replyText}, {@code replyClass}
   * (HOT, NOT_NOW or OTHER) and {@code replyMessageId}.
   */
  public static final String SMS_REPLY = "sms-reply";

  /** The contact withdrew consent: the journey stops at once; correlation key: the journey run id. */
  public static final String CONTACT_OPTED_OUT = "contact-opted-out";

  /**
   * A purchase: the journey's goal is reached and it stops (outcome CONVERTED). Correlation key by what the journey
   * converts: {@code "cart:" + cartId} for cart-recovery (the abandoned cart was bought), the contact id for
   * win-back (the contact bought anything). The platform publishes one message per key a purchase event carries.
   */
  public static final String CONVERSION = "conversion";

  /**
   * The contact clicked a short link of a journey's SMS (a person, not a messaging app's preview bot); correlation key:
   * the contact id. Carries {@code lastClick} = {code, clickedAt} (clickedAt an ISO-8601 instant).
   */
  public static final String LINK_CLICKED = "link-clicked";

  /** The appointment was cancelled: the reminder journey stops (outcome CANCELLED); correlation key: the appointment id. */
  public static final String APPOINTMENT_CANCELLED = "appointment-cancelled";

  /**
   * A shipment moved on; correlation key: the order id. Carries {@code lastSignal} = {eventId, type, attributes} with
   * type {@code order.out-for-delivery} or {@code order.delivered} (other types are ignored by shipping-update).
   */
  public static final String SHIPMENT_UPDATED = "shipment-updated";

  /**
   * An approver decided on an approval request; correlation key: the approval id. Carries {@code approvalDecision}
   * (APPROVED or REJECTED), {@code approvalDecidedBy} and {@code approvalReason}.
   */
  public static final String APPROVAL_DECIDED = "approval-decided";

  /**
   * A person took on a hot lead: a rep accepted its task in Waymark's inbox, or the CRM reported the task done (which
   * counts as accepted); the hand-off ({@code hot-lead-handoff}) stops escalating. Correlation key: {@code crmTaskId},
   * the id of the task in Waymark's inbox as {@code create-crm-task} returned it (a string; escalations keep it).
   * Carries {@code acceptedBy} (the user id) and {@code acceptedVia} (INBOX, HUBSPOT or SALESFORCE).
   */
  public static final String LEAD_ACCEPTED = "lead-accepted";

  /** The campaign was cancelled: its run stops at once (outcome CANCELLED); correlation key: the campaign run id. */
  public static final String CAMPAIGN_CANCELLED = "campaign-cancelled";

  /** The conversion key of a cart, as cart-recovery subscribes to it. */
  public static String cartConversionKey(String cartId) {
    return "cart:" + cartId;
  }

  private Messages() {
  }
}
