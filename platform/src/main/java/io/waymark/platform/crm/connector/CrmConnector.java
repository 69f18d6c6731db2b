package io.waymark.platform.crm.connector;

/**
 * A customer's CRM as seen by the lead inbox: one task per Waymark task, never two. The inbox keeps its own task
 * first; the CRM copy is a best-effort mirror that the inbox retries later when {@link CrmUnavailableException} says
 * the CRM could not be reached, and gives up on when {@link CrmRejectedException} says the CRM refused it for good.
 */
public interface CrmConnector {

  /** {@code "hubspot"} or {@code "salesforce"}. */
  String system();

  /**
   * Creates the task for {@code request.waymarkTaskId()}, or returns the one an earlier attempt created (never two):
   * a redelivered job, or a retry after a lost answer, finds the earlier task instead of creating another.
   *
   * @throws CrmUnavailableException the CRM is down, slow, rate-limiting or its breaker is open: retry later
   * @throws CrmRejectedException the CRM refused the request (bad data, bad credentials, missing permission)
   */
  CrmTaskRef upsertTask(CrmTaskRequest request);
}
