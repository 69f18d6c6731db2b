package io.waymark.platform.crm.connector;

/**
 * Implemented by the lead inbox: a CRM reports (through its webhook) that the task with this external id is done,
 * which counts as the lead being accepted. CRMs deliver webhooks at least once, so the same completion may arrive
 * again: an implementation must treat a repeat as a no-op. It is called on the webhook's request thread and should
 * return quickly (record and publish an event, nothing slow); an exception makes the webhook answer 500 so that the
 * CRM redelivers.
 */
public interface CrmTaskCompletions {

  /**
   * @param system {@code "hubspot"} or {@code "salesforce"}
   * @param externalId the CRM's task id, as {@link CrmTaskRef#externalId()} returned it
   * @param completedBy who completed it, as the CRM says (HubSpot {@code userId:123}, or what a Salesforce Flow sends);
   *     never null
   */
  void completedInCrm(String system, String externalId, String completedBy);
}
