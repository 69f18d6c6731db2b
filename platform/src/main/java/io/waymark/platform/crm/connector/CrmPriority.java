package io.waymark.platform.crm.connector;

/**
 * How urgent a task is. CRMs know three levels, so {@link #URGENT} is sent as their highest (HubSpot {@code HIGH},
 * Salesforce {@code High}); the inbox keeps the difference.
 */
public enum CrmPriority {
  LOW, MEDIUM, HIGH, URGENT
}
