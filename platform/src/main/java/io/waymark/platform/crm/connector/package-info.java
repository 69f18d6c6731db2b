/**
 * CRM connectors of the {@code crm} module: the lead inbox mirrors each hot-lead task into the customer's CRM through
 * a {@link io.waymark.platform.crm.connector.CrmConnector} (HubSpot CRM v3 tasks, Salesforce Task sObjects), each
 * behind Resilience4j ({@code crm-hubspot}, {@code crm-salesforce}) and idempotent per Waymark task id. A CRM that is
 * down answers {@link io.waymark.platform.crm.connector.CrmUnavailableException} (retry later), a refusal
 * {@link io.waymark.platform.crm.connector.CrmRejectedException}. The CRMs report completed tasks through
 * {@code /webhooks/hubspot/tasks} (v3 signature) and {@code /webhooks/salesforce/tasks} (shared secret) to the inbox's
 * {@link io.waymark.platform.crm.connector.CrmTaskCompletions}. Configuration: {@code waymark.crm.hubspot.*},
 * {@code waymark.crm.salesforce.*}.
 */
package io.waymark.platform.crm.connector;
