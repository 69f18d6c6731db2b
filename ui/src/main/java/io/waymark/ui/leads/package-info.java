/**
 * The lead inbox for sales reps ({@code LeadInboxView}, route {@code leads}): their live hot-lead tasks with the time
 * left, the conversation, contact and consent, and accept, mark contacted, reassign through the crm module's
 * {@code LeadInbox}; new and accepted tasks pushed to the open inboxes ({@code LeadBroadcaster}).
 */
package io.waymark.ui.leads;
