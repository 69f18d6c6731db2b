package io.waymark.workflows;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The job types of Waymark's journeys: a contract with every deployed model, every Modeler element template and
 * every worker. Extend, never rename.
 */
public final class JobTypes {

  public static final String CHECK_CONSENT = "check-consent";
  public static final String SEND_SMS = "send-sms";
  public static final String SEND_EMAIL = "send-email";
  public static final String RECORD_OUTCOME = "record-outcome";

  public static final String CREATE_CRM_TASK = "create-crm-task";
  public static final String ESCALATE_LEAD = "escalate-lead";
  public static final String RESOLVE_AUDIENCE = "resolve-audience";
  public static final String REQUEST_APPROVAL = "request-approval";
  public static final String SEND_BATCH = "send-batch";

  /**
   * Every job type a worker serves today. A journey may use no other: the journey linter refuses one that does
   * (rule {@code known-job-types}), since its instances would wait for a worker that never comes.
   */
  public static final Set<String> ALL = Set.of(CHECK_CONSENT, SEND_SMS, SEND_EMAIL, RECORD_OUTCOME, CREATE_CRM_TASK,
      ESCALATE_LEAD, RESOLVE_AUDIENCE, REQUEST_APPROVAL, SEND_BATCH);

  /**
   * Job types of the design that no worker serves yet. Their names and element templates are fixed already, so
   * that models and workers can be written against them; a type moves to {@link #ALL} with its worker. Empty since
   * {@code create-crm-task} and {@code escalate-lead} moved (the hot-lead hand-off).
   */
  public static final Set<String> PLANNED = Set.of();

  /** {@link #ALL} and {@link #PLANNED}: every job type with an element template. */
  public static final Set<String> DECLARED = declared();

  private JobTypes() {
  }

  private static Set<String> declared() {
    Set<String> declared = new LinkedHashSet<>(ALL);
    declared.addAll(PLANNED);
    return Set.copyOf(declared);
  }
}
