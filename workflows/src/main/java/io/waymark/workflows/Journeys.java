package io.waymark.workflows;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The journeys bundled with Waymark: BPMN files under {@code bpmn/} on the classpath, one per process id. Most are
 * journeys (started by an event, a schedule or a campaign, with stop rules and recorded outcomes); a few are
 * sub-journeys (process property {@value #KIND_PROPERTY} = {@value #KIND_SUB_JOURNEY}): reusable steps that journeys
 * call with a BPMN call activity, never started on their own.
 */
public final class Journeys {

  /** Process property saying what a process is: {@value #KIND_JOURNEY} (when absent too) or a sub-journey. */
  public static final String KIND_PROPERTY = "kind";
  public static final String KIND_JOURNEY = "journey";
  public static final String KIND_SUB_JOURNEY = "sub-journey";

  /**
   * Sub-journey: hands a hot lead to sales. create-crm-task routes it to an owner; the owner has until the SLA to
   * accept (message lead-accepted), else escalate-lead reassigns it to the next rep and tells the manager, and a
   * second breach gives it to the team lead. Returns {@code leadOutcome} (ACCEPTED, ACCEPTED_AFTER_ESCALATION or
   * UNACCEPTED), {@code crmTaskId}, {@code ownerId} and {@code acceptedBy}; the caller records the outcome and its stop
   * rules end the hand-off.
   */
  public static final String HOT_LEAD_HANDOFF = "hot-lead-handoff";

  public static final String LEAD_FOLLOW_UP = "lead-follow-up";
  /** A buyer showed intent (viewed pricing, asked for a demo): the hot lead goes to sales at once; no SMS. */
  public static final String BUYER_INTENT = "buyer-intent";
  /** Reminders 24 h and 2 h before an appointment, with reply 1 (confirm) and 2 (reschedule). */
  public static final String APPOINTMENT_REMINDER = "appointment-reminder";
  /** Two nudges after an abandoned cart, stopped by the cart's conversion. */
  public static final String CART_RECOVERY = "cart-recovery";
  /** Two texts to a contact inactive for 60 days, with a holdout that receives nothing. */
  public static final String WIN_BACK = "win-back";
  /** Transactional alerts for one order: shipped, out for delivery, delivered. */
  public static final String SHIPPING_UPDATE = "shipping-update";
  /**
   * One run of a campaign: a send to a segment's audience, resolved in batches, approved when large or sensitive, sent
   * in batches at the route's speed. Started by campaigns, not by events.
   */
  public static final String CAMPAIGN_SEND = "campaign-send";

  /** Process ids of the bundled sub-journeys: journeys call them, nothing starts them. */
  public static final List<String> SUB_JOURNEYS = List.of(HOT_LEAD_HANDOFF);

  /**
   * Process ids of every bundled journey and sub-journey, in deployment order: a sub-journey before the journeys that
   * call it, so that a caller never runs without it.
   */
  public static final List<String> BUNDLED = List.of(HOT_LEAD_HANDOFF, LEAD_FOLLOW_UP, BUYER_INTENT,
      APPOINTMENT_REMINDER, CART_RECOVERY, WIN_BACK, SHIPPING_UPDATE, CAMPAIGN_SEND);

  private Journeys() {
  }

  /** The process name a bundled journey's BPMN gives, e.g. "Lead follow-up"; the id where it names none. */
  public static String displayName(String processId) {
    try (InputStream in = Journeys.class.getClassLoader().getResourceAsStream(resource(processId))) {
      if (in == null) {
        throw new IllegalArgumentException("no bundled journey " + processId);
      }
      Process process = Bpmn.readModelFromStream(in).getModelElementById(processId);
      return process == null || process.getName() == null ? processId : process.getName();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a bundled process id is a sub-journey (called by journeys, never started by events or people). */
  public static boolean isSubJourney(String processId) {
    return SUB_JOURNEYS.contains(processId);
  }

  /** Classpath location of a bundled journey's BPMN file. */
  public static String resource(String processId) {
    return "bpmn/" + processId + ".bpmn";
  }
}
