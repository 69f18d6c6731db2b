package io.waymark.platform.crm.connector;

/**
 * The CRM's copy of a Waymark task: {@code externalId} is the CRM's own id (HubSpot task id, Salesforce Task Id,
 * 18 characters), the one its completion webhook reports; {@code created} is false when an earlier attempt had
 * already created it.
 */
public record CrmTaskRef(String system, String externalId, boolean created) {
}
