package io.waymark.platform.crm;

/**
 * A hot-lead task was accepted, in Waymark's inbox ({@code via} INBOX) or by its CRM reporting it done (HUBSPOT,
 * SALESFORCE); the engine side publishes {@code lead-accepted} under the task id to the waiting journey.
 */
public record LeadAccepted(long taskId, String acceptedBy, String via) {
}
