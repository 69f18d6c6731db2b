package io.waymark.platform.crm.connector;

public record CrmTaskRequest(long waymarkTaskId, String subject, String body, java.time.Instant dueAt,
    CrmPriority priority, java.util.List<String> tags, String ownerCrmId, CrmContact contact) {
}
