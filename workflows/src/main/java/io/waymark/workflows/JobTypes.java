package io.waymark.workflows;

import java.util.Set;

/**
 * The job types Waymark's BPMN journeys use and its workers serve. A contract with every deployed model and
 * every Modeler element template: extend, never rename.
 */
public final class JobTypes {

  public static final String CHECK_CONSENT = "check-consent";
  public static final String SEND_SMS = "send-sms";
  public static final String SEND_EMAIL = "send-email";
  public static final String RECORD_OUTCOME = "record-outcome";

  /** Every job type a worker serves. A bundled journey may use no other. */
  public static final Set<String> ALL = Set.of(CHECK_CONSENT, SEND_SMS, SEND_EMAIL, RECORD_OUTCOME);

  private JobTypes() {
  }
}
