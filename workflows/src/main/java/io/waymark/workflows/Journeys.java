package io.waymark.workflows;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The journeys bundled with Waymark: BPMN files under {@code bpmn/} on the classpath, one per process id. */
public final class Journeys {

  public static final String LEAD_FOLLOW_UP = "lead-follow-up";
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

  /** Process ids of every bundled journey, in deployment order. */
  public static final List<String> BUNDLED = List.of(LEAD_FOLLOW_UP, APPOINTMENT_REMINDER, CART_RECOVERY, WIN_BACK,
      SHIPPING_UPDATE, CAMPAIGN_SEND);

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

  /** Classpath location of a bundled journey's BPMN file. */
  public static String resource(String processId) {
    return "bpmn/" + processId + ".bpmn";
  }
}
