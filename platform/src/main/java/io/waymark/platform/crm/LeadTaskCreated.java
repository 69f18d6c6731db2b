package io.waymark.platform.crm;

/** A hot-lead task was created (published after its transaction commits): its CRM copy is attempted at once. */
public record LeadTaskCreated(long taskId, String ownerId) {
}
